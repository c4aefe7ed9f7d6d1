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
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigReloads;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.ShippedConfig;
import dev.newswatch.enricher.tagging.ArticleEnricher.Tags;
import dev.newswatch.enricher.tagging.TopicRules;
import dev.newswatch.testsupport.BadConfigEdits;
import dev.newswatch.testsupport.BadConfigEdits.BadEdit;

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
        reloader = new DictionaryReloader(entities, topics, enricher,
                new ConfigReloads(registry, "enricher", "dictionary"));
    }

    @AfterEach
    void stop() {
        reloader.close();
    }

    private List<String> entityIds() {
        return enricher.tag(TITLE, TEXT).entities().stream().map(EntityTag::id).toList();
    }

    private double reloads(String outcome) {
        return registry.get("newswatch.enricher.config.reloads").tags("config", "dictionary", "outcome", outcome).counter().count();
    }

    /** Checks until the edit has settled: a change is taken once it reads the same on two checks in a row. */
    private boolean checkEdit() {
        reloader.check();
        return reloader.check();
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

        assertThat(checkEdit()).isTrue();
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

        assertThat(checkEdit()).isTrue();
        assertThat(enricher.tag(TITLE, TEXT).topics()).extracting(TopicTag::id).contains("video");
    }

    @Test
    void anInvalidEditKeepsTheRunningDictionaryAndIsReportedOnceWithFileLineAndField() throws IOException {
        append(entities, KUAISHOU);
        checkEdit();

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            append(entities, """
                      - id: broken
                        name: Broken
                        aliases: [브로큰]
                    """);
            assertThat(checkEdit()).isFalse();
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
            assertThat(checkEdit()).isFalse();
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

    @Test
    void everyBadEditOfEitherFileIsRejectedNamingFileLineAndFieldAndTheRunningDictionaryAndRulesStay()
            throws IOException {
        assertEachRejectedWhileTaggingGoesOn(entities, "entities[0]", "kind", "company", "planet");
        assertEachRejectedWhileTaggingGoesOn(topics, "topics[0]", "threshold", "2.0", "heavy");
    }

    @Test
    void aDictionaryCaughtHalfWrittenIsNeverPutInForce() throws IOException {
        String whole = Files.readString(entities, StandardCharsets.UTF_8) + KUAISHOU;

        BadConfigEdits.writeInTwoHalves(entities, whole, reloader::check);

        assertThat(entityIds()).contains("kuaishou");
        assertThat(reloads("rejected")).isZero();
    }

    /**
     * Bad edits of {@code file}: those of any file, and its first {@code field} misspelt and given
     * {@code invalid} for {@code value}.
     */
    private void assertEachRejectedWhileTaggingGoesOn(Path file, String first, String field, String value,
            String invalid) throws IOException {
        String valid = Files.readString(file, StandardCharsets.UTF_8);
        List<BadEdit> edits = new ArrayList<>(BadConfigEdits.anyFile(valid));
        String line = "    " + field + ": " + value;
        edits.add(BadConfigEdits.replacing("unknown field", valid, line, line.replace(field, field + "_"),
                first + "." + field + "_", "unknown field '" + field + "_'"));
        edits.add(BadConfigEdits.replacing("invalid value", valid, line, line.replace(value, invalid),
                first + "." + field));
        double rejectedBefore = reloads("rejected");
        String title = "화웨이, 미국 수출 통제 대상에 추가돼";
        String text = "미국 상무부가 화웨이를 수출 통제 대상에 추가했다.";
        Tags before = enricher.tag(title, text);
        assertThat(before.entities()).extracting(EntityTag::id).contains("huawei");
        assertThat(before.topics()).extracting(TopicTag::id).contains("export-controls");
        BadConfigEdits.assertEachRejected(file, valid, edits, reloader::check,
                () -> assertThat(enricher.tag(title, text)).as("tags under the running dictionary and rules")
                        .isEqualTo(before));
        assertThat(reloads("rejected") - rejectedBefore).isEqualTo(edits.size());
    }
}
