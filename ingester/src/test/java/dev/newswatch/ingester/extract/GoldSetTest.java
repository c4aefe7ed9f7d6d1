package dev.newswatch.ingester.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;

/**
 * Body-text quality of the general extractor on the gold set: pages written for the project in the layouts of
 * real Korean and international news sites, each beside the body text a reader would call the article. Scores
 * token-level F1 (whitespace tokens, precision and recall over multisets) per page, prints the table, and holds
 * the mean to the level of the best open extractors.
 */
class GoldSetTest {

    private static final double REQUIRED_MEAN_F1 = 0.95;

    private final BodyDecoder decoder = new BodyDecoder();
    private final ArticleExtractor extractor = new ArticleExtractor();

    record Score(String page, int extracted, int expected, int overlap) {

        double precision() {
            return extracted == 0 ? 0 : (double) overlap / extracted;
        }

        double recall() {
            return expected == 0 ? 0 : (double) overlap / expected;
        }

        double f1() {
            double sum = precision() + recall();
            return sum == 0 ? 0 : 2 * precision() * recall() / sum;
        }
    }

    @Test
    void generalExtractorScoresBodyF1OfAtLeastNinetyFivePercent() throws Exception {
        List<Score> scores = new ArrayList<>();
        for (Path page : pages()) {
            String name = page.getFileName().toString();
            String html = decoder.decode(Files.readAllBytes(page), null);
            String expected = Files.readString(page.resolveSibling(name.replace(".html", ".txt")),
                    StandardCharsets.UTF_8);
            String extracted;
            try {
                extracted = extractor.extract(html, URI.create("https://goldset.example/" + name), null).text();
            } catch (IngestException e) {
                extracted = "";
            }
            scores.add(score(name, extracted, expected));
        }
        double meanF1 = scores.stream().mapToDouble(Score::f1).average().orElse(0);
        System.out.println(table(scores, meanF1));

        assertThat(scores).hasSizeGreaterThanOrEqualTo(30);
        assertThat(meanF1).as("mean body-text F1 over %d gold pages", scores.size())
                .isGreaterThanOrEqualTo(REQUIRED_MEAN_F1);
    }

    @Test
    void scoreCountsTokensAsMultisets() {
        Score score = score("t", "a a b c", "a b b");
        assertThat(score.overlap()).isEqualTo(2);
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isEqualTo(2.0 / 3);
        assertThat(score("t", "", "a").f1()).isZero();
    }

    static Score score(String page, String extracted, String expected) {
        Map<String, Integer> remaining = counts(expected);
        int overlap = 0;
        List<String> extractedTokens = tokens(extracted);
        for (String token : extractedTokens) {
            Integer left = remaining.get(token);
            if (left != null && left > 0) {
                remaining.put(token, left - 1);
                overlap++;
            }
        }
        return new Score(page, extractedTokens.size(), tokens(expected).size(), overlap);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        tokens(text).forEach(token -> counts.merge(token, 1, Integer::sum));
        return counts;
    }

    private static List<String> tokens(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static String table(List<Score> scores, double meanF1) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-36s %9s %9s %9s %7s %7s%n",
                "gold page", "precision", "recall", "F1", "tokens", "expect"));
        int overlap = 0;
        int extracted = 0;
        int expected = 0;
        for (Score score : scores) {
            out.append(String.format(Locale.ROOT, "%-36s %9.3f %9.3f %9.3f %7d %7d%n", score.page(),
                    score.precision(), score.recall(), score.f1(), score.extracted(), score.expected()));
            overlap += score.overlap();
            extracted += score.extracted();
            expected += score.expected();
        }
        Score pooled = new Score("pooled", extracted, expected, overlap);
        out.append(String.format(Locale.ROOT, "%-36s %9.3f %9.3f %9.3f%n", "all tokens pooled", pooled.precision(),
                pooled.recall(), pooled.f1()));
        out.append(String.format(Locale.ROOT, "Gold set body F1 (mean over %d pages): %.3f%n", scores.size(), meanF1));
        return out.toString();
    }

    private static List<Path> pages() throws IOException, URISyntaxException {
        Path directory = Path.of(GoldSetTest.class.getResource("/goldset").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".html")).sorted().toList();
        }
    }
}
