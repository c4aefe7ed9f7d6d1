package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.HBM_SENTENCE;
import static dev.newswatch.alerts.Articles.OUTLET;
import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.ascend910c;
import static dev.newswatch.alerts.Articles.capex;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.hbm;
import static dev.newswatch.alerts.Articles.huawei;
import static dev.newswatch.alerts.Articles.microsoft;
import static dev.newswatch.alerts.Articles.nvidiaH20;
import static dev.newswatch.alerts.Articles.reportOf;
import static dev.newswatch.alerts.Articles.skHynix;
import static dev.newswatch.alerts.Articles.withText;
import static dev.newswatch.alerts.TestWatches.watch;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newswatch.alerts.alerting.WatchMatcher;
import dev.newswatch.alerts.watch.Vocabulary;
import dev.newswatch.alerts.watch.WatchCatalog;
import dev.newswatch.alerts.watch.WatchState;
import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.Severity;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DeadLetterHeaders;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AlertsTopologyTest {

    private static final Instant MATCHED_AT = Instant.parse("2026-11-22T07:00:00Z");
    private static final Instant START = Instant.parse("2026-11-22T01:00:00Z");
    private static final Duration UPDATE_INTERVAL = Duration.ofMinutes(5);
    private static final Duration WINDOW = Duration.ofDays(7);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AlertsMetrics metrics = new AlertsMetrics(registry);
    private final List<KeyValue<String, WatchState>> states = new ArrayList<>();
    private final WatchCatalog catalog = new WatchCatalog(TestWatches.SHIPPED, (id, state) -> {
        states.add(KeyValue.pair(id, state));
        metrics.watchState(id, state);
    });
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> enriched;
    private TestInputTopic<String, byte[]> watches;
    private TestOutputTopic<String, Alert> allAlerts;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver(@TempDir Path state) {
        Properties config = new Properties();
        config.put("application.id", "alerts-topology-test");
        config.put("bootstrap.servers", "unused:9092");
        config.put("state.dir", state.toString());
        driver = new TopologyTestDriver(AlertsTopology.build(catalog,
                new WatchMatcher(Clock.fixed(MATCHED_AT, ZoneOffset.UTC)), metrics,
                new AlertsTopology.Settings(WINDOW, UPDATE_INTERVAL)), config, START);
        enriched = driver.createInputTopic(Topics.ENRICHED_ARTICLES, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        watches = driver.createInputTopic(Topics.WATCH_DEFINITIONS, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        allAlerts = alertsOn(Topics.ALERTS);
        deadLetters = driver.createOutputTopic(Topics.ENRICHED_ARTICLES_DEAD_LETTERS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    static Stream<Arguments> conditionForms() {
        return Stream.of(
                form("companies", "companies: [huawei]",
                        () -> article("a", List.of(huawei()), List.of()),
                        () -> article("b", List.of(microsoft()), List.of()),
                        "when.companies: huawei"),
                form("chips by id", "chips: [nvidia-h20]",
                        () -> article("a", List.of(nvidiaH20()), List.of()),
                        () -> article("b", List.of(ascend910c()), List.of()),
                        "when.chips: nvidia-h20"),
                form("every chip of a vendor", "chipsOf: [huawei]",
                        () -> article("a", List.of(ascend910c()), List.of()),
                        () -> article("b", List.of(huawei()), List.of()),
                        "when.chipsOf: huawei-ascend-910c"),
                form("memory by id", "chips: [hbm]",
                        () -> article("a", List.of(hbm()), List.of()),
                        () -> article("b", List.of(skHynix()), List.of()),
                        "when.chips: hbm"),
                form("topics with a minimum confidence", "{topics: [capex], minConfidence: 0.6}",
                        () -> article("a", List.of(), List.of(capex(0.8))),
                        () -> article("b", List.of(), List.of(capex(0.4))),
                        "when.topics: capex 0.80"),
                form("outlets", "outlets: [테스트일보]",
                        () -> reportOf("a", "a", OUTLET, List.of(huawei()), List.of()),
                        () -> reportOf("b", "b", "다른신문", List.of(huawei()), List.of()),
                        "when.outlets: 테스트일보"),
                form("sources", "sources: [test-source]",
                        () -> reportOf("a", "a", OUTLET, List.of(huawei()), List.of()),
                        () -> reportOf("b", "b", "다른신문", List.of(huawei()), List.of()),
                        "when.sources: test-source"),
                form("keywords, ignoring spacing", "keywords: [수출허가]",
                        () -> article("a", List.of(nvidiaH20()), List.of()),
                        () -> article("b", List.of(huawei()), List.of()),
                        "when.keywords: 수출 허가"),
                form("a Latin keyword as a whole word, particles allowed", "keywords: [hbm]",
                        () -> withText("a", "a", OUTLET, "메모리", "삼성은 HBM을 공급한다.", List.of(), List.of()),
                        () -> withText("b", "b", OUTLET, "메모리", HBM_SENTENCE, List.of(), List.of()),
                        "when.keywords: HBM"),
                form("not", "{companies: [sk-hynix], chips: [hbm], not: {keywords: [주가]}}",
                        () -> article("a", List.of(skHynix(), hbm()), List.of()),
                        () -> withText("b", "b", OUTLET, "메모리", HBM_SENTENCE + " 주가가 5% 올랐다.",
                                List.of(skHynix(), hbm()), List.of()),
                        "when.chips: hbm"),
                form("about", "{companies: [huawei], about: true}",
                        () -> article("a", List.of(huawei(Salience.ABOUT)), List.of()),
                        () -> article("b", List.of(huawei(Salience.MENTION)), List.of()),
                        "when.companies (about): huawei"),
                form("any", "any: [{companies: [microsoft]}, {chips: [nvidia-h20]}]",
                        () -> article("a", List.of(nvidiaH20()), List.of()),
                        () -> article("b", List.of(huawei()), List.of()),
                        "when.any[1].chips: nvidia-h20"),
                form("all", "all: [{chipsOf: [nvidia]}, {topics: [export-controls]}]",
                        () -> article("a", List.of(nvidiaH20()), List.of(exportControls())),
                        () -> article("b", List.of(nvidiaH20()), List.of()),
                        "when.all[1].topics: export-controls 0.90"));
    }

    private static Arguments form(String name, String when, Supplier<EnrichedArticle> matching,
            Supplier<EnrichedArticle> notMatching, String clause) {
        return Arguments.argumentSet(name, when, matching, notMatching, clause);
    }

    @ParameterizedTest
    @MethodSource("conditionForms")
    void everyConditionFormRaisesOnTheArticleThatMeetsItAndNamesTheClause(String when,
            Supplier<EnrichedArticle> matching, Supplier<EnrichedArticle> notMatching, String clause) {
        publish(watch("w", when));

        pipe(notMatching.get(), START);
        pipe(matching.get(), START.plusSeconds(1));

        assertThat(allAlerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.article().id()).isEqualTo("a");
            assertThat(alert.matched()).contains(clause);
        });
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anAlertNamesWatchEventArticleClauseEvidenceAndTheTimeOfEachStage() {
        publish(watch("nvidia", "{chipsOf: [nvidia], topics: [export-controls]}"));

        pipe(reportOf("art-1", "event-1", OUTLET, List.of(huawei(), nvidiaH20()), List.of(exportControls())), START);

        TestRecord<String, Alert> record = allAlerts.readRecord();
        Alert alert = record.value();
        assertThat(record.key()).isEqualTo("nvidia:event-1").isEqualTo(alert.id());
        assertThat(alert.schemaVersion()).isEqualTo(Alert.SCHEMA_VERSION);
        assertThat(alert.watchId()).isEqualTo("nvidia");
        assertThat(alert.watchName()).isEqualTo("Watch nvidia");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.eventId()).isEqualTo("event-1");
        assertThat(alert.storyId()).isEqualTo("story-art-1");
        assertThat(alert.article().id()).isEqualTo("art-1");
        assertThat(alert.article().outlet()).isEqualTo(OUTLET);
        assertThat(alert.article().url()).isEqualTo("https://news.example.kr/articles/art-1");
        assertThat(alert.matched()).containsExactly("when.chipsOf: nvidia-h20", "when.topics: export-controls 0.90");
        assertThat(alert.entities()).singleElement().satisfies(chip -> {
            assertThat(chip.id()).isEqualTo("nvidia-h20");
            assertThat(chip.evidence().get(0).matched()).isEqualTo("엔비디아 H20");
            assertThat(chip.evidence().get(0).sentence()).isEqualTo(Articles.EXPORT_SENTENCE);
        });
        assertThat(alert.topics()).singleElement().satisfies(topic -> assertThat(topic.id()).isEqualTo("export-controls"));
        assertThat(alert.article().publishedAt()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(alert.article().fetchedAt()).isEqualTo(Instant.parse("2026-11-20T01:05:00Z"));
        assertThat(alert.article().enrichedAt()).isEqualTo(Instant.parse("2026-11-20T01:06:00Z"));
        assertThat(alert.alertedAt()).isEqualTo(MATCHED_AT);
        assertThat(alert.revision()).isEqualTo(1);
        assertThat(alert.alsoReportedBy()).isEmpty();
        assertThat(alertsOn(Topics.watchAlerts("nvidia")).readKeyValuesToList()).singleElement()
                .satisfies(onWatchTopic -> assertThat(onWatchTopic.value).isEqualTo(alert));
        assertThat(alertsOn(Topics.watchAlerts("other")).isEmpty()).isTrue();
    }

    @Test
    void anEventRaisesOneAlertThatLaterReportsUpdateAtMostOncePerInterval() {
        publish(watch("huawei", "companies: [huawei]"));

        pipe(reportOf("first", "event-1", OUTLET, List.of(huawei()), List.of()), START);
        pipe(reportOf("second", "event-1", "둘째신문", List.of(huawei()), List.of()), START.plusSeconds(60));
        pipe(reportOf("third", "event-1", "셋째신문", List.of(huawei()), List.of()), START.plusSeconds(90));
        assertThat(allAlerts.readValuesToList()).singleElement().satisfies(raised -> {
            assertThat(raised.revision()).isEqualTo(1);
            assertThat(raised.article().id()).isEqualTo("first");
        });

        driver.advanceWallClockTime(UPDATE_INTERVAL);
        Alert update = allAlerts.readValue();
        assertThat(update.id()).isEqualTo("huawei:event-1");
        assertThat(update.revision()).isEqualTo(2);
        assertThat(update.article().id()).isEqualTo("first");
        assertThat(update.alsoReportedBy()).extracting(report -> report.outlet() + " " + report.url())
                .containsExactly("둘째신문 https://news.example.kr/articles/second",
                        "셋째신문 https://news.example.kr/articles/third");
        assertThat(update.alsoReportedBy()).allSatisfy(report -> assertThat(report.publishedAt()).isNotNull());
        assertThat(update.updatedAt()).isEqualTo(START.plus(UPDATE_INTERVAL));
        assertThat(allAlerts.isEmpty()).isTrue();

        // A repeat of a report already listed changes nothing; a new one after the interval goes out at once.
        pipe(reportOf("second", "event-1", "둘째신문", List.of(huawei()), List.of()), START.plusSeconds(400));
        driver.advanceWallClockTime(UPDATE_INTERVAL);
        assertThat(allAlerts.isEmpty()).isTrue();
        pipe(reportOf("fourth", "event-1", "넷째신문", List.of(huawei()), List.of()), START.plusSeconds(700));
        assertThat(allAlerts.readValue()).satisfies(next -> {
            assertThat(next.revision()).isEqualTo(3);
            assertThat(next.alsoReportedBy()).extracting(report -> report.id())
                    .containsExactly("second", "third", "fourth");
        });

        pipe(reportOf("other", "event-2", OUTLET, List.of(huawei()), List.of()), START.plusSeconds(800));
        assertThat(allAlerts.readKeyValuesToList()).singleElement()
                .satisfies(raised -> assertThat(raised.key).isEqualTo("huawei:event-2"));
        assertThat(count("newswatch.alerts.raised", "huawei")).isEqualTo(2.0);
        assertThat(count("newswatch.alerts.updated", "huawei")).isEqualTo(2.0);
        assertThat(count("newswatch.alerts.suppressed", "huawei")).isEqualTo(4.0);
    }

    @Test
    void waitingReportsGoOutWhenTheIntervalHasPassedAlsoAfterTheFlushStoppedForWantOfWaitingReports() {
        publish(watch("huawei", "companies: [huawei]"));
        pipe(reportOf("first", "event-1", OUTLET, List.of(huawei()), List.of()), START);
        pipe(reportOf("second", "event-1", "둘째신문", List.of(huawei()), List.of()), START.plusSeconds(60));
        assertThat(allAlerts.readValuesToList()).extracting(Alert::revision).containsExactly(1);

        driver.advanceWallClockTime(UPDATE_INTERVAL.minusSeconds(1));
        assertThat(allAlerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(allAlerts.readValue()).satisfies(update -> {
            assertThat(update.revision()).isEqualTo(2);
            assertThat(update.updatedAt()).isEqualTo(START.plus(UPDATE_INTERVAL));
        });

        // Nothing waits now: hours pass without a write, and the next waiting report is still written on time.
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(allAlerts.isEmpty()).isTrue();
        Instant reported = START.plus(UPDATE_INTERVAL).plus(Duration.ofHours(2));
        pipe(reportOf("third", "event-1", "셋째신문", List.of(huawei()), List.of()), START.plusSeconds(120));
        assertThat(allAlerts.readValuesToList()).extracting(Alert::revision).containsExactly(3);
        pipe(reportOf("fourth", "event-1", "넷째신문", List.of(huawei()), List.of()), START.plusSeconds(180));
        assertThat(allAlerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(UPDATE_INTERVAL);
        assertThat(allAlerts.readValue()).satisfies(update -> {
            assertThat(update.revision()).isEqualTo(4);
            assertThat(update.updatedAt()).isEqualTo(reported.plus(UPDATE_INTERVAL));
            assertThat(update.alsoReportedBy()).extracting(report -> report.id())
                    .containsExactly("second", "third", "fourth");
        });
        assertThat(allAlerts.isEmpty()).isTrue();
    }

    @Test
    void aWatchAddedChangedPausedOrRemovedTakesEffectWithoutAnyArticle() {
        Watch huaweiWatch = watch("huawei", "companies: [huawei]");
        publish(huaweiWatch);
        assertThat(states).containsExactly(KeyValue.pair("huawei", WatchState.ACTIVE));
        assertThat(registry.get("newswatch.alerts.watches").tag("state", "active").gauge().value()).isEqualTo(1.0);

        Watch renamed = new Watch(huaweiWatch.schemaVersion(), "huawei", "Huawei, renamed", huaweiWatch.description(),
                huaweiWatch.severity(), false, huaweiWatch.when(), huaweiWatch.webhook());
        publish(renamed);
        assertThat(catalog.watch("huawei")).contains(renamed);
        publish(renamed.withPaused(true));
        watches.pipeInput("huawei", null, START);

        assertThat(states).containsExactly(KeyValue.pair("huawei", WatchState.ACTIVE),
                KeyValue.pair("huawei", WatchState.PAUSED), KeyValue.pair("huawei", WatchState.REMOVED));
        assertThat(catalog.watch("huawei")).isEmpty();
        assertThat(allAlerts.isEmpty()).isTrue();
    }

    @Test
    void aReportArrivingAfterTheWindowRaisesTheAlertAgain() {
        publish(watch("huawei", "companies: [huawei]"));

        pipe(reportOf("first", "event-1", OUTLET, List.of(huawei()), List.of()), START);
        pipe(reportOf("much-later", "event-1", OUTLET, List.of(huawei()), List.of()), START.plus(WINDOW).plusSeconds(1));

        assertThat(allAlerts.readValuesToList()).extracting(alert -> alert.article().id() + " " + alert.revision())
                .containsExactly("first 1", "much-later 1");
    }

    @Test
    void watchesAreAddedPausedResumedAndRemovedWhileTheTopologyRuns() {
        Watch huaweiWatch = watch("huawei", "companies: [huawei]");
        pipe(article("before", List.of(huawei()), List.of()), START);
        publish(huaweiWatch);
        pipe(article("added", List.of(huawei()), List.of()), START.plusSeconds(1));
        publish(huaweiWatch.withPaused(true));
        pipe(article("paused", List.of(huawei()), List.of()), START.plusSeconds(2));
        publish(huaweiWatch);
        pipe(article("resumed", List.of(huawei()), List.of()), START.plusSeconds(3));
        watches.pipeInput("huawei", null, START.plusSeconds(4));
        pipe(article("removed", List.of(huawei()), List.of()), START.plusSeconds(5));

        assertThat(allAlerts.readValuesToList()).extracting(alert -> alert.article().id())
                .containsExactly("added", "resumed");
        assertThat(states).containsExactly(KeyValue.pair("huawei", WatchState.ACTIVE),
                KeyValue.pair("huawei", WatchState.PAUSED), KeyValue.pair("huawei", WatchState.ACTIVE),
                KeyValue.pair("huawei", WatchState.REMOVED));
        assertThat(registry.get("newswatch.alerts.watches").tag("state", "active").gauge().value()).isZero();
    }

    @Test
    void aWatchRecordThatCannotBeReadOrIsMalformedIsReportedInvalidAndTheOtherWatchesStillMatch() {
        watches.pipeInput("broken", "{\"id\": \"broken\", 엉망".getBytes(StandardCharsets.UTF_8), START);
        publish(new Watch(0, "empty", null, null, null, false, TestWatches.condition("{}"), null));
        publish(watch("huawei", "companies: [huawei]"));

        pipe(article("art-1", List.of(huawei()), List.of()), START);

        assertThat(allAlerts.readValuesToList()).extracting(Alert::watchId).containsExactly("huawei");
        assertThat(states).containsExactlyInAnyOrder(KeyValue.pair("broken", WatchState.INVALID),
                KeyValue.pair("empty", WatchState.INVALID), KeyValue.pair("huawei", WatchState.ACTIVE));
        assertThat(registry.get("newswatch.alerts.watches").tag("state", "invalid").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void aWatchWhoseIdsLeaveTheDictionaryIsReportedDeadAndStillMatchesOnTheRest() {
        publish(watch("huawei", "any: [{companies: [huawei]}, {chips: [huawei-ascend-910c]}]"));
        pipe(article("art-1", List.of(huawei()), List.of()), START);
        Vocabulary renamed = new Vocabulary(Map.of("huawei", EntityKind.COMPANY), TestWatches.SHIPPED.topicIds(),
                TestWatches.SHIPPED.entitiesFile(), TestWatches.SHIPPED.topicsFile());

        catalog.dictionaryChanged(renamed);
        pipe(article("art-2", List.of(huawei()), List.of()), START.plusSeconds(1));
        assertThat(registry.get("newswatch.alerts.watches.dead").tag("watch", "huawei").gauge().value()).isEqualTo(1.0);
        catalog.dictionaryChanged(TestWatches.SHIPPED);

        assertThat(allAlerts.readValuesToList()).extracting(alert -> alert.article().id())
                .containsExactly("art-1", "art-2");
        assertThat(states).extracting(state -> state.value)
                .containsExactly(WatchState.ACTIVE, WatchState.DEAD, WatchState.ACTIVE);
        assertThat(registry.get("newswatch.alerts.watches.dead").tag("watch", "huawei").gauge().value()).isZero();
    }

    @Test
    void eachAlertRecordsItsDelaysFromPublicationAndFetchBySource() {
        publish(watch("huawei", "companies: [huawei]"));
        pipe(article("art-1", List.of(huawei()), List.of()), START);

        // Articles: published 01:00, fetched 01:05 on 2026-11-20; the matcher's clock says 07:00 on the 22nd.
        Timer fromPublication = registry.get("newswatch.alerts.publication.to.alert").tag("source", "test-source").timer();
        Timer fromFetch = registry.get("newswatch.alerts.fetch.to.alert").tag("source", "test-source").timer();
        assertThat(fromPublication.count()).isEqualTo(1);
        assertThat(fromPublication.totalTime(TimeUnit.SECONDS)).isEqualTo(Duration.ofHours(54).toSeconds());
        assertThat(fromFetch.totalTime(TimeUnit.SECONDS)).isEqualTo(Duration.ofHours(54).minusMinutes(5).toSeconds());
    }

    @Test
    void poisonRecordGoesToDeadLettersUntouchedAndTheNextRecordIsStillProcessed() {
        publish(watch("huawei", "companies: [huawei]"));
        byte[] poison = "{\"schemaVersion\": 1, \"article\": 엉망".getBytes(StandardCharsets.UTF_8);
        enriched.pipeInput("broken-article", poison, START);
        pipe(article("art-2", List.of(huawei()), List.of()), START);

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo("broken-article");
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(Topics.ENRICHED_ARTICLES);
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("match-watches");
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.FAILURE)).isEqualTo("invalid-record");
        assertThat(deadLetters.isEmpty()).isTrue();

        assertThat(allAlerts.readKeyValuesToList()).singleElement()
                .satisfies(alert -> assertThat(alert.key).isEqualTo("huawei:art-2"));
        assertThat(registry.get("newswatch.alerts.dead.letters").tag("reason", "invalid-record").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("newswatch.alerts.articles.checked").counter().count()).isEqualTo(1.0);
    }

    @Test
    void anArticleOfANewerSchemaVersionGoesToDeadLettersAndIsNotMatchedAsTheVersionThisCodeKnows() {
        publish(watch("huawei", "companies: [huawei]"));
        String current = new String(JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES,
                article("art-3", List.of(huawei()), List.of())), StandardCharsets.UTF_8);
        byte[] newer = current.replaceFirst("\"schemaVersion\":1,", "\"schemaVersion\":999,")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(newer).isNotEqualTo(current.getBytes(StandardCharsets.UTF_8));
        enriched.pipeInput("art-3", newer, START);
        pipe(article("art-4", List.of(huawei()), List.of()), START);

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(newer);
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.FAILURE))
                .isEqualTo("unknown-schema-version");
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("EnrichedArticle schemaVersion 999 is newer than this service reads (1)");
        assertThat(allAlerts.readKeyValuesToList()).extracting(alert -> alert.key).containsExactly("huawei:art-4");
    }

    private void publish(Watch watch) {
        watches.pipeInput(watch.id(), Topics.WATCHES.serialize(watch), START);
    }

    private void pipe(EnrichedArticle article, Instant at) {
        enriched.pipeInput(article.article().id(),
                JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES, article), at);
    }

    private TestOutputTopic<String, Alert> alertsOn(String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), JsonSerde.of(Alert.class));
    }

    private double count(String name, String watchId) {
        return registry.get(name).tag("watch", watchId).counter().count();
    }
}
