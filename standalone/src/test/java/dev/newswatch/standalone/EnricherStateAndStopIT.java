package dev.newswatch.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.Json;
import dev.newswatch.enricher.EnricherMain;

/** {@link StreamsServiceFaults} of the enricher: one enriched article per raw article on news.enriched. */
class EnricherStateAndStopIT extends StreamsServiceFaults {

    private static final Path SHIPPED = Path.of("config").toAbsolutePath();
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T01:00:00Z");

    @Override
    Class<?> main() {
        return EnricherMain.class;
    }

    @Override
    Path writeConfig(Path directory, int metricsPort, Path stateDirectory) throws IOException {
        return Files.writeString(directory.resolve("newswatch.yml"), """
                kafka:
                  bootstrapServers: %s
                enricher:
                  metricsPort: %d
                  entitiesFile: "%s"
                  topicsFile: "%s"
                  applicationId: enricher-state-it-%s
                  stateDirectory: "%s"
                """.formatted(kafka.bootstrapServers(), metricsPort, SHIPPED.resolve("entities.yml"),
                SHIPPED.resolve("topics.yml"), run, stateDirectory.toAbsolutePath()), StandardCharsets.UTF_8);
    }

    /** Articles numbered apart, a minute apart. */
    @Override
    ProducerRecord<String, byte[]> input(String id) {
        int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        String text = "반도체 공장 " + n + "호가 이번 주 첫 생산 라인을 가동했다고 회사가 " + n + "일 밝혔다. 라인은 데이터센터용"
                + " 메모리를 만든다.";
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, "test", "테크브리프",
                "https://news.example.kr/" + id, "반도체 공장 " + n + "호 가동", PUBLISHED.minusSeconds(60L * n), null,
                PUBLISHED.plusSeconds(300), "ko", null, null, text, id);
        try {
            return new ProducerRecord<>(Topics.RAW_ARTICLES, id, Json.mapper().writeValueAsBytes(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    List<String> outputs() {
        return List.of(Topics.ENRICHED_ARTICLES);
    }

    @Override
    Set<String> expectedKeys() {
        return Set.copyOf(ids);
    }

    @Override
    String createdAtStart() {
        return Topics.ENRICHED_ARTICLES;
    }
}
