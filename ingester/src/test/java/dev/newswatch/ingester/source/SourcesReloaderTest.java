package dev.newswatch.ingester.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.ingester.IngesterMetrics;

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
        return registry.get(IngesterMetrics.RELOADS).tag("outcome", outcome).counter().count();
    }

    @Test
    void appliesAValidEditOnceAndRejectsABrokenOneKeepingTheRunningSources() throws IOException {
        Path file = directory.resolve("sources.yml");
        Files.writeString(file, ONE_SOURCE, StandardCharsets.UTF_8);
        SourcesReloader reloader = new SourcesReloader(file, Files.readAllBytes(file), applied::add,
                new IngesterMetrics(registry, List.of())::reloaded);

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
        Files.writeString(file, ONE_SOURCE, StandardCharsets.UTF_8);
        SourcesReloader reloader = new SourcesReloader(file, Files.readAllBytes(file), applied::add,
                new IngesterMetrics(registry, List.of())::reloaded);
        Files.writeString(file, ONE_SOURCE + """
                    pollIntervall: PT30S
                    maxPollInterval: PT1M
                """, StandardCharsets.UTF_8);

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
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
}
