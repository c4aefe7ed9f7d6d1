package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Must-show 2: with several hosts on distinct loopback addresses and a configured delay, no two requests reach
 * one host closer than the delay, while the hosts are fetched in parallel. Times are the servers' arrival times.
 */
class HostPacingTest {

    private static final Duration HOST_DELAY = Duration.ofMillis(200);
    private static final int PAGES_PER_HOST = 4;

    private final List<FixtureSite> hosts = List.of(
            FixtureSite.startOn("127.0.0.2"), FixtureSite.startOn("127.0.0.3"), FixtureSite.startOn("127.0.0.4"));

    @AfterEach
    void stopHosts() {
        hosts.forEach(FixtureSite::close);
    }

    @Test
    void requestsToOneHostAreNeverCloserThanTheDelayWhileHostsAreFetchedInParallel() throws Exception {
        for (FixtureSite host : hosts) {
            for (int i = 1; i <= PAGES_PER_HOST; i++) {
                host.serveText("/news/" + i, "text/html; charset=utf-8", "<p>기사 " + i + "</p>");
            }
        }
        PageFetcher fetcher = new PageFetcher(IngesterSettings.defaults().withHostDelay(HOST_DELAY));
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
