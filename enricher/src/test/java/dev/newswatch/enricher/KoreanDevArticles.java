package dev.newswatch.enricher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.Json;

/**
 * The real Korean news of {@code ../shared/data/korean-dev/articles.jsonl} (beside the repository root; never
 * copied here) as the ingester would publish them, for the integration tests that need realistic sizes and copies
 * of one story. A test calling {@link #load} is skipped, with a visible message, when the file is absent.
 */
final class KoreanDevArticles {

    /** Integration tests run at the repository root, unit tests in the module. */
    private static final Path SET = (Files.isDirectory(Path.of("enricher")) ? Path.of("..") : Path.of("..", ".."))
            .resolve(Path.of("shared", "data", "korean-dev", "articles.jsonl"));

    private KoreanDevArticles() {
    }

    /** Every article of the set with a title and URL (what the ingester publishes), in file order. */
    static List<RawArticle> load(String testName, Instant fetchedAt) {
        boolean present = Files.isRegularFile(SET);
        if (!present) {
            System.out.println("SKIPPED " + testName + ": " + SET.toAbsolutePath().normalize() + " is absent");
        }
        assumeTrue(present, () -> SET.toAbsolutePath().normalize() + " is absent: " + testName + " skipped");
        try {
            return Files.readAllLines(SET, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(KoreanDevArticles::parse)
                    .filter(article -> !text(article, "title").isBlank() && !text(article, "url").isBlank())
                    .map(article -> article(article, fetchedAt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawArticle article(JsonNode article, Instant fetchedAt) {
        String id = article.get("id").asText();
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, "korean-dev", text(article, "outlet"),
                text(article, "url"), text(article, "title"), null, null, fetchedAt, "ko", null, null,
                text(article, "text"), "fp-" + id);
    }

    private static String text(JsonNode article, String field) {
        JsonNode value = article.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
