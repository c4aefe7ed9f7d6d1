package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.TopicTag;

/**
 * Holds the shipped dictionary and topic rules to the demo site's table of expected tags
 * ({@code standalone/src/main/resources/demo-site/EXPECTED.md}), so tuning the configuration cannot silently
 * break the demo.
 */
class DemoArticlesTest {

    private static final Path DEMO_SITE = Path.of("..", "standalone", "src", "main", "resources", "demo-site");
    private static final ArticleEnricher ENRICHER = ArticleEnricher.of(ShippedConfig.entities(),
            ShippedConfig.topics(), Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC));

    record Expectation(String file, Set<String> entities, Set<String> topics) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Expectation> expectations() throws IOException {
        List<Expectation> rows = Files.readAllLines(DEMO_SITE.resolve("EXPECTED.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("|") && line.contains(".html"))
                .map(line -> line.split("\\|"))
                .map(cells -> new Expectation(cells[1].strip(), ids(cells[2]), ids(cells[3])))
                .toList();
        assertThat(rows).as("rows of EXPECTED.md").isNotEmpty();
        return rows;
    }

    private static Set<String> ids(String cell) {
        return Arrays.stream(cell.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty() && !id.equals("(none)"))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void tagsEachDemoArticleAsTheTableSays(Expectation expected) throws IOException {
        EnrichedArticle enriched = ENRICHER.enrich(article(expected.file()));

        assertThat(enriched.entities()).extracting(EntityTag::id).as("entities of " + expected.file())
                .containsExactlyInAnyOrderElementsOf(expected.entities());
        assertThat(enriched.topics()).extracting(TopicTag::id).as("topics of " + expected.file())
                .containsExactlyInAnyOrderElementsOf(expected.topics());
    }

    /** Title from og:title, text from the paragraphs, as the ingester's extraction would give them. */
    private static RawArticle article(String file) throws IOException {
        Document page = Jsoup.parse(read(DEMO_SITE.resolve(file)));
        String title = page.selectFirst("meta[property=og:title]").attr("content");
        String text = page.select("p").stream().map(Element::text).collect(Collectors.joining("\n\n"));
        return new RawArticle(RawArticle.SCHEMA_VERSION, file, "demo", "demo", "http://127.0.0.1/" + file, title,
                null, null, Instant.EPOCH, "ko", null, null, text, file);
    }

    /** UTF-8, or CP949 for a page stored in its served encoding. */
    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("x-windows-949"));
        }
    }
}
