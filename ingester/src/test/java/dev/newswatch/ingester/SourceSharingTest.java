package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.SourcePollerTest.MemoryPublisher;
import dev.newswatch.ingester.assignment.OwnedPublisher;
import dev.newswatch.ingester.assignment.Ownership;
import dev.newswatch.ingester.assignment.SourcePartitions;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.publish.Publisher.Publication;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.state.PublishedArticles;
import dev.newswatch.ingester.url.CanonicalUrls;

/** How instances share the sources, without Kafka: source to partition, and what owning a partition allows. */
class SourceSharingTest {

    private static Source feed(String id, String url) {
        return Source.feed(id, "가상 언론사", URI.create(url));
    }

    @Test
    void sourcesOfOneSiteShareAPartitionWhateverTheSubdomain() {
        SourcePartitions partitions = new SourcePartitions(12);
        int economy = partitions.of(feed("economy", "https://rss.example.co.kr/economy.xml"));

        assertThat(partitions.of(feed("politics", "https://www.example.co.kr/politics/rss"))).isEqualTo(economy);
        assertThat(partitions.of(feed("mobile", "https://m.example.co.kr/feed"))).isEqualTo(economy);
        assertThat(feed("economy", "https://rss.example.co.kr/economy.xml").site()).isEqualTo("example.co.kr");
    }

    @Test
    void theMappingIsStableAndSpreadsSitesOverEveryPartition() {
        SourcePartitions partitions = new SourcePartitions(12);
        Map<Integer, Integer> sitesPerPartition = new HashMap<>();
        IntStream.rangeClosed(1, 240).forEach(n -> sitesPerPartition.merge(
                partitions.of(feed("site-" + n, "https://www.news" + n + ".co.kr/rss.xml")), 1, Integer::sum));

        assertThat(sitesPerPartition.keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 12).boxed().toList());
        assertThat(sitesPerPartition.values()).allSatisfy(sites -> assertThat(sites).isBetween(8, 35));
        // The same value in every JVM and on every instance: Kafka's key hash, not String.hashCode of a run.
        assertThat(partitions.of(feed("a", "https://www.etnews.com/rss"))).isEqualTo(
                new SourcePartitions(12).of(feed("b", "https://rss.etnews.com/Section901.xml")));
        assertThat(new SourcePartitions(1).of(feed("a", "https://www.etnews.com/rss"))).isZero();
        assertThatThrownBy(() -> new SourcePartitions(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workRunsOnlyForOwnedPartitionsAndRevokingWaitsForWorkInProgress() throws Exception {
        Ownership ownership = new Ownership();
        assertThat(ownership.whileOwning(3, () -> "ran")).isEmpty();

        ownership.assign(Set.of(3, 5));
        assertThat(ownership.owns(3)).isTrue();
        assertThat(ownership.whileOwning(3, () -> "ran")).contains("ran");

        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> work = CompletableFuture.supplyAsync(() -> ownership.whileOwning(3, () -> {
            working.countDown();
            return awaited(finish);
        }).orElse(false));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> revoking = CompletableFuture.runAsync(() -> ownership.revoke(Set.of(3)));

        // While the work holds partition 3, it is not given up.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !revoking.isDone());
        finish.countDown();
        revoking.get(10, TimeUnit.SECONDS);
        assertThat(work.get(10, TimeUnit.SECONDS)).as("the work ran to its end").isTrue();

        assertThat(ownership.owns(3)).isFalse();
        assertThat(ownership.whileOwning(3, () -> "ran")).isEmpty();
        assertThat(ownership.whileOwning(5, () -> "ran")).contains("ran");
    }

    @Test
    void aSourceWhosePartitionIsNotOwnedPublishesNothing() throws Exception {
        Ownership ownership = new Ownership();
        MemoryPublisher memory = new MemoryPublisher(new PublishedArticles());
        Map<String, Integer> partitionBySource = Map.of("kept", 0, "moved", 1);
        OwnedPublisher publisher = new OwnedPublisher(memory, ownership, id -> partitionBySource.containsKey(id)
                ? OptionalInt.of(partitionBySource.get(id)) : OptionalInt.empty());
        ownership.assign(Set.of(0, 1));
        assertThat(publisher.publish(article("moved", 1), "link-1")).isEqualTo(Publication.NEW);

        ownership.revoke(Set.of(1));

        assertThatThrownBy(() -> publisher.publish(article("moved", 2), "link-2"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PUBLISH))
                .hasMessageContaining("moved").hasMessageContaining("partition 1");
        assertThatThrownBy(() -> publisher.saveSourceState("moved", null)).isInstanceOf(IngestException.class);
        assertThatThrownBy(() -> publisher.publish(article("removed-from-the-file", 3), "link-3"))
                .isInstanceOf(IngestException.class);
        assertThat(publisher.publish(article("kept", 4), "link-4")).isEqualTo(Publication.NEW);
        assertThat(memory.articles).extracting(RawArticle::id).containsExactly("article-1", "article-4");
        assertThat(memory.states).isEmpty();
    }

    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static RawArticle article(String sourceId, int n) {
        String text = "가상의 기사 " + n + "번 본문이다.";
        return new RawArticle(RawArticle.SCHEMA_VERSION, "article-" + n, sourceId, "가상 언론사",
                "https://news.example.kr/news/" + n, "기사 " + n, Instant.parse("2026-11-20T00:00:00Z"), null,
                Instant.parse("2026-11-20T00:01:00Z"), "ko", null, null, text,
                CanonicalUrls.fingerprint("기사 " + n, text));
    }
}
