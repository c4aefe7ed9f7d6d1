package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DeadLetterHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EnricherTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
    private static final String TITLE = "화웨이, 어센드 910C 양산 돌입…엔비디아 H20 빈자리 노린다";
    private static final String TEXT = """
            중국 화웨이가 인공지능(AI) 가속기 어센드 910C의 양산에 들어갔다. 회사는 올해 출하량을 두 배로 늘릴 계획이다.

            미국 정부의 수출 통제로 엔비디아는 H20을 중국에 팔기 어려워졌다.업계에서는 화웨이가 그 빈자리를 차지할 것으로 본다.

            한편 메타버스 사업을 접은 한 게임사는 이번 일과 관계가 없다.""";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        TopicRules rules = ShippedConfig.topics();
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), rules, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties config = new Properties();
        config.put("application.id", "enricher-topology-test");
        config.put("bootstrap.servers", "127.0.0.1:9");
        driver = new TopologyTestDriver(EnricherTopology.build(enricher, new EnricherMetrics(registry, rules)), config);
        raw = driver.createInputTopic(Topics.RAW_ARTICLES, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, new StringDeserializer(),
                JsonSerde.of(EnrichedArticle.class));
        deadLetters = driver.createOutputTopic(Topics.RAW_ARTICLES_DEAD_LETTERS, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static RawArticle article(String id) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, "demo-news", "데모뉴스", "https://news.example/" + id,
                TITLE, Instant.parse("2026-11-22T06:00:00Z"), null, Instant.parse("2026-11-22T06:05:00Z"), "ko", null, null,
                TEXT,
                "fp-" + id);
    }

    private static byte[] json(RawArticle article) {
        return JsonSerde.of(RawArticle.class).serialize(Topics.RAW_ARTICLES, article);
    }

    private static EntityTag entity(EnrichedArticle article, String id) {
        return article.entities().stream().filter(tag -> tag.id().equals(id)).findFirst().orElseThrow();
    }

    private static TopicTag topic(EnrichedArticle article, String id) {
        return article.topics().stream().filter(tag -> tag.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void enrichesAKoreanArticleWithEntitiesTopicsAndEvidence() {
        raw.pipeInput("a1", json(article("a1")));

        TestRecord<String, EnrichedArticle> record = enriched.readRecord();
        assertThat(record.key()).isEqualTo("a1");
        EnrichedArticle article = record.value();
        assertThat(article.schemaVersion()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
        assertThat(article.enrichedAt()).isEqualTo(NOW);
        assertThat(article.article()).isEqualTo(article("a1"));
        assertThat(article.entities()).extracting(EntityTag::id)
                .containsExactly("huawei", "huawei-ascend-910c", "nvidia", "nvidia-h20");
        assertThat(article.topics()).extracting(TopicTag::id).contains("chip-launch", "export-controls")
                .doesNotContain("funding", "ai-model-release");

        EntityTag chip = entity(article, "huawei-ascend-910c");
        assertThat(chip.kind()).isEqualTo(EntityKind.CHIP);
        assertThat(chip.vendor()).isEqualTo("huawei");
        assertThat(chip.name()).isEqualTo("Ascend 910C");
        assertThat(chip.evidence()).containsExactly(
                new Evidence(ArticleField.TITLE, "어센드 910C", 5, 13, TITLE),
                new Evidence(ArticleField.TEXT, "어센드 910C", TEXT.indexOf("어센드"), TEXT.indexOf("어센드") + 8,
                        "중국 화웨이가 인공지능(AI) 가속기 어센드 910C의 양산에 들어갔다."));

        EntityTag h20 = entity(article, "nvidia-h20");
        assertThat(h20.evidence()).extracting(Evidence::field, Evidence::matched, Evidence::sentence)
                .containsExactly(
                        tuple(ArticleField.TITLE, "H20", TITLE),
                        tuple(ArticleField.TEXT, "H20",
                                "미국 정부의 수출 통제로 엔비디아는 H20을 중국에 팔기 어려워졌다."));
        assertThat(entity(article, "huawei").evidence()).extracting(Evidence::sentence)
                .contains("업계에서는 화웨이가 그 빈자리를 차지할 것으로 본다.");
        for (EntityTag tag : article.entities()) {
            for (Evidence evidence : tag.evidence()) {
                String field = evidence.field() == ArticleField.TITLE ? TITLE : TEXT;
                assertThat(field.substring(evidence.start(), evidence.end())).isEqualTo(evidence.matched());
                assertThat(evidence.sentence()).contains(evidence.matched());
            }
        }

        TopicTag exportControls = topic(article, "export-controls");
        assertThat(exportControls.name()).isEqualTo("Export controls");
        assertThat(exportControls.confidence()).isBetween(0.5, 1.0);
        assertThat(exportControls.evidence()).extracting(Evidence::matched).contains("수출 통제");
        assertThat(topic(article, "chip-launch").evidence()).extracting(Evidence::field, Evidence::matched)
                .contains(tuple(ArticleField.TITLE, "양산"));

        assertThat(registry.get("newswatch.enricher.articles.enriched").counter().count()).isEqualTo(1);
        assertThat(registry.get("newswatch.enricher.entity.tags").tag("kind", "chip").counter().count()).isEqualTo(2);
        assertThat(registry.get("newswatch.enricher.topic.tags").tag("topic", "export-controls").counter().count())
                .isEqualTo(1);
    }

    @Test
    void keysTheEnrichedRecordByArticleIdAndGivesTheSameTagsEveryTime() {
        raw.pipeInput("some-other-key", json(article("a2")));
        raw.pipeInput("a2", json(article("a2")));

        TestRecord<String, EnrichedArticle> first = enriched.readRecord();
        TestRecord<String, EnrichedArticle> second = enriched.readRecord();
        assertThat(first.key()).isEqualTo("a2");
        assertThat(first.value()).isEqualTo(second.value());
    }

    @Test
    void sendsPoisonAndIncompleteRecordsToTheDeadLetterTopicAndKeepsGoing() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] incomplete = "{\"schemaVersion\":1,\"id\":\"a3\",\"title\":\"제목만 있는 기사\"}"
                .getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("bad-1", poison);
        raw.pipeInput("bad-2", incomplete);
        raw.pipeInput("a4", json(article("a4")));

        TestRecord<String, byte[]> firstDead = deadLetters.readRecord();
        assertThat(firstDead.key()).isEqualTo("bad-1");
        assertThat(firstDead.value()).isEqualTo(poison);
        assertDeadLetterHeaders(firstDead.headers(), "0");

        TestRecord<String, byte[]> secondDead = deadLetters.readRecord();
        assertThat(secondDead.key()).isEqualTo("bad-2");
        assertThat(secondDead.value()).isEqualTo(incomplete);
        assertDeadLetterHeaders(secondDead.headers(), "1");
        assertThat(DeadLetterHeaders.read(secondDead.headers(), DeadLetterHeaders.ERROR_MESSAGE)).contains("url");
        assertThat(deadLetters.isEmpty()).isTrue();

        assertThat(enriched.readRecord().value().article().id()).isEqualTo("a4");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(registry.get("newswatch.enricher.dead.letters").tag("reason", "invalid-record").counter().count())
                .isEqualTo(2);
    }

    private static void assertDeadLetterHeaders(Headers headers, String offset) {
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.RAW_ARTICLES);
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(offset);
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.FAILURE)).isEqualTo("invalid-record");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.ERROR_MESSAGE)).isNotBlank();
    }
}
