package dev.newswatch.ingester.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.ingester.IngesterMetrics;

class SourceSchedulerTest {

    private final List<String> polls = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngesterMetrics metrics = new IngesterMetrics(registry, List.of());

    private static Source feed(String id, String url) {
        return Source.feed(id, "가상 언론사", URI.create(url));
    }

    private long pollsOf(String id) {
        return polls.stream().filter(id::equals).count();
    }

    @Test
    void aPollLogsWithItsSourceInTheMdc() {
        List<String> seenInPoll = new CopyOnWriteArrayList<>();
        try (SourceScheduler scheduler = new SourceScheduler(source -> {
            seenInPoll.add(source.id() + "=" + MDC.get(SourceScheduler.MDC_SOURCE));
            return Duration.ofMillis(20);
        }, source -> Duration.ZERO, metrics::error)) {
            scheduler.take(List.of(feed("first", "https://a.example.kr/1.xml"), feed("second", "https://b.example.kr/1.xml")));
            await().atMost(Duration.ofSeconds(10)).until(() -> seenInPoll.size() >= 6);
        }
        assertThat(seenInPoll).allSatisfy(seen -> assertThat(seen).isIn("first=first", "second=second"));
    }

    @Test
    void addsRemovesAndReschedulesSourcesWhileRunning() {
        try (SourceScheduler scheduler = new SourceScheduler(source -> {
            polls.add(source.id() + (source.url().getPath().endsWith("2.xml") ? "@2" : ""));
            return Duration.ofMillis(50);
        }, source -> Duration.ZERO, metrics::error)) {
            scheduler.take(List.of(feed("kept", "https://a.example.kr/1.xml"), feed("dropped", "https://b.example.kr/1.xml")));
            await().atMost(Duration.ofSeconds(10)).until(() -> pollsOf("kept") >= 2 && pollsOf("dropped") >= 2);

            scheduler.apply(List.of(feed("kept", "https://a.example.kr/2.xml"), feed("added", "https://c.example.kr/1.xml")));
            long droppedPolls = pollsOf("dropped");
            await().atMost(Duration.ofSeconds(10)).until(() -> pollsOf("added") >= 3 && pollsOf("kept@2") >= 3);

            // A poll of the dropped source that was already running may finish; none starts after that.
            assertThat(pollsOf("dropped")).isLessThanOrEqualTo(droppedPolls + 1);
        }
    }

    @Test
    void releasingASourceLetsItsPollFinishWithinTheGraceThenInterruptsItAndPollsItNoMore() {
        List<String> interrupted = new CopyOnWriteArrayList<>();
        // The slow source's poll hangs, as on a host that never answers, until the scheduler interrupts it.
        CountDownLatch neverAnswered = new CountDownLatch(1);
        try (SourceScheduler scheduler = new SourceScheduler(source -> {
            polls.add(source.id());
            if (source.id().equals("slow")) {
                try {
                    neverAnswered.await();
                } catch (InterruptedException e) {
                    interrupted.add(source.id());
                }
            }
            return Duration.ofMillis(20);
        }, source -> Duration.ZERO, metrics::error)) {
            scheduler.take(List.of(feed("slow", "https://a.example.kr/1.xml"), feed("quick", "https://b.example.kr/1.xml")));
            await().atMost(Duration.ofSeconds(10)).until(() -> pollsOf("slow") == 1 && pollsOf("quick") >= 2);

            List<String> stillPolling = scheduler.release(List.of("slow", "quick"), Duration.ofMillis(500));

            assertThat(stillPolling).isEmpty();
            assertThat(interrupted).containsExactly("slow");
            long quickPolls = pollsOf("quick");
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> pollsOf("quick") == quickPolls && pollsOf("slow") == 1);

            scheduler.take(List.of(feed("quick", "https://b.example.kr/1.xml")));
            await().atMost(Duration.ofSeconds(10)).until(() -> pollsOf("quick") > quickPolls);
        }
    }

    @Test
    void aSourceNotDueYetWaitsForItsFirstDelay() {
        try (SourceScheduler scheduler = new SourceScheduler(source -> {
            polls.add(source.id());
            return Duration.ofMinutes(5);
        }, source -> source.id().equals("later") ? Duration.ofMinutes(5) : Duration.ZERO, metrics::error)) {
            scheduler.take(List.of(feed("now", "https://a.example.kr/1.xml"), feed("later", "https://b.example.kr/1.xml")));

            await().atMost(Duration.ofSeconds(10)).until(() -> pollsOf("now") == 1);
            assertThat(pollsOf("later")).isZero();
        }
    }

    @Test
    void aPollThatThrowsIsCountedAndTheSourceIsPolledAgain() {
        Source source = new Source("buggy", "가상 언론사", SourceKind.FEED, URI.create("https://a.example.kr/1.xml"),
                Duration.ofMillis(50), null, null, null, null, false, null, null, null, 0, null, null);
        try (SourceScheduler scheduler = new SourceScheduler(polled -> {
            polls.add(polled.id());
            switch (polls.size()) {
                case 1 -> throw new IllegalStateException("a bug in some stage");
                case 2 -> throw new StackOverflowError();
                default -> {
                    return Duration.ofMillis(50);
                }
            }
        }, polled -> Duration.ZERO, metrics::error)) {
            scheduler.take(List.of(source));

            await().atMost(Duration.ofSeconds(10)).until(() -> pollsOf("buggy") >= 4);
            assertThat(registry.get(IngesterMetrics.ERRORS).tag("source", "buggy").tag("kind", "internal").counter()
                    .count()).isEqualTo(2);
        }
    }
}
