package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageFetcherTest {

    private static final String USER_AGENT = "NewswatchBot/0.1 (+https://github.com/newswatch/newswatch)";
    private static final String ROBOTS = """
            User-agent: *
            Disallow: /

            User-agent: NewswatchBot
            Disallow: /private/
            """;

    private final FixtureSite site = FixtureSite.start();
    private final FixtureSite otherSite = FixtureSite.start();

    @AfterEach
    void stopSites() {
        site.close();
        otherSite.close();
    }

    private static PageFetcher fetcher(Duration hostDelay) {
        return new PageFetcher(IngesterSettings.defaults().withHostDelay(hostDelay));
    }

    @Test
    void robotsTxtDisallowIsHonouredForOurAgentAndFetchedOncePerHost() throws Exception {
        site.serveText("/robots.txt", "text/plain", ROBOTS)
                .serveText("/news/1", "text/html; charset=utf-8", "<p>허용된 기사</p>")
                .serveText("/private/1", "text/html; charset=utf-8", "<p>비공개</p>");
        PageFetcher fetcher = fetcher(Duration.ZERO);

        FetchedBody allowed = fetcher.fetch(site.uri("/news/1"), ErrorKind.PAGE_FETCH);
        assertThatThrownBy(() -> fetcher.fetch(site.uri("/private/1"), ErrorKind.PAGE_FETCH))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.ROBOTS_DENIED))
                .hasMessageContaining("disallows /private/1");

        assertThat(new String(allowed.body(), StandardCharsets.UTF_8)).isEqualTo("<p>허용된 기사</p>");
        assertThat(site.hits()).extracting(FixtureSite.Hit::pathAndQuery).containsExactly("/robots.txt", "/news/1");
        assertThat(site.hits()).extracting(FixtureSite.Hit::userAgent).containsOnly(USER_AGENT);
    }

    @Test
    void requestsToOneHostAreNeverCloserThanTheHostDelayWhileOtherHostsProceed() throws Exception {
        Duration hostDelay = Duration.ofMillis(250);
        for (int i = 1; i <= 4; i++) {
            site.serveText("/news/" + i, "text/html", "<p>기사 " + i + "</p>");
        }
        otherSite.serveText("/news/1", "text/html", "<p>다른 사이트 기사</p>");
        PageFetcher fetcher = fetcher(hostDelay);

        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Callable<FetchedBody>> calls = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String path = "/news/" + i;
                calls.add(() -> fetcher.fetch(site.uri(path), ErrorKind.PAGE_FETCH));
            }
            calls.add(() -> fetcher.fetch(otherSite.uri("/news/1"), ErrorKind.PAGE_FETCH));
            for (Future<FetchedBody> result : threads.invokeAll(calls)) {
                assertThat(result.get().body()).isNotEmpty();
            }
        } finally {
            threads.shutdownNow();
        }

        List<FixtureSite.Hit> hits = site.hits();
        assertThat(hits).hasSize(5); // robots.txt (a 404 here) and four pages
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).receivedNanos() - hits.get(i - 1).receivedNanos())
                    .as("gap before %s", hits.get(i).pathAndQuery())
                    .isGreaterThanOrEqualTo(hostDelay.toNanos());
        }
        // The other host waited for nobody: its page came before this host's last one.
        assertThat(otherSite.hitsStartingWith("/news/1").get(0).receivedNanos())
                .isLessThan(hits.get(hits.size() - 1).receivedNanos());
    }

    @Test
    void robotsCrawlDelayLongerThanTheHostDelayWins() throws Exception {
        site.serveText("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 1\n")
                .serveText("/a", "text/html", "<p>가</p>")
                .serveText("/b", "text/html", "<p>나</p>");
        PageFetcher fetcher = fetcher(Duration.ofMillis(10));

        fetcher.fetch(site.uri("/a"), ErrorKind.PAGE_FETCH);
        fetcher.fetch(site.uri("/b"), ErrorKind.PAGE_FETCH);

        List<FixtureSite.Hit> pages = site.hits().subList(1, 3);
        assertThat(pages.get(1).receivedNanos() - pages.get(0).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void followsRedirectsAndDecompressesGzip() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("<p>압축된 기사</p>".getBytes(StandardCharsets.UTF_8));
        }
        site.serve("/old", 301, Map.of("Location", "/new"), new byte[0])
                .serve("/new", 200, Map.of("Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip"),
                        compressed.toByteArray());

        FetchedBody body = fetcher(Duration.ZERO).fetch(site.uri("/old"), ErrorKind.PAGE_FETCH);

        assertThat(body.url()).isEqualTo(site.uri("/new"));
        assertThat(body.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo("<p>압축된 기사</p>");
    }

    @Test
    void redirectLoopsAreBounded() {
        site.serve("/loop", 302, Map.of("Location", "/loop"), new byte[0]);
        assertThatThrownBy(() -> fetcher(Duration.ZERO).fetch(site.uri("/loop"), ErrorKind.PAGE_FETCH))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessageContaining("redirects");
    }

    @Test
    void bodiesOverTheLimitAreRefused() {
        site.serve("/huge", "text/html", new byte[2048]).serve("/fits", "text/html", new byte[1024]);
        PageFetcher fetcher = new PageFetcher(new IngesterSettings(0, null, null, Duration.ZERO, null, 1024, null));
        assertThatThrownBy(() -> fetcher.fetch(site.uri("/huge"), ErrorKind.PAGE_FETCH))
                .isInstanceOf(IngestException.class).hasMessage("body exceeds the limit of 1024 bytes");
        assertThatCode(() -> fetcher.fetch(site.uri("/fits"), ErrorKind.PAGE_FETCH)).doesNotThrowAnyException();
    }

    @Test
    void aResponseSlowerThanTheFetchTimeoutIsAFetchError() {
        site.serveSlowly("/slow", Duration.ofSeconds(5));
        PageFetcher fetcher = new PageFetcher(new IngesterSettings(0, null, null, Duration.ZERO,
                Duration.ofMillis(300), 0, null));
        assertThatThrownBy(() -> fetcher.fetch(site.uri("/slow"), ErrorKind.PAGE_FETCH))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessageContaining("within PT0.3S");
    }

    @Test
    void unreachableHostIsAFetchErrorNotACrash() {
        int closedPort = otherSite.uri("/").getPort();
        otherSite.close();
        assertThatThrownBy(() -> fetcher(Duration.ZERO)
                .fetch(java.net.URI.create("http://127.0.0.1:" + closedPort + "/rss.xml"), ErrorKind.FEED_FETCH))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_FETCH))
                .hasMessageContaining("cannot connect");
    }
}
