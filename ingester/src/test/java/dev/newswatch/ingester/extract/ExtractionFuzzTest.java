package dev.newswatch.ingester.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.url.CanonicalUrls;

/**
 * Thousands of mutated pages through the decoder and the extractor, and mutated text and addresses through the
 * time parser and the URL canonicalizer: byte flips, truncations, splices, tag soup, deep nesting, huge
 * attributes, binary junk, wrong charset labels, broken JSON-LD and page data. Nothing but the declared
 * {@link IngestException} (and {@link IllegalArgumentException} for a string that is not a URL) may escape, and
 * every batch finishes in bounded time. The seed is fixed, so a failure replays.
 */
class ExtractionFuzzTest {

    private static final long SEED = 20261122L;
    private static final int BATCHES = 16;
    private static final int CASES_PER_BATCH = 125;
    // Limits that catch a hang or a runaway (quadratic) case, not a slow shared machine: a case takes ~2 s at worst.
    private static final Duration BATCH_LIMIT = Duration.ofMinutes(5);
    private static final Duration CASE_LIMIT = Duration.ofSeconds(30);
    private static final String[] CONTENT_TYPES = {null, "text/html", "text/html; charset=utf-8",
            "text/html; charset=euc-kr", "text/html; charset=ks_c_5601-1987", "text/html; charset=iso-8859-1",
            "text/html; charset=utf-16", "text/html; charset=no-such-charset", "text/html; charset=",
            "application/octet-stream", "text/xml; charset=\"x-windows-949\""};
    private static final String[] LABELS = {"utf-8", "euc-kr", "cp949", "utf-16le", "shift_jis", "x-unknown", "",
            "iso-2022-kr", "utf-32", "windows-1252", "\"><script>"};

    private static final List<byte[]> SEEDS = new ArrayList<>();

    private final BodyDecoder decoder = new BodyDecoder();
    private final ArticleExtractor extractor = new ArticleExtractor();

    @BeforeAll
    static void loadSeeds() throws IOException, URISyntaxException {
        for (String directory : List.of("/goldset", "/fixtures")) {
            try (Stream<Path> files = Files.list(Path.of(ExtractionFuzzTest.class.getResource(directory).toURI()))) {
                for (Path file : files.filter(f -> !f.toString().endsWith(".txt")).sorted().toList()) {
                    SEEDS.add(Files.readAllBytes(file));
                }
            }
        }
        assertThat(SEEDS).hasSizeGreaterThan(30);
    }

    @Test
    void mutatedPagesNeverThrowAnythingUndeclaredNorHang() {
        Random random = new Random(SEED);
        long[] slowest = {0};
        for (int batch = 0; batch < BATCHES; batch++) {
            long batchSeed = random.nextLong();
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                Random cases = new Random(batchSeed);
                for (int i = 0; i < CASES_PER_BATCH; i++) {
                    byte[] page = mutate(cases);
                    long started = System.nanoTime();
                    runPage(page, cases, batchSeed, i);
                    slowest[0] = Math.max(slowest[0], System.nanoTime() - started);
                }
            }, "batch " + batch + " (seed " + batchSeed + ") did not finish in " + BATCH_LIMIT);
        }
        System.out.printf("Fuzzed %d pages; slowest took %d ms%n", BATCHES * CASES_PER_BATCH, slowest[0] / 1_000_000);
        assertThat(Duration.ofNanos(slowest[0])).isLessThan(CASE_LIMIT);
    }

    @Test
    void mutatedDatesAndAddressesNeverThrowAnythingUndeclared() {
        Random random = new Random(SEED + 1);
        List<String> dates = List.of("입력 2025.04.16 09:25", "입력 : 2025-04-16 오전 9:25", "등록 2025.12.23 14:26:40",
                "2025년 04월 16일 09시 25분", "입력 2026.06.22. 09:31", "수정 2015/01/20 09:05",
                "2026-08-09T21:00:28+09:00", "Tue, 11 08 2026 07:00:00 +0900");
        List<String> urls = List.of("https://m.news1.kr/amp/world/5846640?amp=1#x",
                "https://zdnet.co.kr/view/?no=20250822174235&re=R", "HTTP://WWW.Example.KR:80/a?utm_source=x&id=7",
                "https://[::1]:8080/a", "http://user@host.example/p?q");
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            for (int i = 0; i < 4000; i++) {
                String date = mutateText(dates.get(random.nextInt(dates.size())), random);
                PublishedTimeParser.published(date);
                PublishedTimeParser.updated(date);
                PublishedTimeParser.anyTime(date);
                PublishedTimeParser.iso(date);
                String url = mutateText(urls.get(random.nextInt(urls.size())), random);
                try {
                    CanonicalUrls.articleId(CanonicalUrls.canonicalize(url));
                } catch (IllegalArgumentException notAUrl) {
                    // Declared: the caller logs the link as unusable.
                }
                CanonicalUrls.fingerprint(date, url);
            }
        });
    }

    private void runPage(byte[] page, Random random, long batchSeed, int index) {
        String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        try {
            String html = decoder.decode(page, contentType);
            ExtractionRules rules = random.nextInt(8) == 0
                    ? new ExtractionRules("h1", "#articleBody > p, div.article p", ".date") : ExtractionRules.NONE;
            ExtractedArticle article = extractor.extract(html, URI.create("https://fuzz.example.kr/a/" + index),
                    null, rules, random.nextBoolean() ? "ko" : null);
            assertThat(article.title()).isNotBlank();
            assertThat(article.text()).isNotBlank();
        } catch (IngestException declared) {
            assertThat(declared.kind()).isEqualTo(ErrorKind.EXTRACT);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError escaped) {
            fail("case " + index + " of batch seed " + batchSeed + " threw " + escaped, escaped);
        }
    }

    private static byte[] mutate(Random random) {
        byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
        return switch (random.nextInt(10)) {
            case 0 -> flipBytes(seed, random);
            case 1 -> Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            case 2 -> splice(seed, SEEDS.get(random.nextInt(SEEDS.size())), random);
            case 3 -> tagSoup(random).getBytes(StandardCharsets.UTF_8);
            case 4 -> deepNesting(random).getBytes(StandardCharsets.UTF_8);
            case 5 -> hugeAttribute(random).getBytes(StandardCharsets.UTF_8);
            case 6 -> junk(random);
            case 7 -> wrongLabel(seed, random);
            case 8 -> brokenStructuredData(random).getBytes(StandardCharsets.UTF_8);
            default -> regexStress(random).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] flipBytes(byte[] seed, Random random) {
        byte[] copy = seed.clone();
        int flips = 1 + random.nextInt(Math.max(1, copy.length / 50));
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] splice(byte[] a, byte[] b, Random random) {
        int cutA = random.nextInt(a.length + 1);
        int cutB = random.nextInt(b.length + 1);
        byte[] joined = Arrays.copyOf(a, cutA + (b.length - cutB));
        System.arraycopy(b, cutB, joined, cutA, b.length - cutB);
        return joined;
    }

    private static String tagSoup(Random random) {
        String[] pieces = {"<div", "<p>", "</p>", "<br>", "</div>", "<a href='", "'>", "</a>", "<table><tr><td>",
                "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#xD55C;", "&#99999999;", "<h1>",
                "입력 2025.04.16 09:25", "김서연 기자", "ⓒ", "(끝)", "반도체 수출이 늘었다.", "<meta charset=euc-kr>",
                "<article id=articleBody>", "<p class=caption>", "<nav>", "<", ">", "\"", "\u0000", "\uFFFD", "\r\n"};
        StringBuilder soup = new StringBuilder();
        int length = random.nextInt(3000);
        for (int i = 0; i < length; i++) {
            soup.append(pieces[random.nextInt(pieces.length)]);
        }
        return soup.toString();
    }

    private static String deepNesting(Random random) {
        int depth = 500 + random.nextInt(4_000);
        String open = random.nextBoolean() ? "<div class=\"article-body\">" : "<span><p><b>";
        return "<html><head><title>깊은 중첩</title></head><body>" + open.repeat(depth) + "본문 문단이다."
                + (random.nextBoolean() ? "</div>".repeat(depth) : "");
    }

    private static String hugeAttribute(Random random) {
        String value = "x".repeat(200_000 + random.nextInt(800_000));
        String[] shapes = {"<meta content=\"" + value + "\">", "<div class=\"" + value + "\"><p>본문이다.</p></div>",
                "<meta charset=\"" + value + "\">", "<a href=\"" + value, "<meta" + " <meta".repeat(20_000)};
        return "<html><head><title>큰 속성</title>" + shapes[random.nextInt(shapes.length)] + "</head><body><p>문단</p>";
    }

    private static byte[] junk(Random random) {
        byte[] bytes = new byte[random.nextInt(200_000)];
        random.nextBytes(bytes);
        if (bytes.length > 4 && random.nextBoolean()) {
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
        }
        return bytes;
    }

    private static byte[] wrongLabel(byte[] seed, Random random) {
        String page = new String(seed, StandardCharsets.ISO_8859_1)
                .replaceAll("(?i)charset=[\"']?[\\w-]+", "charset=" + LABELS[random.nextInt(LABELS.length)]);
        return page.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String brokenStructuredData(Random random) {
        String[] scripts = {"{\"@type\":\"NewsArticle\",\"datePublished\":\"not a date\",\"author\":{\"name\":[1,2]}}",
                "{\"@graph\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"@type\":[\"NewsArticle\", 3], \"headline\": {}}",
                "[".repeat(100_000), "{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-02-30T25:61:00+09:00\"",
                "{'@type':'NewsArticle','author':'김서연 기자',}"};
        String nextData = random.nextBoolean()
                ? "{\"props\":" + "{\"a\":".repeat(3000) + "{\"type\":\"text\",\"content\":\"본문\"}" + "}".repeat(3000) + "}"
                : "{\"props\":{\"pageProps\":{\"articleView\":{\"contentArrange\":[{\"type\":\"text\",\"content\":"
                        + "\"<p>" + "<div>".repeat(2000) + "본문</p>\"}]}}}}";
        return "<html><head><title>구조화 데이터</title><script type=\"application/ld+json\">"
                + scripts[random.nextInt(scripts.length)] + "</script></head><body><div id=__next></div>"
                + "<script id=\"__NEXT_DATA__\" type=\"application/json\">" + nextData + "</script></body></html>";
    }

    private static String regexStress(Random random) {
        String[] units = {"입력 2025.", "입력 : ", "2025년 ", "수정 2025 09 ", "<meta ", "김서연 ", "기자", "(사진=",
                "ⓒ ", "ⓒ", "▲ ", "By A", " - ", "오전 ", "9:2"};
        StringBuilder text = new StringBuilder("<html><head><title>정규식</title></head><body><p>");
        int length = 5000 + random.nextInt(30_000);
        for (int i = 0; i < length; i++) {
            text.append(units[random.nextInt(units.length)]);
        }
        return text.append("</p></body></html>").toString();
    }

    private static String mutateText(String text, Random random) {
        char[] chars = text.toCharArray();
        int edits = random.nextInt(4);
        for (int i = 0; i < edits && chars.length > 0; i++) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3200);
        }
        String mutated = new String(chars);
        return random.nextInt(5) == 0 ? mutated.repeat(1 + random.nextInt(50)) : mutated;
    }

}
