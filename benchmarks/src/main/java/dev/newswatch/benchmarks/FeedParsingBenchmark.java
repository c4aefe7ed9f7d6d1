package dev.newswatch.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.newswatch.ingester.discovery.FeedDiscovery;
import dev.newswatch.ingester.discovery.SitemapDiscovery;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchedBody;

/**
 * Time to read one feed or sitemap body as the ingester does (decoding, DOCTYPE and entity clean-up, ROME or
 * crawler-commons with the nesting and size limits), for hostile shapes under the body size limit and for large
 * ordinary documents. A refused document counts as read: the time is what the refusal costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeedParsingBenchmark {

    private static final URI FEED_URL = URI.create("https://news.example.kr/rss.xml");
    private static final String ITEM = "<item><title>반도체 수출 %1$d개월 연속 증가, HBM 공급 확대</title>"
            + "<link>https://news.example.kr/news/articleView.html?idxno=%1$d</link>"
            + "<description>산업통상자원부는 반도체 수출이 전년 같은 달보다 늘었다고 밝혔다. 고대역폭 메모리 수요가 "
            + "데이터센터 투자와 함께 커지고 있다.</description>"
            + "<pubDate>Fri, 20 Nov 2026 09:30:00 +0900</pubDate><guid>https://news.example.kr/%1$d</guid></item>";
    private static final String URL = "<url><loc>https://news.example.kr/news/view/%1$d</loc>"
            + "<lastmod>2026-11-20T09:30:00+09:00</lastmod></url>";
    private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";

    /**
     * feed-nested-100000: the 700 KB feed of 100,000 nested elements; feed-rss-10000-items: an ordinary
     * RSS feed just under the 5 MB body limit; feed-at-limits: the costliest feed still read, nearly 200,000
     * elements in chains 100 deep; sitemap-nested-100000 and sitemap-50000-urls: the same for sitemaps, the
     * latter with as many URLs as the protocol allows.
     */
    @Param({"feed-nested-100000", "feed-rss-10000-items", "feed-at-limits", "sitemap-nested-100000",
            "sitemap-50000-urls"})
    public String document;

    private final FeedDiscovery feeds = new FeedDiscovery(null, new BodyDecoder());
    private final SitemapDiscovery sitemaps = new SitemapDiscovery(null);
    private byte[] body;

    @Setup
    public void setUp() {
        body = body(document);
        System.out.printf("%n%s: %,d bytes, %s%n", document, body.length, outcome());
    }

    @Benchmark
    public Object read() {
        return read(document, body);
    }

    /** The body of one of the {@link #document} choices. */
    static byte[] body(String document) {
        String text = switch (document) {
            case "feed-nested-100000" -> rss("<item><link>https://news.example.kr/1</link>" + "<x>".repeat(100_000)
                    + "</x>".repeat(100_000) + "</item>");
            case "feed-rss-10000-items" -> rss(repeated(ITEM, 10_000));
            // rss, channel, item and 97 levels of x make 100; 1,999 items of 99 elements, 197,906 elements in all.
            case "feed-at-limits" -> rss(repeated("<item><link>https://news.example.kr/%1$d</link>"
                    + "<x>".repeat(97) + "</x>".repeat(97) + "</item>", 1_999));
            case "sitemap-nested-100000" -> URLSET + "<url><loc>https://news.example.kr/1</loc>" + "<x>".repeat(100_000)
                    + "</x>".repeat(100_000) + "</url></urlset>";
            case "sitemap-50000-urls" -> URLSET + repeated(URL, 50_000) + "</urlset>";
            default -> throw new IllegalArgumentException("no document " + document);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code body} as the ingester would; the refusal when it refuses. */
    Object read(String document, byte[] body) {
        try {
            return document.startsWith("feed") ? feeds.read(FEED_URL, body, "application/rss+xml; charset=utf-8")
                    : sitemaps.parse(new FetchedBody(FEED_URL, "application/xml", body));
        } catch (IngestException refused) {
            return refused;
        }
    }

    private String outcome() {
        Object result = read();
        if (result instanceof IngestException refused) {
            return "refused: " + refused.getMessage();
        }
        return result instanceof List<?> items ? items.size() + " items read" : "read: " + result;
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>가상 뉴스</title>"
                + "<link>https://news.example.kr/</link><description>벤치마크</description>" + items + "</channel></rss>";
    }

    private static String repeated(String template, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(template.formatted(i));
        }
        return text.toString();
    }
}
