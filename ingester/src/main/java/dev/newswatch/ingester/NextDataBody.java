package dev.newswatch.ingester;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The article text of a Next.js page that renders its body in the browser: the page data in
 * {@code script#__NEXT_DATA__} holds it, either as text blocks ({@code {"type": "text", "content": "..."}}, as
 * News1 does) or as one HTML string under a body-like key.
 */
final class NextDataBody {

    private static final Set<String> BODY_KEYS = Set.of("articlebody", "body", "content", "contenthtml", "html",
            "bodyhtml", "articlecontent", "text");
    private static final int MIN_BODY_STRING = 200;
    /** Page data can be big; the walk is bounded so a hostile page cannot keep it busy. */
    private static final int MAX_NODES = 200_000;

    private NextDataBody() {
    }

    static List<String> lines(Document page) {
        Element script = page.selectFirst("script#__NEXT_DATA__");
        if (script == null) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JsonLdArticle.LENIENT.readTree(script.data());
        } catch (JacksonException malformed) {
            return List.of();
        }
        List<String> textBlocks = new ArrayList<>();
        String longestHtml = "";
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root == null ? JsonLdArticle.LENIENT.nullNode() : root);
        for (int visited = 0; !pending.isEmpty() && visited < MAX_NODES; visited++) {
            JsonNode node = pending.pop();
            if (node.isObject() && "text".equals(node.path("type").asText()) && node.path("content").isTextual()) {
                textBlocks.add(node.get("content").asText());
                continue;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    JsonNode value = field.getValue();
                    if (value.isTextual() && BODY_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT))
                            && value.asText().length() > Math.max(MIN_BODY_STRING, longestHtml.length())) {
                        longestHtml = value.asText();
                    }
                }
            }
            // Children are pushed in reverse so the walk meets text blocks in document order.
            List<JsonNode> children = new ArrayList<>();
            node.forEach(children::add);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        String html = textBlocks.isEmpty() ? longestHtml : String.join("", textBlocks.stream()
                .map(block -> "<p>" + block + "</p>").toList());
        List<String> lines = new ArrayList<>();
        for (TextBlocks.Block block : TextBlocks.of(Jsoup.parseBodyFragment(html).body())) {
            lines.add(block.text());
        }
        return lines;
    }
}
