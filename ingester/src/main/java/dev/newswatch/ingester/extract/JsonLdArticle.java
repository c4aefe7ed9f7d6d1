package dev.newswatch.ingester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The article node of a page's JSON-LD ({@code NewsArticle} and its kin), wherever it sits: top level, in an
 * array or in an {@code @graph}. Korean CMSs often write raw line breaks and trailing commas into it, so it is
 * read leniently; a script that still fails to parse is skipped.
 */
final class JsonLdArticle {

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "blogposting", "techarticle", "liveblogposting");
    /** Deep enough for real markup, shallow enough that hostile nesting cannot exhaust the stack. */
    private static final int MAX_DEPTH = 16;
    static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private final JsonNode node;

    private JsonLdArticle(JsonNode node) {
        this.node = node;
    }

    static Optional<JsonLdArticle> of(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                Optional<JsonNode> article = findArticle(LENIENT.readTree(script.data()), 0);
                if (article.isPresent()) {
                    return Optional.of(new JsonLdArticle(article.get()));
                }
            } catch (JacksonException malformed) {
                // Broken JSON-LD is common; the meta tags and the page itself are still there to read.
            }
        }
        return Optional.empty();
    }

    Optional<String> headline() {
        return text(node.get("headline")).or(() -> text(node.get("name")));
    }

    /** The article text the page states in its structured data, as written (plain text or HTML), or empty. */
    Optional<String> articleBody() {
        JsonNode body = node.get("articleBody");
        return body != null && body.isTextual() && !body.asText().isBlank() ? Optional.of(body.asText())
                : Optional.empty();
    }

    Optional<String> datePublished() {
        return text(node.get("datePublished"));
    }

    Optional<String> dateModified() {
        return text(node.get("dateModified"));
    }

    Optional<String> author() {
        List<String> names = new ArrayList<>();
        JsonNode author = node.get("author");
        if (author != null && author.isArray()) {
            author.forEach(each -> name(each).ifPresent(names::add));
        } else {
            name(author).ifPresent(names::add);
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }

    Optional<String> section() {
        JsonNode section = node.get("articleSection");
        return section != null && section.isArray() && !section.isEmpty() ? text(section.get(0)) : text(section);
    }

    Optional<String> language() {
        return text(node.get("inLanguage"));
    }

    private static Optional<JsonNode> findArticle(JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<JsonNode> found = findArticle(item, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (isArticle(node.get("@type"))) {
            return Optional.of(node);
        }
        return findArticle(node.get("@graph"), depth + 1);
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (isArticle(each)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> name(JsonNode person) {
        if (person == null) {
            return Optional.empty();
        }
        return person.isObject() ? text(person.get("name")) : text(person);
    }

    private static Optional<String> text(JsonNode value) {
        if (value == null || !value.isValueNode()) {
            return Optional.empty();
        }
        String text = TextBlocks.collapse(value.asText());
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
