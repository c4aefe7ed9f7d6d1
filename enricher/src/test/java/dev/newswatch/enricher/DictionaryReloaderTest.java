package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.ShippedConfig;
import dev.newswatch.enricher.tagging.TopicRules;

class DictionaryReloaderTest {

    private static final String TITLE = "콰이쇼우, 새 영상 모델 공개";
    private static final String TEXT = "콰이쇼우가 새 동영상 생성 모델을 공개했다. 회사는 곧 해외에도 서비스한다.";
    private static final String KUAISHOU = """
              - id: kuaishou
                name: Kuaishou
                kind: company
                aliases: [콰이쇼우, Kuaishou, 快手]
            """;

    @TempDir
    Path directory;
    private Path entities;
    private Path topics;
    private ArticleEnricher enricher;
    private SimpleMeterRegistry registry;
    private DictionaryReloader reloader;

    @BeforeEach
    void copyTheShippedConfiguration() throws IOException {
        entities = Files.copy(ShippedConfig.ENTITIES, directory.resolve("entities.yml"));
        topics = Files.copy(ShippedConfig.TOPICS, directory.resolve("topics.yml"));
        enricher = ArticleEnricher.of(EntityDictionary.load(entities), TopicRules.load(topics), Clock.systemUTC());
        registry = new SimpleMeterRegistry();
        EnricherMetrics metrics = new EnricherMetrics(registry, TopicRules.load(topics));
        reloader = new DictionaryReloader(entities, topics, enricher, metrics);
    }

    @AfterEach
    void stop() {
        reloader.close();
    }

    private List<String> entityIds() {
        return enricher.tag(TITLE, TEXT).entities().stream().map(EntityTag::id).toList();
    }

    private double reloads(String outcome) {
        return registry.get("newswatch.enricher.config.reloads").tag("outcome", outcome).counter().count();
    }

    private void append(Path file, String yaml) throws IOException {
        Path edited = directory.resolve(file.getFileName() + ".new");
        Files.writeString(edited, Files.readString(file, StandardCharsets.UTF_8) + yaml, StandardCharsets.UTF_8);
        Files.move(edited, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void anUnchangedFileIsNotReloaded() {
        assertThat(reloader.check()).isFalse();
        assertThat(reloads("reloaded")).isZero();
    }

    @Test
    void anAddedEntityIsTaggedAfterTheReload() throws IOException {
        assertThat(entityIds()).doesNotContain("kuaishou");

        append(entities, KUAISHOU);

        assertThat(reloader.check()).isTrue();
        assertThat(entityIds()).contains("kuaishou");
        assertThat(reloads("reloaded")).isEqualTo(1.0);
    }

    @Test
    void anEditedTopicRuleTakesEffect() throws IOException {
        assertThat(enricher.tag(TITLE, TEXT).topics()).extracting(TopicTag::id).doesNotContain("video");

        append(topics, """
                  - id: video
                    name: Video generation
                    cues: {영상: 1.0, 동영상: 1.0}
                """);

        assertThat(reloader.check()).isTrue();
        assertThat(enricher.tag(TITLE, TEXT).topics()).extracting(TopicTag::id).contains("video");
    }

    @Test
    void anInvalidEditKeepsTheRunningDictionaryAndIsReportedOnceWithFileLineAndField() throws IOException {
        append(entities, KUAISHOU);
        reloader.check();

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            append(entities, """
                      - id: broken
                        name: Broken
                        aliases: [브로큰]
                    """);
            assertThat(reloader.check()).isFalse();
            assertThat(reloader.check()).as("the same bad content again").isFalse();
        } finally {
            System.setErr(stderr);
        }

        assertThat(entityIds()).as("the running dictionary").contains("kuaishou");
        assertThat(reloads("rejected")).isEqualTo(1.0);
        String log = errors.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains("ERROR"))).hasSize(1);
        assertThat(log).contains("entities.yml, line ", "field entities[", "has no kind");
    }

    @Test
    void aMisspeltFieldInAnEditIsReportedAsItselfAtItsLine() throws IOException {
        long linesBefore = Files.readAllLines(entities, StandardCharsets.UTF_8).size();
        int entitiesBefore = EntityDictionary.load(entities).entities().size();

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            append(entities, KUAISHOU.replace("aliases:", "aliasses:"));
            assertThat(reloader.check()).isFalse();
        } finally {
            System.setErr(stderr);
        }

        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains(entities + ", line " + (linesBefore + 4) + ", field entities[" + entitiesBefore
                        + "].aliasses: unknown field 'aliasses'")
                .doesNotContain("has no aliases");
    }

    @Test
    void thePollerPicksUpAnEditOnItsOwn() throws IOException {
        reloader.start(Duration.ofMillis(50));

        append(entities, KUAISHOU);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entityIds().contains("kuaishou"));
    }
}
