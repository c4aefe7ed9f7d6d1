package dev.newswatch.ingester.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;

class SitemapDiscoveryTest {

    private final FixtureSite site = FixtureSite.start();
    private final SitemapDiscovery poller = new SitemapDiscovery(
            new PageFetcher(IngesterSettings.defaults().withHostDelay(Duration.ZERO).fetch()));

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Source sitemap(String path, int maxPages) {
        return new Source("news-sitemap", "가상경제", SourceKind.SITEMAP, site.uri(path), null, null, null, null, null, true,
                null, null, null, maxPages, null, null);
    }

    static String googleNewsSitemap(String base) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url>
                    <loc>%1$s/news/view/1001</loc>
                    <news:news>
                      <news:publication><news:name>가상경제</news:name><news:language>ko</news:language></news:publication>
                      <news:publication_date>2026-11-20T09:10:00+09:00</news:publication_date>
                      <news:title>엔비디아 H200 중국 판매 허용 논의</news:title>
                    </news:news>
                  </url>
                  <url>
                    <loc>%1$s/news/view/1002</loc>
                    <lastmod>2026-11-20</lastmod>
                    <news:news>
                      <news:publication><news:name>가상경제</news:name><news:language>ko</news:language></news:publication>
                      <news:publication_date>2026-11-20</news:publication_date>
                      <news:title>알리바바 자체 AI 칩 공개</news:title>
                    </news:news>
                  </url>
                </urlset>
                """.formatted(base);
    }

    @Test
    void readsGoogleNewsTitlesAndDatesWithDateOnlyValuesInSeoulTime() throws Exception {
        site.serveText("/sitemap-news.xml", "application/xml; charset=utf-8", googleNewsSitemap(site.base()));

        Discovery discovery = poller.discover(sitemap("/sitemap-news.xml", 0), Validators.NONE);

        assertThat(discovery.links()).containsExactly(
                DiscoveredLink.onTheWeb(site.base() + "/news/view/1001", "엔비디아 H200 중국 판매 허용 논의",
                        Instant.parse("2026-11-20T00:10:00Z"), null),
                DiscoveredLink.onTheWeb(site.base() + "/news/view/1002", "알리바바 자체 AI 칩 공개",
                        Instant.parse("2026-11-19T15:00:00Z"), Instant.parse("2026-11-19T15:00:00Z")));
    }

    @Test
    void readsTheNewestChildSitemapsOfAnIndexWithinTheBoundAndTheSourcesHosts() throws Exception {
        site.serveText("/sitemap.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/sitemap-2025-01.xml</loc><lastmod>2025-01-31T23:00:00+09:00</lastmod></sitemap>
                  <sitemap><loc>https://elsewhere.example.kr/sitemap-news.xml</loc><lastmod>2026-11-21T00:00:00+09:00</lastmod></sitemap>
                  <sitemap><loc>%1$s/sitemap-news.xml</loc><lastmod>2026-11-20T09:30:00+09:00</lastmod></sitemap>
                  <sitemap><loc>%1$s/sitemap-2026-10.xml</loc><lastmod>2026-10-31T23:00:00+09:00</lastmod></sitemap>
                </sitemapindex>
                """.formatted(site.base()))
                .serveText("/sitemap-news.xml", "application/xml", googleNewsSitemap(site.base()))
                .serveText("/sitemap-2026-10.xml", "application/xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <url><loc>%s/news/view/900</loc><lastmod>2026-10-30T10:00:00+09:00</lastmod></url>
                        </urlset>
                        """.formatted(site.base()));

        Discovery discovery = poller.discover(sitemap("/sitemap.xml", 2), Validators.NONE);

        assertThat(discovery.links()).extracting(DiscoveredLink::url).containsExactly(
                site.base() + "/news/view/1001", site.base() + "/news/view/1002", site.base() + "/news/view/900");
        assertThat(site.hits()).extracting(FixtureSite.Hit::pathAndQuery).doesNotContain("/sitemap-2025-01.xml");
    }

    @Test
    void aSitemapThatIsNotXmlIsAClearParseError() {
        site.serveText("/sitemap.xml", "application/xml", "<urlset><url><loc>깨진");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> poller.discover(sitemap("/sitemap.xml", 0),
                        Validators.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.SITEMAP_PARSE))
                .hasMessageStartingWith("not a readable sitemap");
    }

    @Test
    void aGzippedSitemapIsRead() throws Exception {
        site.serve("/sitemap.xml.gz", "application/gzip", gzip(googleNewsSitemap(site.base())));

        assertThat(poller.discover(sitemap("/sitemap.xml.gz", 0), Validators.NONE).links()).extracting(DiscoveredLink::url)
                .containsExactly(site.base() + "/news/view/1001", site.base() + "/news/view/1002");
    }

    @Test
    void aSitemapNestedDeeperThanTheLimitIsRefusedNamingTheLimit() {
        site.serveText("/sitemap.xml", "application/xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + site.base() + "/news/view/1</loc>" + "<x>".repeat(100_000) + "</x>".repeat(100_000)
                + "</url></urlset>");

        assertThatThrownBy(() -> poller.discover(sitemap("/sitemap.xml", 0), Validators.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.SITEMAP_PARSE))
                .hasMessageMatching("sitemap refused: it nests elements more than 100 levels deep \\(line 1, column \\d+\\)");
    }

    @Test
    void aGzippedSitemapLargerThanTheProtocolAllowsIsRefusedUnreadPastTheLimit() throws Exception {
        // 51 MB of blanks zip to about 50 KB: within the body size limit as sent, not once unzipped.
        String bomb = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + " ".repeat(51 << 20) + "</urlset>";
        site.serve("/sitemap.xml.gz", "application/gzip", gzip(bomb));

        assertThatThrownBy(() -> poller.discover(sitemap("/sitemap.xml.gz", 0), Validators.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.SITEMAP_PARSE))
                .hasMessage("sitemap refused: it is larger than the sitemap protocol's 50 MB once unzipped");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return zipped.toByteArray();
    }

    @Test
    void hostsOfTheIndexBoundWhatIsFollowed() {
        Source source = sitemap("/sitemap.xml", 0);
        assertThat(source.followsLinkTo(URI.create("https://elsewhere.example.kr/sitemap-news.xml"))).isFalse();
        assertThat(source.followsLinkTo(site.uri("/sitemap-news.xml"))).isTrue();
    }
}
