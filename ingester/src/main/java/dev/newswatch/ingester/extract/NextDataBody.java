package dev.newswatch.ingester.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The article text of a Next.js page that renders its body in the browser. The Pages Router puts the page data in
 * {@code script#__NEXT_DATA__}, holding the text either as text blocks ({@code {"type": "text", "content": "..."}},
 * as News1 does) or as one HTML string under a body-like key. The App Router streams the page as React Server
 * Component rows in {@code self.__next_f.push([1, "..."])} scripts: element rows ({@code ["$", "p", key,
 * {"children": ...}]}) and text rows ({@code id:T<hex length>,<text>}); these are rebuilt into HTML for the
 * general extractor to read like any page.
 */
final class NextDataBody {

    private static final Set<String> BODY_KEYS = Set.of("articlebody", "body", "content", "contenthtml", "html",
            "bodyhtml", "articlecontent", "text");
    private static final int MIN_BODY_STRING = 200;
    /** Page data can be big; the walk is bounded so a hostile page cannot keep it busy. */
    private static final int MAX_NODES = 200_000;

    private NextDataBody() {
    }

    private static final String FLIGHT_PUSH = "self.__next_f.push(";
    private static final Pattern TAG_NAME = Pattern.compile("[a-z][a-z0-9]*");
    /** Element rows of these kinds hold no text a reader sees. */
    private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "link", "meta", "title", "head",
            "noscript", "template", "svg", "iframe");
    private static final int MAX_FLIGHT_CHARS = 20_000_000;

    /**
     * The page a Next.js App Router page streams in its server-component rows, as an HTML document, or empty when
     * the page has none.
     */
    static Optional<Document> appRouterPage(Document page) {
        StringBuilder flight = new StringBuilder();
        for (Element script : page.select("script")) {
            String data = script.data().strip();
            if (!data.startsWith(FLIGHT_PUSH) || flight.length() > MAX_FLIGHT_CHARS) {
                continue;
            }
            int end = data.lastIndexOf(')');
            try {
                JsonNode pushed = JsonLdArticle.LENIENT.readTree(data.substring(FLIGHT_PUSH.length(),
                        end > FLIGHT_PUSH.length() ? end : data.length()));
                if (pushed != null && pushed.path(0).asInt() == 1 && pushed.path(1).isTextual()) {
                    flight.append(pushed.get(1).asText());
                }
            } catch (JacksonException malformed) {
                // One unreadable chunk loses its rows; the rest of the page still reads.
            }
        }
        if (flight.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder html = new StringBuilder();
        int[] budget = {MAX_NODES};
        int position = 0;
        while (position < flight.length()) {
            int colon = flight.indexOf(":", position);
            if (colon < 0) {
                break;
            }
            if (colon + 1 < flight.length() && flight.charAt(colon + 1) == 'T') {
                int comma = flight.indexOf(",", colon);
                int bytes = comma < 0 ? -1 : hex(flight.substring(colon + 2, comma));
                if (bytes < 0) {
                    break;
                }
                int textEnd = afterUtf8Bytes(flight, comma + 1, bytes);
                String text = flight.substring(comma + 1, textEnd);
                html.append(text.indexOf('<') >= 0 ? text : "<p>" + Entities.escape(text) + "</p>");
                position = textEnd;
            } else {
                int lineEnd = flight.indexOf("\n", colon);
                String row = flight.substring(colon + 1, lineEnd < 0 ? flight.length() : lineEnd);
                position = lineEnd < 0 ? flight.length() : lineEnd + 1;
                if (row.startsWith("[") || row.startsWith("{")) {
                    try {
                        render(JsonLdArticle.LENIENT.readTree(row), html, budget);
                    } catch (JacksonException malformed) {
                        // Rows that are not JSON (module references, hints) hold no text.
                    }
                }
            }
        }
        return html.isEmpty() ? Optional.empty() : Optional.of(Jsoup.parse(html.toString(), page.location()));
    }

    private static void render(JsonNode node, StringBuilder html, int[] budget) {
        if (node == null || budget[0]-- <= 0) {
            return;
        }
        if (node.isTextual()) {
            // "$L1a", "$undefined" and the like are references between rows, not text.
            if (!node.asText().startsWith("$")) {
                html.append(Entities.escape(node.asText()));
            }
            return;
        }
        if (!node.isArray()) {
            return;
        }
        if (node.size() >= 4 && "$".equals(node.get(0).asText()) && node.get(1).isTextual()) {
            String type = node.get(1).asText();
            JsonNode props = node.get(3);
            if (SKIPPED_TAGS.contains(type)) {
                return;
            }
            String tag = TAG_NAME.matcher(type).matches() ? type : "div";
            html.append('<').append(tag);
            if (props.path("className").isTextual()) {
                html.append(" class=\"").append(Entities.escape(props.get("className").asText())).append('"');
            }
            html.append('>');
            JsonNode inner = props.path("dangerouslySetInnerHTML").path("__html");
            if (inner.isTextual()) {
                html.append(inner.asText());
            } else {
                render(props.get("children"), html, budget);
            }
            html.append("</").append(tag).append('>');
            return;
        }
        for (JsonNode child : node) {
            render(child, html, budget);
        }
    }

    private static int hex(String digits) {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException notHex) {
            return -1;
        }
    }

    /** The index after {@code bytes} bytes of UTF-8 from {@code start}: text rows state their length in bytes. */
    private static int afterUtf8Bytes(CharSequence text, int start, int bytes) {
        int index = start;
        int counted = 0;
        while (index < text.length() && counted < bytes) {
            char c = text.charAt(index);
            if (Character.isHighSurrogate(c) && index + 1 < text.length()) {
                counted += 4;
                index += 2;
                continue;
            }
            counted += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            index++;
        }
        return index;
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
