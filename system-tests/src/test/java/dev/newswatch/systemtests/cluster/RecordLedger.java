package dev.newswatch.systemtests.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;

/**
 * Every committed record of news.raw, news.enriched, news.alerts and alerts.&lt;watch&gt; for the given watches,
 * read from the beginning as a read_committed consumer sees them, continuously in a thread of its own (one
 * consumer assigned every partition, no group, so no rebalance can make it read anything twice), and tallied per
 * article: what {@link #tally} reports for a set of published article URLs.
 *
 * <p>Once means: one news.raw record per article URL and one news.enriched record per article id; on each alert
 * topic, each expected watch covers the article, as the first article of an alert or as a later report of one
 * (an alert's update); an alert record counts twice when its key and revision were committed before, or when an
 * article is the first article of two alerts of one watch.
 */
public final class RecordLedger implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_REFRESH = Duration.ofSeconds(2);

    private final List<String> watches;
    private final List<String> alertTopics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    private final Map<String, Integer> recordsByTopic = new HashMap<>();
    private final Map<String, Integer> rawCopiesByUrl = new HashMap<>();
    private final Map<String, String> idByUrl = new HashMap<>();
    private final Map<String, Integer> enrichedCopiesById = new HashMap<>();
    private final Map<String, AlertTopicTally> alerts = new LinkedHashMap<>();

    /** What one alert topic holds: copies of each (key, revision), and per watch the articles it covers. */
    private static final class AlertTopicTally {
        final Map<String, Integer> copiesByRevision = new HashMap<>();
        final Map<String, String> firstArticleByKey = new HashMap<>();
        final Map<String, Map<String, Set<String>>> keysByFirstArticleByWatch = new HashMap<>();
        final Map<String, Set<String>> coveredByWatch = new HashMap<>();

        void add(Alert alert) {
            copiesByRevision.merge(alert.id() + "#" + alert.revision(), 1, Integer::sum);
            firstArticleByKey.put(alert.id(), alert.article().id());
            keysByFirstArticleByWatch.computeIfAbsent(alert.watchId(), watch -> new HashMap<>())
                    .computeIfAbsent(alert.article().id(), article -> new HashSet<>()).add(alert.id());
            Set<String> covered = coveredByWatch.computeIfAbsent(alert.watchId(), watch -> new HashSet<>());
            covered.add(alert.article().id());
            alert.alsoReportedBy().stream().map(AlertedArticle::id).forEach(covered::add);
        }
    }

    private RecordLedger(String bootstrapServers, List<String> watches) {
        this.watches = List.copyOf(watches);
        this.alertTopics = new ArrayList<>(List.of(Topics.ALERTS));
        watches.stream().map(Topics::watchAlerts).forEach(alertTopics::add);
        alertTopics.forEach(topic -> alerts.put(topic, new AlertTopicTally()));
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "record-ledger-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::readUntilClosed, "record-ledger");
        this.reader.setDaemon(true);
    }

    /** Starts reading the topics of the pipeline and of {@code watches}' alerts, each as it comes to exist. */
    public static RecordLedger start(String bootstrapServers, List<String> watches) {
        RecordLedger ledger = new RecordLedger(bootstrapServers, watches);
        ledger.reader.start();
        return ledger;
    }

    private void readUntilClosed() {
        long nextRefresh = 0;
        while (running) {
            try {
                if (System.nanoTime() >= nextRefresh) {
                    assignExistingPartitions();
                    nextRefresh = System.nanoTime() + TOPIC_REFRESH.toNanos();
                }
                if (!consumer.assignment().isEmpty()) {
                    consumer.poll(POLL).forEach(this::add);
                } else {
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException | WakeupException e) {
                break;
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("record ledger: " + e);
                }
            }
        }
        // A consumer is used by one thread only: this one.
        consumer.close(Duration.ofSeconds(5));
    }

    private void assignExistingPartitions() {
        List<String> topics = new ArrayList<>(List.of(Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES));
        topics.addAll(alertTopics);
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(5));
        Set<TopicPartition> partitions = topics.stream().filter(existing::containsKey)
                .flatMap(topic -> existing.get(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).collect(Collectors.toSet());
        if (!partitions.equals(consumer.assignment())) {
            // Partitions kept keep their positions; new ones start at the beginning (auto.offset.reset).
            consumer.assign(partitions);
        }
    }

    private synchronized void add(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        recordsByTopic.merge(record.topic(), 1, Integer::sum);
        if (record.topic().equals(Topics.RAW_ARTICLES)) {
            String url = Topics.RAW.deserialize(record.value()).url();
            rawCopiesByUrl.merge(url, 1, Integer::sum);
            idByUrl.put(url, record.key());
        } else if (record.topic().equals(Topics.ENRICHED_ARTICLES)) {
            enrichedCopiesById.merge(record.key(), 1, Integer::sum);
        } else {
            alerts.get(record.topic()).add(Topics.ALL_ALERTS.deserialize(record.value()));
        }
    }

    /** How many committed records of {@code topic} (news.raw, news.enriched or an alert topic) are read so far. */
    public synchronized int records(String topic) {
        return recordsByTopic.getOrDefault(topic, 0);
    }

    /** How the articles of {@code urls} went through the pipeline, as committed so far. */
    public synchronized Tally tally(Collection<String> urls) {
        Set<String> ids = new HashSet<>();
        int rawOut = 0;
        int duplicates = 0;
        int losses = 0;
        for (String url : urls) {
            int copies = rawCopiesByUrl.getOrDefault(url, 0);
            rawOut += copies;
            duplicates += Math.max(0, copies - 1);
            if (copies == 0) {
                // Lost before news.raw, so on every later topic too: counted once, where it was lost.
                losses++;
            } else {
                ids.add(idByUrl.get(url));
            }
        }
        int enrichedOut = 0;
        for (String id : ids) {
            int copies = enrichedCopiesById.getOrDefault(id, 0);
            enrichedOut += copies;
            duplicates += Math.max(0, copies - 1);
            losses += copies == 0 ? 1 : 0;
        }
        Map<String, Integer> alertsOut = new LinkedHashMap<>();
        for (Map.Entry<String, AlertTopicTally> topic : alerts.entrySet()) {
            AlertTopicTally tally = topic.getValue();
            int out = 0;
            for (Map.Entry<String, Integer> revision : tally.copiesByRevision.entrySet()) {
                String key = revision.getKey().substring(0, revision.getKey().lastIndexOf('#'));
                if (ids.contains(tally.firstArticleByKey.get(key))) {
                    out += revision.getValue();
                    duplicates += revision.getValue() - 1;
                }
            }
            alertsOut.put(topic.getKey(), out);
            for (String watch : watchesOf(topic.getKey())) {
                Map<String, Set<String>> keysByFirstArticle = tally.keysByFirstArticleByWatch.getOrDefault(watch,
                        Map.of());
                Set<String> covered = tally.coveredByWatch.getOrDefault(watch, Set.of());
                for (String id : ids) {
                    if (enrichedCopiesById.getOrDefault(id, 0) == 0) {
                        continue;
                    }
                    duplicates += Math.max(0, keysByFirstArticle.getOrDefault(id, Set.of()).size() - 1);
                    losses += covered.contains(id) ? 0 : 1;
                }
            }
        }
        return new Tally(urls.size(), rawOut, enrichedOut, alertsOut, duplicates, losses);
    }

    /** The watches whose alerts {@code topic} carries: all of them on news.alerts, its own on alerts.&lt;w&gt;. */
    private List<String> watchesOf(String topic) {
        return topic.equals(Topics.ALERTS) ? watches
                : watches.stream().filter(watch -> Topics.watchAlerts(watch).equals(topic)).toList();
    }

    /**
     * Articles in, records out per topic (news.alerts and each alerts.&lt;watch&gt;, counting every committed
     * revision), and records beyond once or missing, summed over the topics.
     */
    public record Tally(int in, int raw, int enriched, Map<String, Integer> alerts, int duplicates, int losses) {

        public boolean complete() {
            return losses == 0;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
