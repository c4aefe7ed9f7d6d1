package dev.newswatch.ingester.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchedBody;

/**
 * Thousands of mutated feeds and sitemaps: the parsers may refuse one with an IngestException, but nothing else
 * escapes and nothing hangs.
 */
class DiscoveryFuzzTest {

    private static final int MUTANTS = 2000;
    private static final URI BASE = URI.create("https://news.example.kr/rss.xml");
    private static final String[] INSERTS = {"<", ">", "&", "&nbsp;", "&#0;", "&#xFFFF;", "<![CDATA[", "]]>", "\u0000",
            "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "<item>", "</item>", "<entry>", "<url>", "<loc>", "</loc>",
            "<pubDate>", "2026-13-45 99:99", "\uFEFF", "똠", "<?xml version='1.0' encoding='euc-kr'?>", "\"", "'"};

    private final FeedDiscovery feeds = new FeedDiscovery(null, new BodyDecoder());
    private final SitemapDiscovery sitemaps = new SitemapDiscovery(null);

    @Test
    void mutatedFeedsAndSitemapsEitherParseOrFailCleanly() {
        String rss = FixtureSite.fixture("feed-rss.xml").replace("{base}", "https://news.example.kr");
        String atom = FixtureSite.fixture("feed-atom.xml");
        String sitemap = SitemapDiscoveryTest.googleNewsSitemap("https://news.example.kr");
        Random random = new Random(20261120L);
        int[] refused = new int[1];
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                String seed = i % 3 == 0 ? rss : i % 3 == 1 ? atom : sitemap;
                byte[] mutant = mutate(seed, random);
                try {
                    if (seed == sitemap) {
                        sitemaps.parse(new FetchedBody(BASE, "application/xml", mutant));
                    } else {
                        feeds.read(BASE, mutant, i % 2 == 0 ? "text/xml" : "application/rss+xml; charset=euc-kr");
                    }
                } catch (IngestException expected) {
                    refused[0]++;
                }
            }
        });
        assertThat(refused[0]).as("mutations break some documents, and are refused cleanly").isPositive()
                .isLessThan(MUTANTS);
    }

    /**
     * Shapes that once cost the square of their length: a DOCTYPE never closed, followed by blanks or by more DOCTYPE
     * openings (each tried to the end of the body), and deep nesting. Each is 700 KB, under the body size limit;
     * each is refused, and the preemptive timeout only keeps a regression from hanging the build.
     */
    @Test
    void hostileShapesUnderTheBodyLimitAreRefusedWithoutHanging() {
        String feed = FeedDiscoveryTest.nestedFeed(1);
        List<String> hostile = List.of(feed + "<!DOCTYPE rss" + " ".repeat(700_000), feed + "<!DOCTYPE x".repeat(64_000),
                FeedDiscoveryTest.nestedFeed(100_000));
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            for (String body : hostile) {
                assertThatThrownBy(() -> feeds.read(BASE, body.getBytes(StandardCharsets.UTF_8), "text/xml"))
                        .isInstanceOfSatisfying(IngestException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.FEED_PARSE));
            }
        });
    }

    private static byte[] mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(40)));
                case 2 -> text.setLength(at);
                default -> text.replace(at, Math.min(text.length(), at + 1), String.valueOf((char) random.nextInt(0x3000)));
            }
        }
        return text.toString().getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }
}
