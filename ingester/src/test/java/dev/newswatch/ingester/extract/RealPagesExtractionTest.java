package dev.newswatch.ingester.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;

/**
 * The general extractor's quality gates on real pages nobody here wrote ({@code ../shared/data}, beside the
 * repository; skipped with a message when absent): the same measures as the data sets' own scorers in
 * {@code ../shared/tools}, computed here on what the extractor reads from each page, printed, and held to a floor
 * so that a regression fails the build.
 * <ul>
 * <li>{@code news-extraction} (score-news-extraction.py): per page, precision and recall of the extracted text's
 * overlapping 4-word shingles (words are Unicode {@code \w+} runs) against the outlet's own text; precision
 * averaged over pages with output, recall over all pages, F1 of the two averages.</li>
 * <li>{@code extraction-eval} (score-extraction.py): each annotated snippet that must be in the body and is
 * (whitespace-normalised substring) is a true positive, each missing one a false negative, each snippet that must
 * not be there and is a false positive; F1 over the whole corpus.</li>
 * </ul>
 */
class RealPagesExtractionTest {

    /**
     * Floors just under the figures reached: news-extraction F1 0.957 with no empty page (the issue asks 0.94);
     * extraction-eval F1 0.933 with no empty page (the issue asks 0.92 and at most 10 empty).
     */
    private static final double NEWS_EXTRACTION_MIN_F1 = 0.95;
    private static final int NEWS_EXTRACTION_MAX_EMPTY = 0;
    private static final double EXTRACTION_EVAL_MIN_F1 = 0.93;
    private static final int EXTRACTION_EVAL_MAX_EMPTY = 0;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final int SHINGLE = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BodyDecoder decoder = new BodyDecoder();
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void newsArticlesOfTwoHundredOutletsScoreShingleF1AboveTheFloor() throws IOException {
        Extracted run = extracted("news-extraction");
        ShingleScore score = ShingleScore.of(run.cases(), run.bodies());
        System.out.printf("news-extraction: pages=%d empty=%d precision=%.4f recall=%.4f F1=%.4f (%.1f s)%n",
                run.cases().size(), score.empty(), score.precision(), score.recall(), score.f1(), run.seconds());

        assertThat(score.f1()).as("news-extraction shingle F1").isGreaterThanOrEqualTo(NEWS_EXTRACTION_MIN_F1);
        assertThat(score.empty()).as("news-extraction pages with no text").isLessThanOrEqualTo(NEWS_EXTRACTION_MAX_EMPTY);
    }

    @Test
    void annotatedWebPagesScoreSnippetF1AboveTheFloor() throws IOException {
        Extracted run = extracted("extraction-eval");
        SnippetScore score = SnippetScore.of(run.cases(), run.bodies());
        System.out.printf("extraction-eval: pages=%d empty=%d precision=%.4f recall=%.4f F1=%.4f "
                        + "(tp=%d fp=%d fn=%d) (%.1f s)%n", run.cases().size(), score.empty(), score.precision(),
                score.recall(), score.f1(), score.truePositives(), score.falsePositives(), score.falseNegatives(),
                run.seconds());

        assertThat(score.f1()).as("extraction-eval snippet F1").isGreaterThanOrEqualTo(EXTRACTION_EVAL_MIN_F1);
        assertThat(score.empty()).as("extraction-eval pages with no text").isLessThanOrEqualTo(EXTRACTION_EVAL_MAX_EMPTY);
    }

    @Test
    void shinglesAndSnippetsAreCountedAsTheScorersCountThem() {
        assertThat(shingles("one two three")).containsExactly(Map.entry(List.of("one", "two", "three"), 1));
        assertThat(shingles("a b c d a b c d")).hasSize(4).containsEntry(List.of("a", "b", "c", "d"), 2);
        assertThat(normalized(" a\u00a0 b\n\tc ")).isEqualTo("a b c");
    }

    /** A data set's cases and what the extractor read from each of its pages, with the time that took. */
    record Extracted(List<JsonNode> cases, Map<String, String> bodies, double seconds) {
    }

    private Extracted extracted(String name) throws IOException {
        Path set = dataSet(name);
        List<JsonNode> cases = cases(set);
        long started = System.nanoTime();
        Map<String, String> bodies = extractAll(set, cases);
        return new Extracted(cases, bodies, (System.nanoTime() - started) / 1e9);
    }

    /** ../shared/data/NAME beside the repository's root (the directory holding mvnw), or a visible skip. */
    private static Path dataSet(String name) {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        Path set = directory == null ? null : directory.resolveSibling("shared").resolve("data").resolve(name);
        Assumptions.assumeTrue(set != null && Files.isDirectory(set.resolve("pages")),
                "skipped: no ../shared/data/" + name + " beside the repository");
        return set;
    }

    private static List<JsonNode> cases(Path set) throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (String line : Files.readAllLines(set.resolve("cases.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                cases.add(JSON.readTree(line));
            }
        }
        return cases;
    }

    /** What the extractor reads from each page, as `newswatch extract` does; a page it refuses reads as "". */
    private Map<String, String> extractAll(Path set, List<JsonNode> cases) {
        Map<String, String> bodies = new ConcurrentHashMap<>();
        cases.parallelStream().map(c -> c.get("file").asText()).forEach(file -> {
            Path page = set.resolve("pages").resolve(file);
            try {
                String html = decoder.decode(gunzipped(page), null);
                bodies.put(file, extractor.extract(html, page.toUri(), null).text());
            } catch (IngestException refused) {
                bodies.put(file, "");
            }
        });
        return bodies;
    }

    private static byte[] gunzipped(Path page) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(page.toString(), e);
        }
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        Map<List<String>, Integer> shingles = new HashMap<>();
        if (words.size() < SHINGLE) {
            if (!words.isEmpty()) {
                shingles.put(List.copyOf(words), 1);
            }
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.merge(List.copyOf(words.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return shingles;
    }

    static String normalized(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    record ShingleScore(double precision, double recall, int empty) {

        static ShingleScore of(List<JsonNode> cases, Map<String, String> bodies) {
            double precisions = 0;
            double recalls = 0;
            int withOutput = 0;
            int empty = 0;
            for (JsonNode c : cases) {
                Map<List<String>, Integer> truth = shingles(c.get("body").asText());
                Map<List<String>, Integer> got = shingles(bodies.getOrDefault(c.get("file").asText(), ""));
                int common = 0;
                for (Map.Entry<List<String>, Integer> shingle : got.entrySet()) {
                    common += Math.min(shingle.getValue(), truth.getOrDefault(shingle.getKey(), 0));
                }
                int truthCount = truth.values().stream().mapToInt(Integer::intValue).sum();
                recalls += truthCount == 0 ? 1.0 : (double) common / truthCount;
                if (got.isEmpty()) {
                    empty++;
                } else {
                    precisions += (double) common / got.values().stream().mapToInt(Integer::intValue).sum();
                    withOutput++;
                }
            }
            return new ShingleScore(withOutput == 0 ? 0 : precisions / withOutput, recalls / cases.size(), empty);
        }

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    record SnippetScore(int truePositives, int falsePositives, int falseNegatives, int empty) {

        static SnippetScore of(List<JsonNode> cases, Map<String, String> bodies) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int empty = 0;
            for (JsonNode c : cases) {
                String body = normalized(bodies.getOrDefault(c.get("file").asText(), ""));
                if (body.isEmpty()) {
                    empty++;
                }
                for (JsonNode with : c.get("with")) {
                    if (body.contains(normalized(with.asText()))) {
                        tp++;
                    } else {
                        fn++;
                    }
                }
                for (JsonNode without : c.get("without")) {
                    if (body.contains(normalized(without.asText()))) {
                        fp++;
                    }
                }
            }
            return new SnippetScore(tp, fp, fn, empty);
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double sum = precision() + recall();
            return sum == 0 ? 0 : 2 * precision() * recall() / sum;
        }
    }
}
