package dev.newswatch.ingester.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;

class PageFetcherRetryTest {

    private static final Duration BASE_BACKOFF = Duration.ofMillis(100);
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final FixtureSite.Reply OK = new FixtureSite.Reply(200, Map.of("Content-Type", "text/html"),
            "<p>드디어 받은 기사</p>");

    private final FixtureSite site = FixtureSite.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stopSite() {
        site.close();
    }

    /** Three tries; jitter pinned to its upper bound, so each backoff is exactly 100 ms, then 200 ms. */
    private PageFetcher fetcher(Duration fetchTimeout) {
        RetryPolicy retries = new RetryPolicy(3, BASE_BACKOFF, Duration.ofSeconds(1), Duration.ofSeconds(5),
                () -> 1.0, Clock.fixed(NOW, ZoneOffset.UTC));
        IngesterSettings settings = new IngesterSettings(0, null, null, Duration.ZERO, fetchTimeout, 0, null, null, null, 0);
        return new PageFetcher(settings.fetch(), new FetchMetrics(registry), retries);
    }

    private static FetchRequest page(URI url) {
        return new FetchRequest(url, "fixture", ErrorKind.PAGE_FETCH, Validators.NONE, true);
    }

    private static FixtureSite.Reply status(int status, Map<String, String> headers) {
        return new FixtureSite.Reply(status, headers, "");
    }

    private double retries(String reason) {
        return registry.counter(FetchMetrics.RETRIES, "source", "fixture", "reason", reason).count();
    }

    private List<Long> gapsBetween(String path) {
        List<FixtureSite.Hit> hits = site.hitsStartingWith(path);
        return java.util.stream.IntStream.range(1, hits.size())
                .mapToObj(i -> hits.get(i).receivedNanos() - hits.get(i - 1).receivedNanos()).toList();
    }

    @Test
    void a429IsRetriedAfterTheSecondsItsRetryAfterAsks() throws Exception {
        site.serveInTurn("/news/1", status(429, Map.of("Retry-After", "1")), OK);

        FetchedBody body = fetcher(null).fetch(page(site.uri("/news/1")));

        assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo("<p>드디어 받은 기사</p>");
        assertThat(gapsBetween("/news/1")).singleElement().satisfies(gap ->
                assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos()));
        assertThat(retries("throttled")).isEqualTo(1);
    }

    @Test
    void a503IsRetriedAfterTheHttpDateItsRetryAfterNames() throws Exception {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(1).atOffset(ZoneOffset.UTC));
        site.serveInTurn("/news/1", status(503, Map.of("Retry-After", inOneSecond)), OK);

        FetchedBody body = fetcher(null).fetch(page(site.uri("/news/1")));

        assertThat(body.status()).isEqualTo(200);
        assertThat(gapsBetween("/news/1")).singleElement().satisfies(gap ->
                assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos()));
        assertThat(retries("throttled")).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitIsNotRetriedSooner() {
        site.serveInTurn("/news/1", status(429, Map.of("Retry-After", "3600")), OK);

        assertThatThrownBy(() -> fetcher(null).fetch(page(site.uri("/news/1"))))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessage("HTTP 429 asking to retry after PT1H, longer than the longest wait PT5S");
        assertThat(site.hitsStartingWith("/news/1")).hasSize(1);
        assertThat(registry.counter(FetchMetrics.FETCHES, "source", "fixture", "outcome", "http-error", "status", "429")
                .count()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithAGrowingBackoff() throws Exception {
        site.serveInTurn("/news/1", status(500, Map.of()), status(502, Map.of()), OK);

        FetchedBody body = fetcher(null).fetch(page(site.uri("/news/1")));

        assertThat(body.status()).isEqualTo(200);
        List<Long> gaps = gapsBetween("/news/1");
        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(BASE_BACKOFF.toNanos());
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(BASE_BACKOFF.multipliedBy(2).toNanos());
        assertThat(retries("server-error")).isEqualTo(2);
    }

    @Test
    void throttlingWithoutRetryAfterIsRetriedAfterABackoff() throws Exception {
        site.serveInTurn("/news/1", status(429, Map.of()), status(503, Map.of("Retry-After", "whenever")), OK);

        FetchedBody body = fetcher(null).fetch(page(site.uri("/news/1")));

        assertThat(body.status()).isEqualTo(200);
        List<Long> gaps = gapsBetween("/news/1");
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(BASE_BACKOFF.toNanos());
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(BASE_BACKOFF.multipliedBy(2).toNanos());
        assertThat(retries("throttled")).isEqualTo(2);
    }

    @Test
    void retriesAreBounded() {
        site.serveInTurn("/news/1", status(500, Map.of()));

        assertThatThrownBy(() -> fetcher(null).fetch(page(site.uri("/news/1"))))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessage("HTTP 500");
        assertThat(site.hitsStartingWith("/news/1")).hasSize(3);
        assertThat(registry.counter(FetchMetrics.FETCHES, "source", "fixture", "outcome", "http-error", "status", "500")
                .count()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetried() {
        site.serveInTurn("/news/1", status(404, Map.of()), OK);

        assertThatThrownBy(() -> fetcher(null).fetch(page(site.uri("/news/1"))))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessage("HTTP 404");
        assertThat(site.hitsStartingWith("/news/1")).hasSize(1);
        assertThat(retries("server-error") + retries("throttled") + retries("timeout")).isZero();
    }

    @Test
    void aServerThatNeverAnswersIsTriedAgainThenGivenUp() {
        site.serveAfterSilence("/news/1", Duration.ofSeconds(30));

        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(1)).fetch(page(site.uri("/news/1"))))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessage("no response within PT1S (3 tries)");
        assertThat(site.hitsStartingWith("/news/1")).hasSize(3);
        assertThat(retries("timeout")).isEqualTo(2);
    }
}
