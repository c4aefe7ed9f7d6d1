package dev.newswatch.alerts;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.streams.DeadLetterRouting;
import dev.newswatch.common.streams.TopicStreams;

/**
 * news.enriched -> match every watch -> first alert per watch and story -> news.alerts and alerts.&lt;watch-id&gt;,
 * keyed by alert id; records that cannot be read or matched go, untouched, to news.enriched.dlq.
 */
public final class AlertsTopology {

    private AlertsTopology() {
    }

    public static Topology build(WatchMatcher matcher, AlertsMetrics metrics, Duration storyWindow) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(FirstAlertPerStory.store());
        KStream<String, List<Alert>> matched = DeadLetterRouting.guard(
                TopicStreams.readUndecoded(builder, Topics.ENRICHED, "read-enriched-articles"), Topics.ENRICHED,
                "match-watches", matcher::match, metrics::deadLetter, Topics.ENRICHED_DEAD_LETTERS);

        // Copies of one story arrive on any partition (news.enriched is keyed by article id): repartitioning by
        // watch and story brings them to one task, which lets only the first through.
        KStream<String, Alert> alerts = matched
                .peek((articleId, matches) -> metrics.articleChecked(), Named.as("count-checked-articles"))
                .flatMapValues(matches -> matches, Named.as("one-record-per-alert"))
                .selectKey((articleId, alert) -> FirstAlertPerStory.storyKey(alert), Named.as("key-by-watch-and-story"))
                .repartition(Repartitioned.<String, Alert>as("alerts-by-story")
                        .withKeySerde(Topics.ALL_ALERTS.keySerde()).withValueSerde(Topics.ALL_ALERTS.valueSerde()))
                .processValues(() -> new FirstAlertPerStory(storyWindow, metrics), Named.as("first-alert-per-story"),
                        FirstAlertPerStory.STORE)
                .selectKey((storyKey, alert) -> alert.id(), Named.as("key-by-alert-id"))
                .peek((alertId, alert) -> metrics.alertEmitted(alert), Named.as("count-alerts"));
        TopicStreams.write(alerts, Topics.ALL_ALERTS, "write-all-alerts");
        alerts.to((alertId, alert, record) -> Topics.watchAlerts(alert.watchId()),
                TopicStreams.produced(Topics.ALL_ALERTS, "write-watch-alerts"));
        return builder.build();
    }
}
