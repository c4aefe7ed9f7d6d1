package dev.newswatch.ingester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.json.JsonSerde;

/**
 * Which articles have been published, and with what fingerprint. Loaded from the compacted topic at start, then
 * kept up to date by the publisher, which writes the topic in the same transaction as the article.
 */
public final class PublishedArticles {

    private static final Logger log = LoggerFactory.getLogger(PublishedArticles.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final JsonSerde<PublishedMarker> serde = JsonSerde.of(PublishedMarker.class);
    private final Map<String, PublishedMarker> markerById = new ConcurrentHashMap<>();
    private final Set<String> feedLinkIds = ConcurrentHashMap.newKeySet();

    /**
     * Reads {@link Topics#INGESTER_PUBLISHED} from its start to its end. No consumer group: the whole topic is
     * the state, every time. read_committed, so an aborted publication does not count as published.
     */
    public void load(KafkaSettings kafka, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("newswatch-ingester-state", null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGESTER_PUBLISHED, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("cannot read " + Topics.INGESTER_PUBLISHED + " to its end within "
                            + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
            }
        }
        log.info("{} articles published before", markerById.size());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            markerById.remove(record.key());
            return;
        }
        try {
            remember(record.key(), serde.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            log.warn("Ignoring unreadable marker {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** Records a publication, or a new link to a published article, that the publisher has committed. */
    void remember(String articleId, PublishedMarker marker) {
        markerById.put(articleId, marker);
        feedLinkIds.addAll(marker.feedLinkIds());
    }

    /** What was last published under {@code articleId}. */
    Optional<PublishedMarker> marker(String articleId) {
        return Optional.ofNullable(markerById.get(articleId));
    }

    /** Whether a feed link leads to an article already published, so its page need not be fetched. */
    public boolean isKnownLink(String linkId) {
        return markerById.containsKey(linkId) || feedLinkIds.contains(linkId);
    }
}
