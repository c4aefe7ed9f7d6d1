package dev.newswatch.ingester.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.common.net.AddressGuard;
import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;

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
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stopSites() {
        site.close();
        otherSite.close();
    }

    private PageFetcher fetcher(Duration hostDelay) {
        return fetcher(IngesterSettings.defaults().withHostDelay(hostDelay));
    }

    private PageFetcher fetcher(IngesterSettings settings) {
        return new PageFetcher(settings.fetch(), new FetchMetrics(registry));
    }

    /** A page request from the fixture source, which (like every test source) may reach loopback addresses. */
    private static FetchRequest page(URI url) {
        return new FetchRequest(url, "fixture", ErrorKind.PAGE_FETCH, Validators.NONE, true);
    }

    private double fetches(String outcome, String status) {
        return registry.counter(FetchMetrics.FETCHES, "source", "fixture", "outcome", outcome, "status", status).count();
    }

    @Test
    void robotsTxtDisallowIsHonouredForOurAgentFetchedOncePerHostAndCounted() throws Exception {
        site.serveText("/robots.txt", "text/plain", ROBOTS)
                .serveText("/news/1", "text/html; charset=utf-8", "<p>허용된 기사</p>")
                .serveText("/private/1", "text/html; charset=utf-8", "<p>비공개</p>");
        PageFetcher fetcher = fetcher(Duration.ZERO);

        FetchedBody allowed = fetcher.fetch(page(site.uri("/news/1")));
        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/private/1"))))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.ROBOTS_DENIED))
                .hasMessageContaining("disallows /private/1");

        assertThat(new String(allowed.body(), StandardCharsets.UTF_8)).isEqualTo("<p>허용된 기사</p>");
        assertThat(site.hits()).extracting(FixtureSite.Hit::pathAndQuery).containsExactly("/robots.txt", "/news/1");
        assertThat(site.hits()).extracting(FixtureSite.Hit::userAgent).containsOnly(USER_AGENT);
        assertThat(registry.counter(FetchMetrics.ROBOTS_DENIALS, "source", "fixture").count()).isEqualTo(1);
        assertThat(fetches("robots-denied", "none")).isEqualTo(1);
        assertThat(fetches("ok", "200")).isEqualTo(1);
        assertThat(registry.counter(FetchMetrics.RECEIVED, "source", "fixture").count())
                .isEqualTo("<p>허용된 기사</p>".getBytes(StandardCharsets.UTF_8).length);
        assertThat(registry.timer(FetchMetrics.DURATION, "source", "fixture").count()).isEqualTo(2);
    }

    @Test
    void robotsCrawlDelayLongerThanTheHostDelayWins() throws Exception {
        site.serveText("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 1\n")
                .serveText("/a", "text/html", "<p>가</p>")
                .serveText("/b", "text/html", "<p>나</p>");
        PageFetcher fetcher = fetcher(Duration.ofMillis(10));

        fetcher.fetch(page(site.uri("/a")));
        fetcher.fetch(page(site.uri("/b")));

        List<FixtureSite.Hit> pages = site.hits().subList(1, 3);
        assertThat(pages.get(1).receivedNanos() - pages.get(0).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void aRobotsTxtAnsweringWithAServerErrorDefersTheHostWithoutAskingAgain() {
        site.serve("/robots.txt", 503, Map.of(), new byte[0])
                .serveText("/news/1", "text/html", "<p>기사</p>");
        PageFetcher fetcher = fetcher(Duration.ZERO);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/news/1"))))
                    .isInstanceOfSatisfying(IngestException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.ROBOTS_UNAVAILABLE))
                    .hasMessageContaining("answered HTTP 503").hasMessageContaining("deferred until");
        }

        assertThat(site.hits()).extracting(FixtureSite.Hit::pathAndQuery).containsExactly("/robots.txt");
        assertThat(fetches("robots-unavailable", "none")).isEqualTo(2);
    }

    @Test
    void aRobotsTxtThatTimesOutDefersTheHost() {
        site.serveAfterSilence("/robots.txt", Duration.ofSeconds(30)).serveText("/news/1", "text/html", "<p>기사</p>");
        PageFetcher fetcher = fetcher(new IngesterSettings(0, null, null, Duration.ZERO, Duration.ofMillis(300), 0, null,
                null, null, 0));

        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/news/1"))))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.ROBOTS_UNAVAILABLE))
                .hasMessageContaining("timed out");
        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/news/1"))))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.ROBOTS_UNAVAILABLE));

        assertThat(site.hits()).extracting(FixtureSite.Hit::pathAndQuery).containsExactly("/robots.txt");
    }

    @Test
    void conditionalGetSendsTheValidatorsAndReportsNotModified() throws Exception {
        String etag = "\"list-v1\"";
        String lastModified = "Fri, 20 Nov 2026 00:20:00 GMT";
        site.serve("/list", 200, Map.of("Content-Type", "text/html; charset=utf-8", "ETag", etag,
                "Last-Modified", lastModified), "<p>목록</p>".getBytes(StandardCharsets.UTF_8));
        PageFetcher fetcher = fetcher(Duration.ZERO);

        FetchedBody first = fetcher.fetch(page(site.uri("/list")));
        FetchedBody second = fetcher.fetch(new FetchRequest(site.uri("/list"), "fixture", ErrorKind.PAGE_FETCH,
                first.validators(), true));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.notModified()).isFalse();
        assertThat(first.validators()).isEqualTo(new Validators(etag, lastModified));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(second.validators()).isEqualTo(first.validators());
        List<FixtureSite.Hit> pages = site.hitsStartingWith("/list");
        assertThat(pages.get(0).header("If-None-Match")).isNull();
        assertThat(pages.get(1).header("If-None-Match")).isEqualTo(etag);
        assertThat(pages.get(1).header("If-Modified-Since")).isEqualTo(lastModified);
        assertThat(fetches("not-modified", "304")).isEqualTo(1);
    }

    @Test
    void aChangedPageComesBackWithItsNewValidators() throws Exception {
        site.serve("/list", 200, Map.of("Content-Type", "text/html", "Last-Modified", "Sat, 21 Nov 2026 00:00:00 GMT"),
                "<p>새 목록</p>".getBytes(StandardCharsets.UTF_8));

        FetchedBody body = fetcher(Duration.ZERO).fetch(new FetchRequest(site.uri("/list"), "fixture",
                ErrorKind.PAGE_FETCH, new Validators(null, "Fri, 20 Nov 2026 00:00:00 GMT"), true));

        assertThat(body.notModified()).isFalse();
        assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo("<p>새 목록</p>");
        assertThat(body.validators()).isEqualTo(new Validators(null, "Sat, 21 Nov 2026 00:00:00 GMT"));
    }

    @Test
    void followsRedirectsAndDecompressesGzip() throws Exception {
        site.serve("/old", 301, Map.of("Location", "/new"), new byte[0])
                .serve("/new", 200, Map.of("Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip"),
                        gzip("<p>압축된 기사</p>".getBytes(StandardCharsets.UTF_8)));

        FetchedBody body = fetcher(Duration.ZERO).fetch(page(site.uri("/old")));

        assertThat(body.url()).isEqualTo(site.uri("/new"));
        assertThat(body.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo("<p>압축된 기사</p>");
    }

    @Test
    void redirectLoopsAreBounded() {
        site.serve("/loop", 302, Map.of("Location", "/loop"), new byte[0]);
        assertThatThrownBy(() -> fetcher(Duration.ZERO).fetch(page(site.uri("/loop"))))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessageContaining("redirects");
        assertThat(fetches("too-many-redirects", "none")).isEqualTo(1);
    }

    @Test
    void bodiesOverTheLimitAreRefusedAsSentAndOnceUnzipped() throws Exception {
        site.serve("/huge", "text/html", new byte[2048]).serve("/fits", "text/html", new byte[1024])
                .serve("/bomb", 200, Map.of("Content-Type", "text/html", "Content-Encoding", "gzip"),
                        gzip(new byte[1_000_000]));
        PageFetcher fetcher = fetcher(new IngesterSettings(0, null, null, Duration.ZERO, null, 1024, null, null, null, 0));

        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/huge"))))
                .isInstanceOf(IngestException.class).hasMessage("body exceeds the limit of 1024 bytes");
        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/bomb"))))
                .isInstanceOf(IngestException.class).hasMessage("body exceeds the limit of 1024 bytes once unzipped");
        assertThatCode(() -> fetcher.fetch(page(site.uri("/fits")))).doesNotThrowAnyException();
        assertThat(fetches("too-large", "none")).isEqualTo(2);
    }

    @Test
    void contentTypesTheCallerCannotReadAreSkipped() throws Exception {
        site.serve("/photo.jpg", "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                .serveText("/rss.xml", "application/rss+xml; charset=utf-8", "<rss version=\"2.0\"/>")
                .serveText("/article", "application/xhtml+xml", "<p>기사</p>");
        PageFetcher fetcher = fetcher(Duration.ZERO);

        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/photo.jpg"))))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_CONTENT))
                .hasMessage("content type image/jpeg is not an HTML page");
        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/rss.xml"))))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_CONTENT));
        FetchRequest feed = new FetchRequest(site.uri("/rss.xml"), "fixture", ErrorKind.FEED_FETCH, null, true);
        assertThat(feed.accept()).isEqualTo(FetchRequest.Accept.FEED);
        assertThat(fetcher.fetch(feed).body()).isNotEmpty();
        assertThat(fetcher.fetch(page(site.uri("/article"))).body()).isNotEmpty();
        assertThat(fetches("unsupported-content", "200")).isEqualTo(2);
    }

    @Test
    void privateAddressesAreRefusedUnlessTheSourceAllowsThem() throws Exception {
        site.serveText("/news/1", "text/html", "<p>기사</p>");
        PageFetcher fetcher = fetcher(Duration.ZERO);

        assertThatThrownBy(() -> fetcher.fetch(new FetchRequest(site.uri("/news/1"), "fixture", ErrorKind.PAGE_FETCH,
                Validators.NONE, false)))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.BLOCKED_ADDRESS))
                .hasMessageContaining("loopback address 127.0.0.1");
        assertThat(site.hits()).isEmpty();
        assertThat(fetches("blocked-address", "none")).isEqualTo(1);
        assertThat(fetcher.fetch(page(site.uri("/news/1"))).body()).isNotEmpty();
    }

    @Test
    void everyRedirectHopIsCheckedAgainstTheAddressGuard() throws Exception {
        // The guard is told this host is public, as a real outlet would be; its redirect leads to loopback.
        try (FixtureSite outlet = FixtureSite.startOn("127.0.0.2")) {
            InetAddress publicAddress = InetAddress.getByName("203.0.113.7");
            AddressGuard guard = new AddressGuard(host -> host.equals("127.0.0.2")
                    ? new InetAddress[]{publicAddress} : InetAddress.getAllByName(host));
            outlet.serveText("/news/1", "text/html", "<p>기사</p>")
                    .serve("/go", 302, Map.of("Location", site.uri("/admin").toString()), new byte[0]);
            PageFetcher fetcher = new PageFetcher(IngesterSettings.defaults().withHostDelay(Duration.ZERO).fetch(),
                    new FetchMetrics(registry), RetryPolicy.defaults(), guard);

            FetchRequest direct = new FetchRequest(outlet.uri("/news/1"), "fixture", ErrorKind.PAGE_FETCH, null, false);
            assertThat(fetcher.fetch(direct).body()).isNotEmpty();
            FetchRequest redirected = new FetchRequest(outlet.uri("/go"), "fixture", ErrorKind.PAGE_FETCH, null, false);
            assertThatThrownBy(() -> fetcher.fetch(redirected))
                    .isInstanceOfSatisfying(IngestException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BLOCKED_ADDRESS))
                    .hasMessageContaining(site.uri("/admin").toString());
            assertThat(site.hits()).isEmpty();
        }
    }

    @Test
    void aResponseSlowerThanTheFetchTimeoutIsAFetchError() {
        site.serveSlowly("/slow", Duration.ofSeconds(30));
        PageFetcher fetcher = fetcher(new IngesterSettings(0, null, null, Duration.ZERO, Duration.ofSeconds(1), 0, null,
                null, null, 0));
        assertThatThrownBy(() -> fetcher.fetch(page(site.uri("/slow"))))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAGE_FETCH))
                .hasMessage("no complete response within PT1S");
        // A server that answered and then trickles is not asked again.
        assertThat(site.hitsStartingWith("/slow")).hasSize(1);
        assertThat(fetches("timeout", "none")).isEqualTo(1);
    }

    @Test
    void unreachableHostIsAFetchErrorNotACrash() {
        int closedPort = otherSite.uri("/").getPort();
        otherSite.close();
        FetchRequest feed = new FetchRequest(URI.create("http://127.0.0.1:" + closedPort + "/rss.xml"), "fixture",
                ErrorKind.FEED_FETCH, null, true);
        assertThatThrownBy(() -> fetcher(Duration.ZERO).fetch(feed))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_FETCH))
                .hasMessageContaining("cannot connect");
        assertThat(fetches("unreachable", "none")).isEqualTo(1);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        }
        return compressed.toByteArray();
    }
}
