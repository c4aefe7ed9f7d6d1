package dev.newswatch.ingester;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;

/**
 * Publishes an article and its published-marker in one transaction, so either both are written or neither:
 * after a crash the marker topic never claims an article that news.raw lacks, nor the reverse.
 */
public final class ArticlePublisher implements Publisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final PublishedArticles published;
    private final JsonSerde<RawArticle> articleSerde = JsonSerde.of(RawArticle.class);
    private final JsonSerde<PublishedMarker> markerSerde = JsonSerde.of(PublishedMarker.class);
    private final JsonSerde<SourceState> stateSerde = JsonSerde.of(SourceState.class);
    private boolean inTransaction;
    private boolean closed;
    private boolean failedFatally;

    public ArticlePublisher(KafkaSettings kafka, String transactionalId, PublishedArticles published) {
        this.producer = new KafkaProducer<>(kafka.transactionalProducer("newswatch-ingester", transactionalId));
        this.published = published;
        // Fences any earlier producer with the same id and aborts what it left open.
        producer.initTransactions();
    }

    /** The Kafka producer, for its client metrics. */
    Producer<String, byte[]> producer() {
        return producer;
    }

    /**
     * Writes the article to news.raw and its marker to the state topic, keyed by article id, in one
     * transaction, unless exactly this version was published before; an edited article (same id, another
     * fingerprint) is written again under the same id. If {@code feedLinkId} is a new way to reach an unchanged
     * article, only the marker is rewritten to name that link, so a restart skips the link without fetching.
     * Checking here, under the same lock as the write, keeps two sources listing one article from both
     * publishing it.
     */
    @Override
    public synchronized Publication publish(RawArticle article, String feedLinkId) throws IngestException {
        Optional<PublishedMarker> previous = published.marker(article.id());
        if (previous.isPresent() && previous.get().fingerprint().equals(article.fingerprint())) {
            if (!previous.get().feedLinkIds().contains(feedLinkId)) {
                PublishedMarker marker = previous.get().withFeedLink(feedLinkId);
                commit(List.of(markerRecord(article.id(), marker)));
                published.remember(article.id(), marker);
            }
            return Publication.UNCHANGED;
        }
        List<String> earlierLinks = previous.map(PublishedMarker::feedLinkIds).orElse(List.of());
        PublishedMarker marker = new PublishedMarker(article.fingerprint(), earlierLinks, article.fetchedAt())
                .withFeedLink(feedLinkId);
        commit(List.of(new ProducerRecord<>(Topics.RAW_ARTICLES, article.id(),
                articleSerde.serialize(Topics.RAW_ARTICLES, article)), markerRecord(article.id(), marker)));
        published.remember(article.id(), marker);
        return previous.isPresent() ? Publication.UPDATE : Publication.NEW;
    }

    /** Writes a source's crawl state to its compacted topic, so another instance or a restart resumes from it. */
    @Override
    public synchronized void saveSourceState(String sourceId, SourceState state) throws IngestException {
        commit(List.of(new ProducerRecord<>(Topics.INGESTER_SOURCES, sourceId,
                stateSerde.serialize(Topics.INGESTER_SOURCES, state))));
    }

    private ProducerRecord<String, byte[]> markerRecord(String articleId, PublishedMarker marker) {
        return new ProducerRecord<>(Topics.INGESTER_PUBLISHED, articleId,
                markerSerde.serialize(Topics.INGESTER_PUBLISHED, marker));
    }

    private void commit(List<ProducerRecord<String, byte[]>> records) throws IngestException {
        if (closed || failedFatally) {
            throw new IngestException(ErrorKind.PUBLISH, closed ? "the publisher is closed"
                    : "an earlier fatal error (fenced by another ingester with the same transactionalId, or not authorized)");
        }
        try {
            producer.beginTransaction();
            inTransaction = true;
            records.forEach(producer::send);
            producer.commitTransaction();
            inTransaction = false;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            inTransaction = false;
            failedFatally = true;
            throw new IngestException(ErrorKind.PUBLISH, "cannot publish any more: " + fatal.getMessage(), fatal);
        } catch (KafkaException e) {
            abort();
            throw new IngestException(ErrorKind.PUBLISH, "transaction aborted: " + e.getMessage(), e);
        }
    }

    /** False once closed, or after a fatal error such as being fenced by another ingester with the same transactional id. */
    public synchronized boolean isUsable() {
        return !closed && !failedFatally;
    }

    private void abort() {
        if (!inTransaction) {
            return;
        }
        inTransaction = false;
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Cannot abort the open transaction: {}", e.getMessage());
        }
    }

    /** Aborts a transaction left open by an interrupted publication, then closes the producer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        abort();
        producer.close(CLOSE_TIMEOUT);
    }
}
