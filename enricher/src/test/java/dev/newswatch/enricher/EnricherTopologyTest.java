package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DeadLetterHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.enricher.grouping.EventClusterer;
import dev.newswatch.enricher.grouping.EventEntry;
import dev.newswatch.enricher.grouping.StoryClusterer;
import dev.newswatch.enricher.grouping.StoryEntry;
import dev.newswatch.enricher.grouping.StoryFixtures;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;
import dev.newswatch.enricher.tagging.TagEvidence;
import dev.newswatch.enricher.tagging.TopicRules;

class EnricherTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
    private static final String TITLE = "화웨이, 어센드 910C 양산 돌입…엔비디아 H20 빈자리 노린다";
    private static final String TEXT = """
            중국 화웨이가 인공지능(AI) 가속기 어센드 910C의 양산에 들어갔다. 회사는 올해 출하량을 두 배로 늘릴 계획이다.

            미국 정부의 수출 통제로 엔비디아는 H20을 중국에 팔기 어려워졌다.업계에서는 화웨이가 그 빈자리를 차지할 것으로 본다.

            한편 메타버스 사업을 접은 한 게임사는 이번 일과 관계가 없다.""";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Topology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, byte[]> deadLetters;

    @TempDir
    Path stateDirectory;

    @BeforeEach
    void startDriver() {
        startDriver(EnricherSettings.defaults());
    }

    private void startDriver(EnricherSettings settings) {
        TopicRules rules = ShippedConfig.topics();
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), rules, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties config = new Properties();
        config.put("application.id", "enricher-topology-test");
        config.put("bootstrap.servers", "127.0.0.1:9");
        config.put("state.dir", stateDirectory.toString());
        topology = EnricherTopology.build(enricher, new EnricherMetrics(registry, rules), settings);
        driver = new TopologyTestDriver(topology, config);
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
                .contains(tuple(ArticleField.TITLE, "어센드 910C 양산"));

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

    @Test
    void sendsAnArticleOfANewerSchemaVersionToTheDeadLetterTopicInsteadOfReadingItAsTheVersionItKnows() {
        String current = new String(json(article("a8")), StandardCharsets.UTF_8);
        byte[] newer = current.replaceFirst("\"schemaVersion\":1,", "\"schemaVersion\":999,")
                .getBytes(StandardCharsets.UTF_8);
        byte[] zero = current.replaceFirst("\"schemaVersion\":1,", "\"schemaVersion\":0,").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(newer, StandardCharsets.UTF_8)).startsWith("{\"schemaVersion\":999,");
        raw.pipeInput("a8", newer);
        raw.pipeInput("a9", zero);
        raw.pipeInput("a10", json(article("a10")));

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key, TestRecord::value)
                .containsExactly(tuple("a8", newer), tuple("a9", zero));
        assertThat(dead).extracting(record -> DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.FAILURE))
                .containsOnly("unknown-schema-version");
        assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("RawArticle schemaVersion 999 is newer than this service reads (1)");
        assertThat(enriched.readValuesToList()).extracting(article -> article.article().id()).containsExactly("a10");
        assertThat(registry.get("newswatch.enricher.dead.letters").tag("reason", "unknown-schema-version").counter()
                .count()).isEqualTo(2);
    }

    @Test
    void namesEveryOperatorStoreAndInternalTopic() {
        String description = topology.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                .contains("story-index-repartition", "assign-story", StoryClusterer.SIGNATURES, StoryClusterer.BANDS,
                        "assign-event", EventClusterer.ARTICLES);
    }

    @Test
    void givesEveryCopyOfOneStoryTheIdOfItsFirstCopy() {
        Instant at = StoryFixtures.PUBLISHED;
        for (RawArticle copy : StoryFixtures.COPIES) {
            raw.pipeInput(copy.id(), json(copy), at);
            at = at.plusSeconds(600);
        }
        raw.pipeInput(StoryFixtures.WIRE_RE_EDIT.id(), json(StoryFixtures.WIRE_RE_EDIT), at);

        List<TestRecord<String, EnrichedArticle>> records = enriched.readRecordsToList();
        assertThat(records).extracting(TestRecord::key)
                .containsExactly("yna-950pr", "nsis-950pr", "portal-950pr", "hk-950pr", "yna-950pr");
        assertThat(records).extracting(record -> record.value().storyId()).containsOnly("yna-950pr");
        assertThat(records).extracting(record -> record.value().eventId()).containsOnly("yna-950pr");
        assertThat(registry.get("newswatch.enricher.stories").tag("outcome", "new").counter().count()).isEqualTo(1);
        assertThat(registry.get("newswatch.enricher.stories").tag("outcome", "copy").counter().count()).isEqualTo(3);
        assertThat(registry.get("newswatch.enricher.stories").tag("outcome", "re-edit").counter().count())
                .isEqualTo(1);
    }

    @Test
    void keepsDifferentStoriesAboutTheSameCompaniesApart() {
        Instant at = StoryFixtures.PUBLISHED;
        raw.pipeInput(StoryFixtures.WIRE.id(), json(StoryFixtures.WIRE), at);
        for (RawArticle other : StoryFixtures.OTHER_STORIES) {
            at = at.plusSeconds(600);
            raw.pipeInput(other.id(), json(other), at);
        }
        raw.pipeInput(StoryFixtures.AGENCY_REWRITE.id(), json(StoryFixtures.AGENCY_REWRITE), at.plusSeconds(600));

        Map<String, String> storyOf = new LinkedHashMap<>();
        enriched.readRecordsToList().forEach(record -> storyOf.put(record.key(), record.value().storyId()));
        assertThat(storyOf).containsExactly(
                Map.entry("yna-950pr", "yna-950pr"),
                Map.entry("yna-h20-review", "yna-h20-review"),
                Map.entry("yna-mate", "yna-mate"),
                Map.entry("yna-hbm-plant", "yna-hbm-plant"),
                Map.entry("yna-rivalry", "yna-rivalry"),
                Map.entry("nsis-950pr", "yna-950pr"));
    }

    @Test
    void givesReportsOfOneDevelopmentByThreeOutletsOneEventAndALaterDevelopmentOnTheSameCompaniesItsOwn() {
        for (RawArticle report : EventFixtures.REPORTS) {
            raw.pipeInput(report.id(), json(report), report.fetchedAt());
        }
        raw.pipeInput(EventFixtures.BAN.id(), json(EventFixtures.BAN), EventFixtures.BAN.fetchedAt());

        Map<String, EnrichedArticle> byId = new LinkedHashMap<>();
        enriched.readValuesToList().forEach(article -> byId.put(article.article().id(), article));
        assertThat(byId.values()).extracting(EnrichedArticle::storyId).doesNotHaveDuplicates();
        assertThat(byId.values()).extracting(EnrichedArticle::eventId).containsExactly(
                "wire-h20-licence", "wire-h20-licence", "wire-h20-licence", "wire-h20-ban");
        assertThat(byId.get("wire-h20-ban").entities()).extracting(EntityTag::id).contains("nvidia", "nvidia-h20");
        assertThat(registry.get("newswatch.enricher.events").tag("outcome", "new").counter().count()).isEqualTo(2);
        assertThat(registry.get("newswatch.enricher.events").tag("outcome", "report").counter().count())
                .isEqualTo(2);
        KeyValueStore<String, EventEntry> index = driver.getKeyValueStore(EventClusterer.ARTICLES);
        assertThat(index.get("wire-h20-ban").eventId()).isEqualTo("wire-h20-ban");
        assertThat(index.get("daily-h20-licence")).as("forgotten once the window has passed").isNull();
    }

    @Test
    void keepsTheSameReportApartFromItsEventWhenItIsPublishedOutsideTheWindow() {
        raw.pipeInput(EventFixtures.WIRE.id(), json(EventFixtures.WIRE), EventFixtures.WIRE.fetchedAt());
        RawArticle monthLater = new RawArticle(RawArticle.SCHEMA_VERSION, "late-h20-licence", "econdaily", "경제일보",
                "https://econdaily.example/late", EventFixtures.DAILY.title(), EventFixtures.BANNED, null,
                EventFixtures.BANNED, "ko", null, null, EventFixtures.DAILY.text(), "fp-late");
        raw.pipeInput(monthLater.id(), json(monthLater), EventFixtures.WIRE.fetchedAt().plusSeconds(60));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::eventId)
                .containsExactly("wire-h20-licence", "late-h20-licence");
    }

    @Test
    void startsANewStoryForACopyThatComesAfterTheWindowAndForgetsExpiredArticles() {
        Instant first = StoryFixtures.PUBLISHED;
        raw.pipeInput(StoryFixtures.WIRE.id(), json(StoryFixtures.WIRE), first);
        raw.pipeInput(StoryFixtures.PORTAL_COPY.id(), json(StoryFixtures.PORTAL_COPY),
                first.plus(Duration.ofHours(71)));
        raw.pipeInput(StoryFixtures.AGENCY_REWRITE.id(), json(StoryFixtures.AGENCY_REWRITE),
                first.plus(Duration.ofDays(10)));

        assertThat(enriched.readRecordsToList()).extracting(record -> record.value().storyId())
                .containsExactly("yna-950pr", "yna-950pr", "nsis-950pr");
        KeyValueStore<String, StoryEntry> index = driver.getKeyValueStore(StoryClusterer.SIGNATURES);
        assertThat(index.get("yna-950pr")).isNull();
        assertThat(index.get("portal-950pr")).isNull();
        assertThat(index.get("nsis-950pr").storyId()).isEqualTo("nsis-950pr");
    }

    @Test
    void tagsAnEmptyBodyFromItsTitleAloneAsItsOwnStory() {
        RawArticle titleOnly = StoryFixtures.article("empty-1", "demo", "데모뉴스",
                "[속보] 엔비디아, H20 중국 판매 재개", "");
        RawArticle sameTitle = StoryFixtures.article("empty-2", "demo", "데모뉴스",
                "[속보] 엔비디아, H20 중국 판매 재개", "");
        raw.pipeInput(titleOnly.id(), json(titleOnly));
        raw.pipeInput(sameTitle.id(), json(sameTitle));

        List<EnrichedArticle> articles = enriched.readValuesToList();
        assertThat(articles).extracting(EnrichedArticle::storyId).containsExactly("empty-1", "empty-2");
        assertThat(articles.get(0).entities()).extracting(EntityTag::id).contains("nvidia", "nvidia-h20");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void cutsAHugeBodyBeforeTaggingItAndKeepsGoing() {
        String paragraph = "화웨이가 어센드 910C 생산을 늘린다고 밝혔다. 업계는 엔비디아 H20 수요가 줄어들 것으로 본다.\n\n";
        String huge = paragraph.repeat(10 * 1024 * 1024 / paragraph.getBytes(StandardCharsets.UTF_8).length + 1);
        RawArticle giant = StoryFixtures.article("giant", "demo", "데모뉴스", "화웨이 어센드 증산", huge);
        assertThat(json(giant).length).isGreaterThan(10 * 1024 * 1024);
        raw.pipeInput(giant.id(), json(giant));
        raw.pipeInput("a5", json(article("a5")));

        List<EnrichedArticle> articles = enriched.readValuesToList();
        assertThat(articles).hasSize(2);
        EnrichedArticle cut = articles.get(0);
        assertThat(cut.article().text()).hasSize(EnricherSettings.defaults().maxTextChars()).isEqualTo(
                huge.substring(0, EnricherSettings.defaults().maxTextChars()));
        assertThat(cut.entities()).extracting(EntityTag::id).contains("huawei", "huawei-ascend-910c");
        assertThat(JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES, cut).length)
                .isLessThan(1024 * 1024);
        assertThat(articles.get(1).article().id()).isEqualTo("a5");
        assertThat(registry.get("newswatch.enricher.texts.cut").counter().count()).isEqualTo(1);
    }

    @Test
    void tagsALongArticleDenseWithEntityNamesWithAFewSentencesOfEvidencePerTag() {
        // Read whole, as an operator who raised maxTextChars for long reports has it read.
        driver.close();
        startDriver(new EnricherSettings(null, null, null, null, null, null, null, null, null, null, 300_000, null));
        RawArticle dense = DenseArticles.article("dense", 280_000);
        raw.pipeInput(dense.id(), json(dense));
        raw.pipeInput("a7", json(article("a7")));

        assertThat(deadLetters.isEmpty()).as("dead letters").isTrue();
        List<EnrichedArticle> articles = enriched.readValuesToList();
        assertThat(articles).extracting(article -> article.article().id()).containsExactly("dense", "a7");
        EnrichedArticle tagged = articles.get(0);
        assertThat(tagged.entities()).extracting(EntityTag::id).contains("huawei", "nvidia", "cambricon", "sk-hynix");
        assertThat(tagged.entities()).allSatisfy(tag -> assertThat(tag.evidence()).isNotEmpty()
                .hasSizeLessThanOrEqualTo(TagEvidence.SENTENCES));
        assertThat(tagged.topics()).allSatisfy(tag -> assertThat(tag.evidence()).isNotEmpty()
                .hasSizeLessThanOrEqualTo(TagEvidence.SENTENCES));
        assertThat(entity(tagged, "huawei").salience()).isEqualTo(Salience.ABOUT);
        int bytes = JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES, tagged).length;
        System.out.printf("280,000-character dense article: %d entity tags, enriched record %d bytes%n",
                tagged.entities().size(), bytes);
    }

    @Test
    void tagsAPageThatLostItsPunctuationWithBoundedEvidence() {
        // Thousands of mentions, none with a sentence of its own: evidence quotes the cut runs of the page.
        String unpunctuated = "엔비디아 H20 화웨이 어센드 910C 수출 통제 강화 ".repeat(2_000);
        RawArticle flood = StoryFixtures.article("flood", "demo", "데모뉴스", "엔비디아 화웨이", unpunctuated);
        raw.pipeInput(flood.id(), json(flood));

        EnrichedArticle tagged = enriched.readValue();
        assertThat(tagged.entities()).extracting(EntityTag::id).contains("nvidia", "nvidia-h20", "huawei");
        assertThat(entity(tagged, "nvidia").evidence()).hasSize(TagEvidence.SENTENCES)
                .extracting(Evidence::sentence).doesNotHaveDuplicates();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void tagsNonKoreanTextSafely() {
        RawArticle english = StoryFixtures.article("en-1", "wire", "Wire",
                "Nvidia resumes H20 sales to China", "Nvidia said on Monday it would resume sales of its H20 "
                        + "accelerator to Chinese customers after the Commerce Department granted licences.");
        RawArticle chinese = StoryFixtures.article("zh-1", "wire", "Wire", "华为发布昇腾芯片路线图",
                "华为在深圳发布了未来三年的昇腾芯片路线图，并表示将继续扩大产能。");
        RawArticle japanese = StoryFixtures.article("ja-1", "wire", "Wire", "半導体市況の見通し",
                "国内の半導体メーカー各社は来期の設備投資計画を見直している。");
        raw.pipeInput(english.id(), json(english));
        raw.pipeInput(chinese.id(), json(chinese));
        raw.pipeInput(japanese.id(), json(japanese));

        List<EnrichedArticle> articles = enriched.readValuesToList();
        assertThat(articles).extracting(article -> article.article().id()).containsExactly("en-1", "zh-1", "ja-1");
        assertThat(articles.get(0).entities()).extracting(EntityTag::id).contains("nvidia", "nvidia-h20");
        assertThat(articles).extracting(EnrichedArticle::storyId).containsExactly("en-1", "zh-1", "ja-1");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void sendsRecordsThatAreNoRawArticleToTheDeadLetterTopic() {
        byte[] array = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1};
        byte[] blankTitle = ("{\"schemaVersion\":1,\"id\":\"b1\",\"sourceId\":\"demo\","
                + "\"url\":\"https://x.example/b1\",\"title\":\"  \",\"text\":\"본문\"}").getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("array", array);
        raw.pipeInput("binary", notUtf8);
        raw.pipeInput("blank-title", blankTitle);
        raw.pipeInput("tombstone", (byte[]) null);
        raw.pipeInput("a6", json(article("a6")));

        assertThat(deadLetters.readRecordsToList()).extracting(TestRecord::key)
                .containsExactly("array", "binary", "blank-title", "tombstone");
        assertThat(enriched.readValuesToList()).extracting(article -> article.article().id()).containsExactly("a6");
        assertThat(registry.get("newswatch.enricher.dead.letters").tag("reason", "invalid-record").counter().count())
                .isEqualTo(4);
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
