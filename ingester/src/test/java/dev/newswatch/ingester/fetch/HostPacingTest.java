package dev.newswatch.ingester.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.failure.ErrorKind;

/**
 * Must-show 2: with several hosts on distinct loopback addresses (distinct hosts to the crawler, which paces by
 * host name) and a configured delay, no two requests reach one host closer than the delay while the hosts are
 * fetched in parallel; slow pages on one host do not hold up another host at all, and hold up another source on
 * their own host only for the slow request in progress, never for its retries. Proofs are the order of the
 * servers' arrival times; durations are printed, not asserted.
 */
class HostPacingTest {

    private static final Duration HOST_DELAY = Duration.ofMillis(200);
    private static final int PAGES_PER_HOST = 4;
    /** Long enough that no slow page here times out unless a test wants it to. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);
    /** A backoff far longer than the other source's requests take, so that waiting through it would show. */
    private static final Duration BACKOFF = Duration.ofSeconds(20);

    private final List<FixtureSite> hosts = List.of(
            FixtureSite.startOn("127.0.0.2"), FixtureSite.startOn("127.0.0.3"), FixtureSite.startOn("127.0.0.4"));
    private final FixtureSite slowHost = hosts.get(0);
    private final FixtureSite otherHost = hosts.get(1);
    private final ExecutorService slowSource = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopHosts() {
        slowSource.shutdownNow();
        hosts.forEach(FixtureSite::close);
    }

    /** Delays a host, waits as long as a test needs, and retries a 5xx after {@link #BACKOFF} (jitter pinned). */
    private static PageFetcher patientFetcher() {
        IngesterSettings settings = new IngesterSettings(0, null, null, HOST_DELAY, FETCH_TIMEOUT, 0, null, null, null, 0);
        RetryPolicy retries = new RetryPolicy(3, BACKOFF, BACKOFF, BACKOFF, () -> 1.0, Clock.systemUTC());
        return new PageFetcher(settings.fetch(), new FetchMetrics(new SimpleMeterRegistry()), retries);
    }

    private static FetchRequest page(FixtureSite host, String path, String sourceId) {
        return new FetchRequest(host.uri(path), sourceId, ErrorKind.PAGE_FETCH, Validators.NONE, true);
    }

    /** Fetches {@code paths} one after another, as one source's poll does, and returns how long it took. */
    private static long fetchInTurn(PageFetcher fetcher, FixtureSite host, List<String> paths) throws Exception {
        long started = System.nanoTime();
        for (String path : paths) {
            assertThat(fetcher.fetch(page(host, path, "healthy")).status()).isEqualTo(200);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static List<String> newsPages(FixtureSite host, int count) {
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            host.serveText("/news/" + i, "text/html; charset=utf-8", "<p>기사 " + i + "</p>");
            paths.add("/news/" + i);
        }
        return paths;
    }

    /** The host's requests other than robots.txt, in the order they arrived. */
    private static List<String> arrivals(FixtureSite host) {
        return host.hits().stream().sorted(Comparator.comparingLong(FixtureSite.Hit::receivedNanos))
                .map(FixtureSite.Hit::pathAndQuery).filter(path -> !path.equals("/robots.txt")).toList();
    }

    @Test
    void aSlowPageOnOneHostDoesNotHoldUpAnotherHost() throws Exception {
        slowHost.serveAfterSilence("/slow", FETCH_TIMEOUT.multipliedBy(2));
        List<String> pages = newsPages(otherHost, PAGES_PER_HOST);
        PageFetcher fetcher = patientFetcher();

        Future<FetchedBody> slow = slowSource.submit(() -> fetcher.fetch(page(slowHost, "/slow", "slow")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !slowHost.hitsStartingWith("/slow").isEmpty());
        long took = fetchInTurn(fetcher, otherHost, pages);

        // Every request to the other host arrived, and was answered, while the slow request was still unanswered.
        assertThat(slow).isNotDone();
        long slowArrived = slowHost.hitsStartingWith("/slow").get(0).receivedNanos();
        assertThat(otherHost.hitsStartingWith("/news/")).hasSize(PAGES_PER_HOST)
                .allSatisfy(hit -> assertThat(hit.receivedNanos()).isGreaterThan(slowArrived));
        System.out.printf("%d pages of another host in %d ms (host delay %d ms) while one page hung%n",
                PAGES_PER_HOST, took, HOST_DELAY.toMillis());
    }

    @Test
    void aSourceOnTheSlowHostWaitsOnlyForTheSlowRequestInProgress() throws Exception {
        List<String> slowPages = List.of("/slow/1", "/slow/2", "/slow/3", "/slow/4");
        slowPages.forEach(path -> slowHost.serveAfterSilence(path, Duration.ofMillis(800)));
        List<String> pages = newsPages(slowHost, 3);
        PageFetcher fetcher = patientFetcher();

        Future<?> slow = slowSource.submit(() -> {
            for (String path : slowPages) {
                fetcher.fetch(page(slowHost, path, "slow"));
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !slowHost.hitsStartingWith("/slow/").isEmpty());
        long took = fetchInTurn(fetcher, slowHost, pages);
        slow.get();

        // Each page of the healthy source went right after the slow request it found in progress: never two slow
        // requests between one of its requests and the next, and its first right after the first slow one.
        List<String> order = arrivals(slowHost);
        assertThat(order.subList(0, 2)).containsExactly("/slow/1", "/news/1");
        for (int i = 1; i < pages.size(); i++) {
            List<String> between = order.subList(order.indexOf(pages.get(i - 1)) + 1, order.indexOf(pages.get(i)));
            assertThat(between).as("requests between %s and %s", pages.get(i - 1), pages.get(i)).hasSizeLessThanOrEqualTo(1);
        }
        System.out.printf("arrivals %s; %d healthy pages in %d ms beside pages answering in 800 ms%n", order,
                pages.size(), took);
    }

    @Test
    void aRetryWaitsForItsBackoffWithoutHoldingTheHost() throws Exception {
        slowHost.serveInTurn("/failing", new FixtureSite.Reply(500, Map.of(), ""));
        List<String> pages = newsPages(slowHost, PAGES_PER_HOST);
        PageFetcher fetcher = patientFetcher();

        Future<FetchedBody> failing = slowSource.submit(() -> fetcher.fetch(page(slowHost, "/failing", "failing")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !slowHost.hitsStartingWith("/failing").isEmpty());
        long took = fetchInTurn(fetcher, slowHost, pages);

        // All the healthy source's pages came between the failed try and its retry, which is still waiting.
        assertThat(arrivals(slowHost)).containsExactly("/failing", "/news/1", "/news/2", "/news/3", "/news/4");
        assertThat(failing).isNotDone();
        System.out.printf("%d pages in %d ms while another request to the host waited %d s to retry%n",
                PAGES_PER_HOST, took, BACKOFF.toSeconds());
    }

    @Test
    void aRetryAfterTheServerAskedForHoldsBackTheWholeHost() throws Exception {
        slowHost.serveInTurn("/throttled", new FixtureSite.Reply(429, Map.of("Retry-After", "1"), ""),
                new FixtureSite.Reply(200, Map.of("Content-Type", "text/html"), "<p>기사</p>"));
        List<String> pages = newsPages(slowHost, 1);
        PageFetcher fetcher = patientFetcher();

        Future<FetchedBody> throttled = slowSource.submit(() -> fetcher.fetch(page(slowHost, "/throttled", "throttled")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !slowHost.hitsStartingWith("/throttled").isEmpty());
        fetchInTurn(fetcher, slowHost, pages);
        throttled.get();

        // The server asked its clients to stay away for a second: the other source's request waited too.
        long asked = slowHost.hitsStartingWith("/throttled").get(0).receivedNanos();
        assertThat(slowHost.hitsStartingWith("/news/1")).singleElement().satisfies(hit ->
                assertThat(hit.receivedNanos() - asked).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos()));
    }

    @Test
    void requestsToOneHostAreNeverCloserThanTheDelayWhileHostsAreFetchedInParallel() throws Exception {
        for (FixtureSite host : hosts) {
            for (int i = 1; i <= PAGES_PER_HOST; i++) {
                host.serveText("/news/" + i, "text/html; charset=utf-8", "<p>기사 " + i + "</p>");
            }
        }
        PageFetcher fetcher = new PageFetcher(IngesterSettings.defaults().withHostDelay(HOST_DELAY).fetch());
        // Interleaved, so that every host has requests waiting from the start.
        List<Callable<FetchedBody>> calls = new ArrayList<>();
        for (int i = 1; i <= PAGES_PER_HOST; i++) {
            for (FixtureSite host : hosts) {
                FetchRequest request = new FetchRequest(host.uri("/news/" + i), "fixture", ErrorKind.PAGE_FETCH,
                        Validators.NONE, true);
                calls.add(() -> fetcher.fetch(request));
            }
        }

        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        long started = System.nanoTime();
        try {
            for (Future<FetchedBody> result : threads.invokeAll(calls)) {
                assertThat(result.get().status()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;

        List<List<FixtureSite.Hit>> hitsByHost = hosts.stream()
                .map(host -> host.hits().stream().sorted(Comparator.comparingLong(FixtureSite.Hit::receivedNanos)).toList())
                .toList();
        for (List<FixtureSite.Hit> hits : hitsByHost) {
            assertThat(hits).hasSize(PAGES_PER_HOST + 1); // robots.txt (a 404 here) and the pages
            for (int i = 1; i < hits.size(); i++) {
                assertThat(hits.get(i).receivedNanos() - hits.get(i - 1).receivedNanos())
                        .as("gap before %s", hits.get(i).pathAndQuery())
                        .isGreaterThanOrEqualTo(HOST_DELAY.toNanos());
            }
        }
        // Every host's first request came before every host's last one: their request spans overlap in time.
        long latestFirst = hitsByHost.stream().mapToLong(hits -> hits.get(0).receivedNanos()).max().orElseThrow();
        long earliestLast = hitsByHost.stream().mapToLong(hits -> hits.get(hits.size() - 1).receivedNanos())
                .min().orElseThrow();
        assertThat(latestFirst).isLessThan(earliestLast);
        // For the reader, not asserted: wall-clock time on a shared machine proves nothing the overlap does not.
        System.out.printf("%d hosts, %d requests, %d ms apart per host: %d ms in all%n", hosts.size(),
                hitsByHost.stream().mapToLong(List::size).sum(), HOST_DELAY.toMillis(), elapsed / 1_000_000);
    }
}
