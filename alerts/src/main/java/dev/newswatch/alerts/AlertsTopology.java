package dev.newswatch.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.GuardedStage;
import dev.newswatch.common.streams.StageOutcome;

/**
 * news.enriched -> match every watch -> first alert per watch and story -> news.alerts and alerts.&lt;watch-id&gt;,
 * keyed by alert id; records that cannot be read or matched go, untouched, to news.enriched.dlq.
 */
public final class AlertsTopology {

    private static final String MATCHED = "matched-";
    private static final String FAILED = "failed";
    private static final String OK = "ok";

    private AlertsTopology() {
    }

    public static Topology build(WatchMatcher matcher, AlertsMetrics metrics, Duration storyWindow) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(FirstAlertPerStory.store());
        Map<String, KStream<String, StageOutcome<List<Alert>>>> matched = builder
                .stream(Topics.ENRICHED_ARTICLES, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-enriched-articles"))
                .processValues(GuardedStage.of("match-watches", JsonSerde.of(EnrichedArticle.class), matcher::match,
                        metrics::deadLetter), Named.as("match-watches"))
                .split(Named.as(MATCHED))
                .branch((articleId, outcome) -> outcome.failed(), Branched.as(FAILED))
                .defaultBranch(Branched.as(OK));

        matched.get(MATCHED + FAILED)
                .mapValues(StageOutcome::original, Named.as("restore-original-bytes"))
                .to(Topics.ENRICHED_ARTICLES_DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("write-dead-letters"));

        // Copies of one story arrive on any partition (news.enriched is keyed by article id): repartitioning by
        // watch and story brings them to one task, which lets only the first through.
        KStream<String, Alert> alerts = matched.get(MATCHED + OK)
                .peek((articleId, outcome) -> metrics.articleChecked(), Named.as("count-checked-articles"))
                .flatMapValues(StageOutcome::output, Named.as("one-record-per-alert"))
                .selectKey((articleId, alert) -> FirstAlertPerStory.storyKey(alert), Named.as("key-by-watch-and-story"))
                .repartition(Repartitioned.<String, Alert>as("alerts-by-story")
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Alert.class)))
                .processValues(() -> new FirstAlertPerStory(storyWindow, metrics), Named.as("first-alert-per-story"),
                        FirstAlertPerStory.STORE)
                .selectKey((storyKey, alert) -> alert.id(), Named.as("key-by-alert-id"))
                .peek((alertId, alert) -> metrics.alertEmitted(alert), Named.as("count-alerts"));
        alerts.to(Topics.ALERTS, Produced.with(Serdes.String(), JsonSerde.of(Alert.class)).withName("write-all-alerts"));
        alerts.to((alertId, alert, record) -> Topics.watchAlerts(alert.watchId()),
                Produced.with(Serdes.String(), JsonSerde.of(Alert.class)).withName("write-watch-alerts"));
        return builder.build();
    }
}
