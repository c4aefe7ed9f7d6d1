package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;

/** {@code newswatch watches test}: what a watch would have raised on a file of articles, with no Kafka. */
class WatchesCommandTest {

    private static final Path SHIPPED = Path.of("..", "config").toAbsolutePath().normalize();
    private static final String SENTENCE = "미국 상무부가 엔비디아 H20의 대중국 수출 허가 요건을 강화했다.";

    @TempDir
    Path directory;
    private Path config;
    private WatchesCommandLine commandLine;

    @BeforeEach
    void writeSettingsReadingTheShippedDictionary() throws IOException {
        config = Files.writeString(directory.resolve("newswatch.yml"), """
                alerts:
                  watchesFile: %s
                  entitiesFile: %s
                  topicsFile: %s
                """.formatted(SHIPPED.resolve("watches.yml"), SHIPPED.resolve("entities.yml"),
                SHIPPED.resolve("topics.yml")), StandardCharsets.UTF_8);
        commandLine = new WatchesCommandLine(config);
    }

    private int run(String... args) {
        return commandLine.run(args);
    }

    private List<String> output() {
        return commandLine.output();
    }

    @Test
    void printsTheAlertEachEventRaisesAndTheUpdateItsLaterReportsMake() throws IOException {
        Path articles = directory.resolve("articles.jsonl");
        Files.write(articles, List.of(
                enriched("first", "h20-event", "칩인사이트"),
                enriched("second", "h20-event", "테크브리프"),
                "{\"id\": \"raw-1\", \"outlet\": \"원문일보\", \"title\": \"美, 엔비디아 H20 대중국 수출 통제 강화\", "
                        + "\"text\": \"미국 상무부가 엔비디아의 H20에 대한 수출 허가 요건을 강화했다.\"}",
                "{\"id\": \"raw-2\", \"title\": \"삼성전자 신제품 발표\", \"text\": \"삼성전자가 새 스마트폰을 공개했다.\"}"),
                StandardCharsets.UTF_8);

        int exit = run("watches", "test", "nvidia-china-exports", "--from", articles.toString());

        assertThat(exit).isZero();
        assertThat(output()).filteredOn(line -> line.startsWith("ALERT ")).satisfiesExactly(
                first -> assertThat(first).contains("HIGH [nvidia-china-exports] 엔비디아 H20 수출 통제 — 칩인사이트"),
                raw -> assertThat(raw).contains("[nvidia-china-exports] 美, 엔비디아 H20 대중국 수출 통제 강화 — 원문일보")
                        .contains("Nvidia H20").contains("export-controls"));
        assertThat(output()).filteredOn(line -> line.startsWith("UPDATE ")).singleElement()
                .satisfies(update -> assertThat(update).contains("칩인사이트").contains("also reported by 테크브리프"));
        assertThat(output()).last().isEqualTo("4 articles read, 2 alerts raised, 1 updated with later reports");
    }

    @Test
    void aLineThatIsNoArticleIsNamedAndTheRestStillRuns() throws IOException {
        Path articles = directory.resolve("articles.jsonl");
        Files.write(articles, List.of("not json", enriched("first", "h20-event", "칩인사이트")),
                StandardCharsets.UTF_8);

        int exit = run("watches", "test", "nvidia-china-exports", "--from", articles.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).first().asString().startsWith("line 1: not an article");
        assertThat(output()).last().isEqualTo("1 articles read, 1 alerts raised, 0 updated with later reports, "
                + "1 lines unreadable");
    }

    @Test
    void aWatchTheFileDoesNotDefineOrAnInvalidWatchFileIsRefused() throws IOException {
        Path articles = Files.writeString(directory.resolve("articles.jsonl"), "", StandardCharsets.UTF_8);
        Path draft = Files.writeString(directory.resolve("draft.yml"), """
                watches:
                  - id: draft
                    when:
                      companies: [huawai]
                """, StandardCharsets.UTF_8);

        assertThat(run("watches", "test", "no-such-watch", "--from", articles.toString())).isEqualTo(1);
        assertThat(output()).last().asString().startsWith("No watch 'no-such-watch' in ");
        assertThat(run("watches", "test", "draft", "--watches", draft.toString(), "--from", articles.toString()))
                .isEqualTo(2);
        assertThat(output()).last().asString().startsWith("INVALID " + draft + ", line 4, field "
                + "watches[0].when.companies[0]: no entity 'huawai' in ");
    }

    static String enriched(String id, String eventId, String outlet) throws IOException {
        Evidence chip = new Evidence(ArticleField.TEXT, "엔비디아 H20", 6, 14, SENTENCE);
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, "test", outlet,
                "https://news.example.kr/" + id, "엔비디아 H20 수출 통제", Instant.parse("2026-11-20T01:00:00Z"), null,
                Instant.parse("2026-11-20T01:05:00Z"), "ko", null, null, SENTENCE, id);
        return Json.mapper().writeValueAsString(new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, id, eventId,
                List.of(new EntityTag("nvidia-h20", "Nvidia H20", EntityKind.CHIP, "nvidia", List.of(chip),
                        Salience.ABOUT)),
                List.of(new TopicTag("export-controls", "Export controls", 0.9, List.of(chip))),
                Instant.parse("2026-11-20T01:06:00Z")));
    }
}
