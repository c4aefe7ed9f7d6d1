package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FeedPollerTest {

    private final FixtureSite site = FixtureSite.start();
    private final IngesterSettings settings = IngesterSettings.defaults().withHostDelay(Duration.ZERO);
    private final PageFetcher fetcher = new PageFetcher(settings);
    private final FeedPoller poller = new FeedPoller(fetcher, new BodyDecoder());

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Source source(String path) {
        return new Source("test-feed", "테크데일리", SourceKind.FEED, site.uri(path), null, null);
    }

    @Test
    void readsRss2Items() throws Exception {
        site.serveFixture("/rss.xml", "text/xml", "feed-rss.xml");

        List<FeedEntry> entries = poller.poll(source("/rss.xml"));

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).isEqualTo(new FeedEntry(site.base() + "/news/1?utm_source=rss&utm_medium=feed",
                "화웨이, 차세대 AI 칩 공개 예정", Instant.parse("2026-11-20T00:30:00Z"),
                "화웨이가 차세대 AI 칩을 공개할 예정이다."));
        assertThat(entries).extracting(FeedEntry::title)
                .containsExactly("화웨이, 차세대 AI 칩 공개 예정", "엔비디아 H20 수출 재개 논의", "국내 기업 데이터센터 투자 확대");
    }

    @Test
    void readsAtomEntriesAndResolvesRelativeLinks() throws Exception {
        site.serveFixture("/atom.xml", "application/atom+xml; charset=utf-8", "feed-atom.xml");

        List<FeedEntry> entries = poller.poll(source("/atom.xml"));

        assertThat(entries).containsExactly(
                new FeedEntry(site.base() + "/news/articleView.html?idxno=11", "캠브리콘 매출 급증",
                        Instant.parse("2026-11-20T01:00:00Z"), "캠브리콘의 분기 매출이 크게 늘었다."),
                new FeedEntry("https://www.chipnews.example.kr/news/articleView.html?idxno=12", "HBM 공급 부족 지속",
                        Instant.parse("2026-11-19T06:00:00Z"), "HBM 공급 부족이 내년까지 이어질 전망이다."));
    }

    @Test
    void eucKrFeedWithoutPrologEncodingIsReadWithTheHeaderCharset() throws Exception {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>가상</title>"
                + "<item><title>똠방각하 햏 뷁</title><link>https://example.kr/1</link></item></channel></rss>";
        site.serve("/euckr.xml", "application/rss+xml; charset=euc-kr", feed.getBytes(Charset.forName("x-windows-949")));

        assertThat(poller.poll(source("/euckr.xml"))).extracting(FeedEntry::title).containsExactly("똠방각하 햏 뷁");
    }

    @Test
    void malformedFeedIsAFeedParseErrorNamingTheProblem() {
        site.serveFixture("/broken.xml", "application/rss+xml", "feed-malformed.xml");

        assertThatThrownBy(() -> poller.poll(source("/broken.xml")))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE))
                .hasMessageStartingWith("not a readable RSS or Atom feed:");
    }

    @Test
    void httpErrorIsAFeedFetchError() {
        assertThatThrownBy(() -> poller.poll(source("/moved.xml")))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_FETCH))
                .hasMessage("HTTP 404");
    }

    @Test
    void aFailingFeedEscapesNoPollAndIsCountedByKind() {
        site.serveFixture("/broken.xml", "application/rss+xml", "feed-malformed.xml");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Source source = source("/broken.xml");
        IngesterMetrics metrics = new IngesterMetrics(registry, List.of(source));
        // The publisher is never reached when the feed itself fails, so none is needed here.
        SourcePoller sourcePoller = new SourcePoller(poller, fetcher, new BodyDecoder(), new ArticleExtractor(),
                new PublishedArticles(), null, metrics, java.time.Clock.systemUTC());

        sourcePoller.poll(source);
        sourcePoller.poll(source);

        assertThat(registry.get(IngesterMetrics.ERRORS).tag("source", "test-feed").tag("kind", "feed-parse")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(IngesterMetrics.FEED_POLLS).tag("source", "test-feed").tag("outcome", "failure")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(IngesterMetrics.LAST_SUCCESSFUL_POLL).tag("source", "test-feed").gauge().value())
                .isZero();
    }
}
