package dev.newswatch.ingester.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as it reads on screen: one block per paragraph-level element or {@code <br>}-separated
 * run, each with the element that holds it and how much of it is link text.
 */
final class TextBlocks {

    /** One run of text. {@code owner} is the innermost paragraph-level element around it. */
    record Block(Element owner, String text, int linkChars) {

        boolean linkDense() {
            return linkChars * 2 > text.length();
        }
    }

    /** Elements that start a new line on screen; everything else (a, span, b, font...) flows inside a line. */
    private static final Set<String> BREAKING = Set.of("p", "div", "section", "article", "main", "td", "th", "li",
            "ul", "ol", "dl", "dt", "dd", "table", "tr", "tbody", "thead", "tfoot", "caption", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "pre", "br", "hr", "header", "footer", "aside", "nav", "figure", "figcaption",
            "form", "fieldset", "address", "center", "body", "html", "dialog", "details", "summary", "hgroup");
    private static final String SOFT_HYPHEN = "\u00ad";
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u3000\\ufeff]+");

    private TextBlocks() {
    }

    static boolean breaksLine(Element element) {
        return BREAKING.contains(element.normalName());
    }

    /** Whitespace runs as one space; soft hyphens, which only mark where a line may break, are not text. */
    static String collapse(String text) {
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return collapsed.indexOf(SOFT_HYPHEN) < 0 ? collapsed : collapsed.replace(SOFT_HYPHEN, "");
    }

    static List<Block> of(Element root) {
        Collector collector = new Collector(root);
        NodeTraversor.traverse(collector, root);
        collector.flush();
        return collector.blocks;
    }

    private static final class Collector implements NodeVisitor {
        private final List<Block> blocks = new ArrayList<>();
        private final Deque<Element> owners = new ArrayDeque<>();
        private final StringBuilder line = new StringBuilder();
        private int linkChars;
        private int linkDepth;

        Collector(Element root) {
            owners.push(root);
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = text.getWholeText();
                line.append(value);
                if (linkDepth > 0) {
                    linkChars += collapse(value).length();
                }
            } else if (node instanceof Element element) {
                if (element.nameIs("a")) {
                    linkDepth++;
                }
                if (breaksLine(element)) {
                    flush();
                    if (!element.nameIs("br") && !element.nameIs("hr") && depth > 0) {
                        owners.push(element);
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (element.nameIs("a")) {
                    linkDepth--;
                }
                if (breaksLine(element) && !element.nameIs("br") && !element.nameIs("hr") && depth > 0) {
                    flush();
                    owners.pop();
                }
            }
        }

        void flush() {
            String text = collapse(line.toString());
            if (!text.isEmpty()) {
                blocks.add(new Block(owners.peek(), text, Math.min(linkChars, text.length())));
            }
            line.setLength(0);
            linkChars = 0;
        }
    }
}
