package dev.newswatch.ingester.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.ingester.RestartableBroker;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.publish.Publisher.Publication;
import dev.newswatch.ingester.state.PublishedArticles;
import dev.newswatch.ingester.state.SourceState;
import dev.newswatch.ingester.url.CanonicalUrls;

/**
 * The publisher against a broker of its own that goes away and comes back on the same ports and data: a commit
 * that fails while it is away leaves the publisher able to publish once it is back, and a producer created
 * while it is away fails within max.block.ms instead of hanging. Short client timeouts keep this test short;
 * the long outage of the issue is the out-of-process test's.
 */
class ArticlePublisherIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * Depending on timing the commit times out (the case: it then may not be aborted) or finds the
     * producer in an error state after its records expired; the publisher must recover either way.
     */
    @Test
    void aCommitThatFailsWhileTheBrokerIsAwayLeavesThePublisherAbleToPublishOnceItIsBack(@TempDir Path directory)
            throws Exception {
        RestartableBroker broker = RestartableBroker.start(directory);
        KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1, Map.of(
                "max.block.ms", "3000",
                "request.timeout.ms", "2000",
                "delivery.timeout.ms", "5000",
                "reconnect.backoff.max.ms", "500"));
        TopicCreator topics = new TopicCreator(kafka, "publisher-it-admin");
        topics.ensure(List.of(Topics.RAW_ARTICLES));
        topics.ensureCompacted(Topics.INGESTER_PUBLISHED);
        topics.ensureCompacted(Topics.INGESTER_SOURCES);
        List<Producer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(kafka, "publisher-it-" + UUID.randomUUID(),
                new PublishedArticles(), producers::add)) {
            assertThat(publisher.publish(article(1), "link-1")).isEqualTo(Publication.NEW);
            assertThat(publisher.canPublish()).isTrue();

            broker.stop();
            IngestException commitFailure = publishFailure(() -> publisher.publish(article(2), "link-2"));
            assertThat(commitFailure.kind()).isEqualTo(ErrorKind.PUBLISH);
            assertThat(publisher.canPublish()).as("health DOWN while it cannot publish").isFalse();
            assertThat(publisher.isUsable()).as("not a fatal error").isTrue();
            // The failed commit cost its producer; a new one cannot be made while the broker is away.
            long started = System.nanoTime();
            IngestException creationFailure = publishFailure(() -> publisher.saveSourceState("demo", state()));
            System.out.printf("publisher-it: commit failed [%s] with %s; producer creation failed after %d ms: %s%n",
                    commitFailure.kind().tag(), commitFailure.getCause(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), creationFailure.getMessage());
            assertThat(creationFailure.kind()).isEqualTo(ErrorKind.PUBLISH);

            broker.startAgain();
            // As if the failed commit had gone through after all: another producer publishes article 2 now.
            try (ArticlePublisher other = new ArticlePublisher(kafka, "publisher-it-" + UUID.randomUUID(),
                    new PublishedArticles(), producer -> { })) {
                await().atMost(TIMEOUT).ignoreExceptions()
                        .until(() -> other.publish(article(2), "link-2") == Publication.NEW);
            }
            AtomicReference<Publication> second = new AtomicReference<>();
            await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> second.compareAndSet(null, publisher.publish(article(2), "link-2")));

            assertThat(second.get()).as("the new producer read the markers again: no second copy")
                    .isEqualTo(Publication.UNCHANGED);
            assertThat(publisher.publish(article(3), "link-3")).isEqualTo(Publication.NEW);
            assertThat(publisher.canPublish()).as("health UP again").isTrue();
            assertThat(producers).as("the producer was replaced").hasSizeGreaterThanOrEqualTo(2);
            assertThat(rawArticleIds(kafka)).containsExactly(article(1).id(), article(2).id(), article(3).id());
        } finally {
            broker.close();
        }
    }

    /**
     * A producer is fenced when the broker aborted its transaction (it outlived the transaction timeout while a
     * broker was away) or another producer took its transactional id: the first fencings cost a transaction each
     * and the publisher goes on with a new producer, without copies; fencings that keep coming, as two live
     * instances with one id make them, stop it with a message that says so.
     */
    @Test
    void aFencedProducerIsReplacedButRepeatedFencingStopsThePublisher(@TempDir Path directory) throws Exception {
        RestartableBroker broker = RestartableBroker.start(directory);
        KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1, Map.of());
        TopicCreator topics = new TopicCreator(kafka, "publisher-it-admin");
        topics.ensure(List.of(Topics.RAW_ARTICLES));
        topics.ensureCompacted(Topics.INGESTER_PUBLISHED);
        String transactionalId = "publisher-it-" + UUID.randomUUID();
        try (ArticlePublisher publisher = new ArticlePublisher(kafka, transactionalId, new PublishedArticles(),
                producer -> { })) {
            assertThat(publisher.publish(article(1), "link-1")).isEqualTo(Publication.NEW);

            for (int fencing = 1; fencing < ArticlePublisher.FENCINGS_TOLERATED; fencing++) {
                fence(kafka, transactionalId);
                int next = fencing + 1;
                IngestException fenced = publishFailure(() -> publisher.publish(article(next), "link-" + next));
                assertThat(fenced.kind()).isEqualTo(ErrorKind.PUBLISH);
                assertThat(fenced.getMessage()).contains("fenced").contains("replaced at the next publication");
                assertThat(publisher.isUsable()).as("fencing %d is not final", fencing).isTrue();
                assertThat(publisher.publish(article(next), "link-" + next)).isEqualTo(Publication.NEW);
                assertThat(publisher.publish(article(1), "link-1")).as("markers read again")
                        .isEqualTo(Publication.UNCHANGED);
            }

            fence(kafka, transactionalId);
            IngestException last = publishFailure(() -> publisher.publish(article(9), "link-9"));
            assertThat(last.getMessage()).contains("another ingester instance runs with transactional id "
                    + transactionalId);
            assertThat(publisher.isUsable()).as("fenced again and again: final").isFalse();
            assertThat(rawArticleIds(kafka)).containsExactly(article(1).id(), article(2).id(), article(3).id());
        } finally {
            broker.close();
        }
    }

    /** Another producer with the same transactional id: its initTransactions bumps the epoch, fencing the older. */
    private static void fence(KafkaSettings kafka, String transactionalId) {
        try (KafkaProducer<String, byte[]> other = new KafkaProducer<>(
                kafka.transactionalProducer("publisher-it-fence", transactionalId))) {
            other.initTransactions();
        }
    }

    interface Call {
        void run() throws IngestException;
    }

    static IngestException publishFailure(Call call) {
        AtomicReference<IngestException> failure = new AtomicReference<>();
        assertThatThrownBy(() -> {
            try {
                call.run();
            } catch (IngestException e) {
                failure.set(e);
                throw e;
            }
        }).isInstanceOf(IngestException.class);
        return failure.get();
    }

    static RawArticle article(int n) {
        String text = "가상의 기사 " + n + "번 본문이다.";
        return new RawArticle(RawArticle.SCHEMA_VERSION, "article-" + n, "demo", "테크데일리",
                "https://news.example.kr/news/" + n, "기사 " + n, Instant.parse("2026-11-20T00:00:00Z"), null,
                Instant.parse("2026-11-20T00:01:00Z"), "ko", null, null, text,
                CanonicalUrls.fingerprint("기사 " + n, text));
    }

    private static SourceState state() {
        return new SourceState(null, Duration.ofMinutes(5), Instant.now(), null, null, null);
    }

    static List<String> rawArticleIds(KafkaSettings kafka) {
        JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);
        List<String> ids = new ArrayList<>();
        CompactedTopicReader.readAll(kafka, "ingester-it", Topics.RAW_ARTICLES, TIMEOUT,
                record -> ids.add(serde.deserialize(record.topic(), record.value()).id()));
        return ids;
    }
}
