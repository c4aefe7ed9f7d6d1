package dev.newswatch.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;

/**
 * The committed alert records of one watch, read from the start of alerts.&lt;watch-id&gt; as a subscriber reads it
 * (read_committed): how many, their distinct keys, the articles they name.
 */
public record WatchAlertTally(int records, Set<String> keys, Set<String> articles) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    public static WatchAlertTally read(KafkaSettings kafka, String clientId, String watchId) {
        List<String> keys = new ArrayList<>();
        Set<String> articles = new HashSet<>();
        CompactedTopicReader.readAll(kafka, clientId, Topics.watchAlerts(watchId), READ_TIMEOUT, record -> {
            keys.add(record.key());
            articles.add(Topics.ALL_ALERTS.deserialize(record.value()).article().id());
        });
        return new WatchAlertTally(keys.size(), Set.copyOf(keys), Set.copyOf(articles));
    }

    /** Records beyond one per alert key. */
    public int duplicates() {
        return records - keys.size();
    }
}
