package dev.newswatch.ingester.publish;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.state.PublishedArticles;
import dev.newswatch.ingester.state.PublishedMarker;
import dev.newswatch.ingester.state.SourceState;

/**
 * Publishes an article and its published-marker in one transaction, so either both are written or neither:
 * after a crash the marker topic never claims an article that news.raw lacks, nor the reverse.
 *
 * <p>A failed transaction never leaves the publisher stuck: it is aborted where the producer still can, and the
 * producer is closed either way, since after a timeout or an error state it may never work again (a commit that
 * timed out must not even be aborted). The next publication creates a new producer with the same transactional
 * id, whose {@code initTransactions} fences the old one and settles its last transaction, committed or aborted.
 * As a commit that timed out may have gone through after all, the markers are then read again, so that article
 * is not published twice; at start, too, they are read only after the first producer has settled what a killed
 * instance left. Creating the producer is bounded by {@code max.block.ms}; while Kafka is unreachable every call
 * fails as {@link ErrorKind#PUBLISH}. Being fenced is not final at once: the broker also fences a producer whose
 * transaction it aborted itself (one that outlived the transaction timeout while a broker was away), and the next
 * producer carries on. Only being fenced again and again, as two live instances with one transactional id fence
 * each other, or not being authorized, is final.
 *
 * <p>When the ingesters share their sources, each transaction carries the {@link GroupFence} of its source's
 * partition: the group refuses the commit of an instance whose membership is stale, and that transaction is
 * aborted ({@link ErrorKind#FENCED}), nothing written, the producer kept; the instance that owns the source now
 * reads it again from the crawl state.
 */
public final class ArticlePublisher implements Publisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MARKER_LOAD_TIMEOUT = Duration.ofMinutes(1);
    /**
     * After a producer could not be created, calls fail at once for this long instead of each waiting
     * max.block.ms in turn behind the publisher's lock: one poll thread finds out, the others need not.
     */
    static final Duration CREATION_RETRY = Duration.ofSeconds(10);
    /**
     * Being fenced this often within {@link #FENCING_WINDOW} means another live instance uses this transactional
     * id: they would fence each other for ever, so the publisher stops.
     */
    static final int FENCINGS_TOLERATED = 3;
    static final Duration FENCING_WINDOW = Duration.ofMinutes(10);

    private final KafkaSettings kafka;
    private final Map<String, Object> producerConfig;
    private final PublishedArticles published;
    private final Consumer<Producer<String, byte[]>> onNewProducer;
    private final Function<String, Optional<GroupFence>> fences;
    private final JsonSerde<RawArticle> articleSerde = JsonSerde.of(RawArticle.class);
    private final JsonSerde<PublishedMarker> markerSerde = JsonSerde.of(PublishedMarker.class);
    private final JsonSerde<SourceState> stateSerde = JsonSerde.of(SourceState.class);
    /** Null until started, and again after a failed commit closed it. */
    private Producer<String, byte[]> producer;
    /**
     * Read the markers once the next producer has settled what the last one left open: at start (a killed
     * instance may have left a commit half done) and after a failed commit (a commit that timed out may have
     * gone through after all).
     */
    private boolean markersToRead = true;
    /** System.nanoTime() before which no new producer is tried, after one could not be created. */
    private long nextCreationNanos = System.nanoTime();
    /** System.nanoTime() of the latest fencings within {@link #FENCING_WINDOW}, oldest first. */
    private final Deque<Long> fencings = new ArrayDeque<>();
    private final String transactionalId;
    // Volatile: /health reads these without the lock, which a commit waiting for an absent broker holds.
    private volatile boolean closed;
    private volatile boolean failedFatally;
    private volatile boolean lastCommitFailed;

    /**
     * Creates no producer yet: {@link #start} or the first publication does.
     *
     * @param published     what was published, read from the marker topic by this publisher
     * @param onNewProducer told of every producer created, for its client metrics
     */
    public ArticlePublisher(KafkaSettings kafka, String transactionalId, PublishedArticles published,
            Consumer<Producer<String, byte[]>> onNewProducer) {
        this(kafka, transactionalId, published, onNewProducer, sourceId -> Optional.empty());
    }

    /** @param fences the fence of a source's transactions, by source id; empty for a source not shared out */
    public ArticlePublisher(KafkaSettings kafka, String transactionalId, PublishedArticles published,
            Consumer<Producer<String, byte[]>> onNewProducer, Function<String, Optional<GroupFence>> fences) {
        this.kafka = kafka;
        this.transactionalId = transactionalId;
        this.producerConfig = kafka.transactionalProducer("newswatch-ingester", transactionalId);
        this.published = published;
        this.onNewProducer = onNewProducer;
        this.fences = fences;
    }

    /**
     * Creates the producer, which fences any earlier one with the same transactional id and commits or aborts
     * what it left open, and then reads what was published: in this order, so nothing that earlier instance
     * committed at the last moment is missed.
     *
     * @throws IngestException when Kafka cannot be reached
     */
    public synchronized void start() throws IngestException {
        readyProducer();
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
        // First the producer: a new one may have re-read markers that change what is already published.
        Producer<String, byte[]> current = readyProducer();
        Optional<PublishedMarker> previous = published.marker(article.id());
        if (previous.isPresent() && previous.get().fingerprint().equals(article.fingerprint())) {
            if (!previous.get().feedLinkIds().contains(feedLinkId)) {
                PublishedMarker marker = previous.get().withFeedLink(feedLinkId);
                commit(current, article.sourceId(), List.of(markerRecord(article.id(), marker)));
                published.remember(article.id(), marker);
            }
            return Publication.UNCHANGED;
        }
        List<String> earlierLinks = previous.map(PublishedMarker::feedLinkIds).orElse(List.of());
        PublishedMarker marker = new PublishedMarker(article.fingerprint(), earlierLinks, article.fetchedAt())
                .withFeedLink(feedLinkId);
        commit(current, article.sourceId(), List.of(new ProducerRecord<>(Topics.RAW_ARTICLES, article.id(),
                articleSerde.serialize(Topics.RAW_ARTICLES, article)), markerRecord(article.id(), marker)));
        published.remember(article.id(), marker);
        return previous.isPresent() ? Publication.UPDATE : Publication.NEW;
    }

    /**
     * Reads again what other instances published, then runs {@code readMore}, between two transactions of
     * this publisher: an open one of its own would hide the others' later records from its read_committed
     * reads. Called when this instance takes sources over from another.
     */
    public synchronized void catchUp(Runnable readMore) {
        published.load(kafka, MARKER_LOAD_TIMEOUT);
        readMore.run();
    }

    /** Writes a source's crawl state to its compacted topic, so another instance or a restart resumes from it. */
    @Override
    public synchronized void saveSourceState(String sourceId, SourceState state) throws IngestException {
        commit(readyProducer(), sourceId, List.of(new ProducerRecord<>(Topics.INGESTER_SOURCES, sourceId,
                stateSerde.serialize(Topics.INGESTER_SOURCES, state))));
    }

    private ProducerRecord<String, byte[]> markerRecord(String articleId, PublishedMarker marker) {
        return new ProducerRecord<>(Topics.INGESTER_PUBLISHED, articleId,
                markerSerde.serialize(Topics.INGESTER_PUBLISHED, marker));
    }

    /** The producer to write with, created (and the markers re-read, if in doubt) when there is none. */
    private Producer<String, byte[]> readyProducer() throws IngestException {
        if (closed || failedFatally) {
            throw new IngestException(ErrorKind.PUBLISH, closed ? "the publisher is closed"
                    : "an earlier fatal error (fenced by another ingester with the same transactionalId, or not authorized)");
        }
        if (producer != null) {
            return producer;
        }
        if (System.nanoTime() - nextCreationNanos < 0) {
            throw new IngestException(ErrorKind.PUBLISH, "Kafka unreachable: the last producer could not be created;"
                    + " the next one is tried within " + CREATION_RETRY.toSeconds() + "s");
        }
        Producer<String, byte[]> created;
        try {
            created = new KafkaProducer<>(producerConfig);
        } catch (KafkaException e) {
            creationFailed();
            throw new IngestException(ErrorKind.PUBLISH, "cannot create a Kafka producer: " + e.getMessage(), e);
        }
        try {
            // Fences any earlier producer with the same id, and commits or aborts what it left open.
            created.initTransactions();
            if (markersToRead) {
                published.load(kafka, MARKER_LOAD_TIMEOUT);
                markersToRead = false;
            }
        } catch (AuthorizationException fatal) {
            created.close(Duration.ZERO);
            throw fatal(fatal);
        } catch (KafkaException | IllegalStateException e) {
            created.close(Duration.ZERO);
            creationFailed();
            throw new IngestException(ErrorKind.PUBLISH, "Kafka unreachable, no transactional producer: "
                    + e.getMessage(), e);
        }
        producer = created;
        onNewProducer.accept(created);
        return created;
    }

    private void creationFailed() {
        lastCommitFailed = true;
        nextCreationNanos = System.nanoTime() + CREATION_RETRY.toNanos();
    }

    private void commit(Producer<String, byte[]> current, String sourceId,
            List<ProducerRecord<String, byte[]>> records) throws IngestException {
        Optional<GroupFence> fence = fences.apply(sourceId);
        try {
            current.beginTransaction();
            records.forEach(current::send);
            if (fence.isPresent()) {
                current.sendOffsetsToTransaction(fence.get().offsets(), fence.get().group());
            }
            current.commitTransaction();
        } catch (CommitFailedException | FencedInstanceIdException stale) {
            // The group's answer, not a failure of Kafka's: this producer aborts and goes on for the sources it owns.
            if (!abortQuietly(current)) {
                discard(current);
            }
            throw new IngestException(ErrorKind.FENCED, "the ingesters' group refused the transaction for source "
                    + sourceId + " (generation " + fence.map(f -> f.group().generationId()).orElse(-1)
                    + " of this instance is stale: another instance owns the source now); aborted, nothing published: "
                    + stale.getMessage(), stale);
        } catch (AuthorizationException fatal) {
            discard(current);
            throw fatal(fatal);
        } catch (KafkaException | IllegalStateException e) {
            lastCommitFailed = true;
            abortQuietly(current);
            discard(current);
            markersToRead = true;
            if (isFencing(e)) {
                throw fenced(e);
            }
            throw new IngestException(ErrorKind.PUBLISH, "transaction not committed, the producer is replaced at the "
                    + "next publication: " + e.getMessage(), e);
        }
        lastCommitFailed = false;
    }

    /**
     * The transaction was not committed, and this producer can do no more: the next publication creates another,
     * which settles what was left open and reads the markers again, unless fencings repeat as only a second live
     * instance with this transactional id makes them.
     */
    private IngestException fenced(RuntimeException cause) {
        long now = System.nanoTime();
        fencings.addLast(now);
        while (now - fencings.peekFirst() > FENCING_WINDOW.toNanos()) {
            fencings.removeFirst();
        }
        if (fencings.size() >= FENCINGS_TOLERATED) {
            return fatal(new ProducerFencedException(fencings.size() + " fencings within " + FENCING_WINDOW.toMinutes()
                    + " minutes: another ingester instance runs with transactional id " + transactionalId
                    + " (give each instance its own ingester.instanceId); last: " + cause.getMessage()));
        }
        return new IngestException(ErrorKind.PUBLISH, "fenced, transaction not committed (the broker aborted it, or"
                + " another producer with transactional id " + transactionalId + " started); the producer is"
                + " replaced at the next publication: " + cause.getMessage(), cause);
    }

    /** Where the client says it, depending on the call that noticed: fenced, or writing with an old epoch. */
    private static boolean isFencing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private IngestException fatal(KafkaException cause) {
        failedFatally = true;
        lastCommitFailed = true;
        return new IngestException(ErrorKind.PUBLISH, "cannot publish any more: " + cause.getMessage(), cause);
    }

    /**
     * Frees what the failed transaction holds on the broker now, where it can; the next producer settles it
     * anyway. Returns whether it was aborted, and the producer can go on.
     */
    private static boolean abortQuietly(Producer<String, byte[]> current) {
        try {
            current.abortTransaction();
            return true;
        } catch (KafkaException | IllegalStateException e) {
            log.info("The failed transaction is not aborted now ({}); the next producer settles it", e.getMessage());
            return false;
        }
    }

    private void discard(Producer<String, byte[]> current) {
        producer = null;
        try {
            current.close(Duration.ZERO);
        } catch (InterruptException stopping) {
            // The poll was interrupted as its source is given up: the failed transaction is what the caller reports.
            Thread.currentThread().interrupt();
        }
    }

    /** False once closed, or after a fatal error such as being fenced by another ingester with the same transactional id. */
    public boolean isUsable() {
        return !closed && !failedFatally;
    }

    /** False after a failed commit (Kafka unreachable) until the next one succeeds. */
    public boolean canPublish() {
        return !lastCommitFailed;
    }

    /** Closes the producer, which aborts a transaction an interrupted publication left open. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }
}
