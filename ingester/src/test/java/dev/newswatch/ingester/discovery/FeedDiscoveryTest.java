package dev.newswatch.ingester.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchMetrics;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;

class FeedDiscoveryTest {

    private static final Charset CP949 = Charset.forName("x-windows-949");

    private final FixtureSite site = FixtureSite.start();
    private final PageFetcher fetcher = new PageFetcher(IngesterSettings.defaults().withHostDelay(Duration.ZERO).fetch());
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FeedDiscovery poller = new FeedDiscovery(fetcher, new BodyDecoder(new FetchMetrics(registry)));

    @AfterEach
    void stopSite() {
        site.close();
    }

    private List<DiscoveredLink> links(String path) throws Exception {
        Discovery discovery = poller.discover(Source.feed("test-feed", "테크데일리", site.uri(path))
                .allowingPrivateAddresses(), Validators.NONE);
        assertThat(discovery.notModified()).isFalse();
        return discovery.links();
    }

    @Test
    void readsRss2Items() throws Exception {
        site.serveFixture("/rss.xml", "text/xml", "feed-rss.xml");

        List<DiscoveredLink> links = links("/rss.xml");

        assertThat(links).hasSize(3);
        assertThat(links.get(0)).isEqualTo(DiscoveredLink.onTheWeb(site.base() + "/news/1?utm_source=rss&utm_medium=feed",
                "화웨이, 차세대 AI 칩 공개 예정", Instant.parse("2026-11-20T00:30:00Z"), null));
        assertThat(links).extracting(DiscoveredLink::title)
                .containsExactly("화웨이, 차세대 AI 칩 공개 예정", "엔비디아 H20 수출 재개 논의", "국내 기업 데이터센터 투자 확대");
    }

    @Test
    void readsAtomEntriesWithTheirUpdateDatesAndResolvesRelativeLinks() throws Exception {
        site.serveFixture("/atom.xml", "application/atom+xml; charset=utf-8", "feed-atom.xml");

        assertThat(links("/atom.xml")).containsExactly(
                DiscoveredLink.onTheWeb(site.base() + "/news/articleView.html?idxno=11", "캠브리콘 매출 급증",
                        Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-20T01:30:00Z")),
                DiscoveredLink.onTheWeb("https://www.chipnews.example.kr/news/articleView.html?idxno=12",
                        "HBM 공급 부족 지속", Instant.parse("2026-11-19T06:00:00Z"), Instant.parse("2026-11-19T06:00:00Z")));
    }

    @Test
    void utf8FeedStartingWithAByteOrderMarkIsRead() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.writeBytes(rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "국민 신문 반도체 속보",
                "Fri, 20 Nov 2026 09:30:00 +0900").getBytes(StandardCharsets.UTF_8));
        site.serve("/bom.xml", "text/xml", body.toByteArray());

        assertThat(links("/bom.xml")).singleElement().satisfies(link -> {
            assertThat(link.title()).isEqualTo("국민 신문 반도체 속보");
            assertThat(link.published()).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
        });
    }

    @Test
    void aFeedWithBytesInvalidInItsCharsetIsReadAndCountedForItsSource() throws Exception {
        byte[] valid = rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "반도체 수출 속보",
                "Fri, 20 Nov 2026 09:30:00 +0900").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int cut = new String(valid, StandardCharsets.UTF_8).indexOf("<item>");
        body.write(valid, 0, cut);
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0xFF});
        body.write(valid, cut, valid.length - cut);
        site.serve("/broken-bytes.xml", "application/rss+xml; charset=utf-8", body.toByteArray());

        assertThat(links("/broken-bytes.xml")).extracting(DiscoveredLink::title).containsExactly("반도체 수출 속보");
        assertThat(registry.scrape()).contains("newswatch_ingester_decode_errors_total{source=\"test-feed\"} 1.0");
    }

    @Test
    void feedDeclaringEucKrOnlyInItsPrologDecodesCp949Syllables() throws Exception {
        // As 보안뉴스 serves it: no charset in the header, single quotes in the declaration, and 똠 햏 뷁 are CP949-only.
        String feed = rss("<?xml version='1.0' encoding='euc-kr' ?>", "똠방각하 햏 뷁, 보안 위협 경고",
                "Fri, 20 Nov 2026 09:30:00 +0900");
        site.serve("/euckr.xml", "text/xml", feed.getBytes(CP949));

        assertThat(links("/euckr.xml")).extracting(DiscoveredLink::title).containsExactly("똠방각하 햏 뷁, 보안 위협 경고");
    }

    @Test
    void feedWithAnEucKrHeaderAndNoPrologEncodingIsReadWithTheHeaderCharset() throws Exception {
        String feed = rss("<?xml version=\"1.0\"?>", "똠방각하 햏 뷁", null);
        site.serve("/header.xml", "application/rss+xml; charset=euc-kr", feed.getBytes(CP949));

        assertThat(links("/header.xml")).extracting(DiscoveredLink::title).containsExactly("똠방각하 햏 뷁");
    }

    @Test
    void htmlEntitiesUndeclaredInXmlAndBadDatesStillYieldTheItems() throws Exception {
        site.serveText("/sloppy.xml", "text/xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>엉성한&nbsp;피드</title>
                <item><title>반도체&nbsp;수출&middot;투자 &amp;quot;급증&amp;quot;</title><link>https://example.kr/1</link>
                <pubDate>Tue, 11 08 2026 07:00:00 +0900</pubDate></item>
                <item><title>둘째 기사</title><link>https://example.kr/2</link><pubDate>어제 오후</pubDate></item>
                </channel></rss>
                """);

        List<DiscoveredLink> links = links("/sloppy.xml");

        assertThat(links).extracting(link -> link.title().replace('\u00a0', ' '))
                .containsExactly("반도체 수출·투자 \"급증\"", "둘째 기사");
        assertThat(links).extracting(DiscoveredLink::published).containsOnlyNulls();
    }

    @Test
    void zonelessItemDatesAreReadAsKoreanTime() throws Exception {
        site.serveText("/bloter.xml", "text/xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>가상 블로그 뉴스</title>
                <item><title>첫 기사</title><link>https://example.kr/1</link><pubDate>2026-08-09 18:00:00</pubDate></item>
                <item><title>둘째 기사</title><link>https://example.kr/2</link><dc:date>2026-08-09 07:30</dc:date></item>
                </channel></rss>
                """);

        assertThat(links("/bloter.xml")).extracting(DiscoveredLink::published)
                .containsExactly(Instant.parse("2026-08-09T09:00:00Z"), Instant.parse("2026-08-08T22:30:00Z"));
    }

    @Test
    void anUnknownEntityIsAClearFeedParseError() {
        site.serveText("/entity.xml", "text/xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>피드</title>
                <item><title>제목 &bogus; 끝</title><link>https://example.kr/1</link></item>
                </channel></rss>
                """);

        assertThatThrownBy(() -> links("/entity.xml"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE))
                .hasMessageStartingWith("not a readable RSS or Atom feed:").hasMessageContaining("bogus");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        site.serveText("/xxe.xml", "text/xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <rss version="2.0"><channel><title>피드</title>
                <item><title>&secret;</title><link>https://example.kr/1</link></item>
                </channel></rss>
                """);

        assertThatThrownBy(() -> links("/xxe.xml"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE))
                .hasMessageContaining("secret");
    }

    @Test
    void malformedFeedIsAFeedParseErrorNamingTheProblem() {
        site.serveFixture("/broken.xml", "application/rss+xml", "feed-malformed.xml");

        assertThatThrownBy(() -> links("/broken.xml"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE))
                .hasMessageStartingWith("not a readable RSS or Atom feed:");
    }

    @Test
    void readsRss1Items() throws Exception {
        site.serveText("/rdf.xml", "application/rdf+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://example.kr/rss"><title>가상 피드</title><link>https://example.kr/</link>
                    <items><rdf:Seq><rdf:li rdf:resource="https://example.kr/news/1"/></rdf:Seq></items></channel>
                  <item rdf:about="https://example.kr/news/1"><title>RSS 1.0 기사</title>
                    <link>https://example.kr/news/1</link><dc:date>2026-11-20T09:30:00+09:00</dc:date></item>
                </rdf:RDF>
                """);

        assertThat(links("/rdf.xml")).containsExactly(DiscoveredLink.onTheWeb("https://example.kr/news/1",
                "RSS 1.0 기사", Instant.parse("2026-11-20T00:30:00Z"), null));
    }

    @Test
    void aFeedNestedDeeperThanTheLimitIsRefusedNamingTheLimit() {
        // The issue's feed: 100,000 nested elements, 700 KB, well under the body size limit; minutes of CPU unbounded.
        site.serveText("/deep.xml", "application/rss+xml", nestedFeed(100_000));

        assertThatThrownBy(() -> links("/deep.xml"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE))
                .hasMessageMatching("feed refused: it nests elements more than 100 levels deep \\(line 1, column \\d+\\)");
    }

    @Test
    void aFeedNestedAsDeepAsTheLimitIsRead() throws Exception {
        // rss, channel and item are the first three levels.
        site.serveText("/deep.xml", "application/rss+xml", nestedFeed(XmlLimits.FEED.maxDepth() - 3));

        assertThat(links("/deep.xml")).extracting(DiscoveredLink::url).containsExactly("https://example.kr/news/1");
    }

    @Test
    void aFeedOfMoreElementsThanTheLimitIsRefusedNamingTheLimit() {
        String item = "<item><title>기사</title><link>https://example.kr/news/1</link></item>";
        site.serveText("/huge.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>가상 피드</title>"
                + item.repeat(XmlLimits.FEED.maxElements() / 3) + "</channel></rss>");

        assertThatThrownBy(() -> links("/huge.xml"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE))
                .hasMessageStartingWith("feed refused: it has more than 200,000 elements (line 1, column ");
    }

    /** An RSS feed of one item holding {@code depth} nested elements. */
    static String nestedFeed(int depth) {
        return "<rss version=\"2.0\"><channel><title>가상 피드</title><item><title>기사</title>"
                + "<link>https://example.kr/news/1</link>" + "<x>".repeat(depth) + "</x>".repeat(depth)
                + "</item></channel></rss>";
    }

    @Test
    void httpErrorIsAFeedFetchError() {
        assertThatThrownBy(() -> links("/moved.xml"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_FETCH))
                .hasMessageContaining("404");
    }

    private static String rss(String prolog, String title, String pubDate) {
        return prolog + "<rss version=\"2.0\"><channel><title>가상 피드</title><item><title>" + title
                + "</title><link>https://example.kr/news/1</link>"
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item></channel></rss>";
    }
}
