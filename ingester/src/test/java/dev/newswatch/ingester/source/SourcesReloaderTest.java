package dev.newswatch.ingester.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.ingester.IngesterMetrics;
import dev.newswatch.testsupport.BadConfigEdits;
import dev.newswatch.testsupport.BadConfigEdits.BadEdit;

class SourcesReloaderTest {

    private static final String ONE_SOURCE = """
            sources:
              - id: etnews-today
                outlet: 전자신문
                kind: feed
                url: https://rss.etnews.com/Section901.xml
            """;

    @TempDir
    Path directory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<List<Source>> applied = new CopyOnWriteArrayList<>();

    private double reloads(String outcome) {
        return registry.get(IngesterMetrics.RELOADS).tags("config", "sources", "outcome", outcome).counter().count();
    }

    private SourcesReloader reloaderOf(Path file) throws IOException {
        Files.writeString(file, ONE_SOURCE, StandardCharsets.UTF_8);
        return new SourcesReloader(file, Files.readAllBytes(file), applied::add,
                new IngesterMetrics(registry, List.of())::reloaded);
    }

    /** One check; true when it applied an edit. */
    private boolean applies(SourcesReloader reloader) {
        int before = applied.size();
        reloader.check();
        return applied.size() > before;
    }

    @Test
    void appliesAValidEditOnceAndRejectsABrokenOneKeepingTheRunningSources() throws IOException {
        Path file = directory.resolve("sources.yml");
        SourcesReloader reloader = reloaderOf(file);

        reloader.check();
        assertThat(applied).as("an unchanged file applies nothing").isEmpty();

        Files.writeString(file, ONE_SOURCE + """
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/?lstcode=0000&page=1
                    linkSelector: ".newsPost .assetText > a"
                """, StandardCharsets.UTF_8);
        reloader.check();
        reloader.check();
        assertThat(applied).singleElement().satisfies(sources ->
                assertThat(sources).extracting(Source::id).containsExactly("etnews-today", "zdnet-news"));
        assertThat(reloads("reloaded")).isEqualTo(1);

        Files.writeString(file, ONE_SOURCE + """
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/?lstcode=0000&page=1
                """, StandardCharsets.UTF_8);
        reloader.check();
        reloader.check();
        assertThat(applied).hasSize(1);
        assertThat(reloads("rejected")).as("one rejection per broken version, not per check").isEqualTo(1);
    }

    @Test
    void aRejectedEditIsLoggedWithTheLineAndNameOfTheMisspeltField() throws IOException {
        Path file = directory.resolve("sources.yml");
        SourcesReloader reloader = reloaderOf(file);
        Files.writeString(file, ONE_SOURCE + """
                    pollIntervall: PT30S
                    maxPollInterval: PT1M
                """, StandardCharsets.UTF_8);

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            reloader.check();
            reloader.check();
        } finally {
            System.setErr(stderr);
        }

        assertThat(applied).isEmpty();
        assertThat(reloads("rejected")).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains(file + ", line 6, field sources[0].pollIntervall: unknown field 'pollIntervall'")
                .doesNotContain("maxPollInterval is");
    }
    @Test
    void everyBadEditIsRejectedNamingFileLineAndFieldAndTheRunningSourcesStay() throws IOException {
        Path file = directory.resolve("sources.yml");
        SourcesReloader reloader = reloaderOf(file);
        List<BadEdit> edits = new ArrayList<>(BadConfigEdits.anyFile(ONE_SOURCE));
        edits.add(BadConfigEdits.replacing("unknown field", ONE_SOURCE, "outlet:", "outlett:",
                "sources[0].outlett", "unknown field 'outlett'"));
        edits.add(BadConfigEdits.replacing("invalid value", ONE_SOURCE, "kind: feed", "kind: podcast",
                "sources[0].kind"));

        BadConfigEdits.assertEachRejected(file, ONE_SOURCE, edits, () -> applies(reloader), () -> assertThat(applied).as("only the file put back after each rejected edit is applied")
                .allSatisfy(sources -> assertThat(sources).extracting(Source::id).containsExactly("etnews-today")));

        assertThat(reloads("rejected")).isEqualTo(edits.size());
        assertThat(reloads("reloaded")).isEqualTo(edits.size());
    }

    @Test
    void aSourcesFileCaughtHalfWrittenIsNeverApplied() throws IOException {
        Path file = directory.resolve("sources.yml");
        SourcesReloader reloader = reloaderOf(file);
        String two = ONE_SOURCE + ONE_SOURCE.substring(ONE_SOURCE.indexOf("  - id:")).replace("etnews-today", "second");

        BadConfigEdits.writeInTwoHalves(file, two, () -> applies(reloader));

        assertThat(applied).singleElement().satisfies(sources ->
                assertThat(sources).extracting(Source::id).containsExactly("etnews-today", "second"));
        assertThat(reloads("rejected")).isZero();
    }
}
