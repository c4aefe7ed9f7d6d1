package dev.newswatch.ingester.extract;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Links and text per element of a subtree, counted in one pass so that asking every element "are you a list of
 * links?" stays linear in the size of the page.
 */
final class LinkStats {

    private static final int MIN_LINKS = 3;

    /** links, link text length, text length. */
    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private LinkStats() {
    }

    static LinkStats of(Element root) {
        LinkStats stats = new LinkStats();
        NodeTraversor.traverse(new NodeVisitor() {
            private int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && element.nameIs("a")) {
                    linkDepth++;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode text && text.parent() != null) {
                    Element parent = text.parent();
                    int length = text.text().strip().length();
                    stats.add(parent, 0, linkDepth > 0 ? length : 0, length);
                } else if (node instanceof Element element) {
                    int[] own = stats.counts.computeIfAbsent(element, key -> new int[3]);
                    if (element.nameIs("a")) {
                        linkDepth--;
                        own[0]++;
                    }
                    if (element != root && element.parent() != null) {
                        stats.add(element.parent(), own[0], own[1], own[2]);
                    }
                }
            }
        }, root);
        return stats;
    }

    private void add(Element element, int links, int linkText, int text) {
        int[] counted = counts.computeIfAbsent(element, key -> new int[3]);
        counted[0] += links;
        counted[1] += linkText;
        counted[2] += text;
    }

    /** Characters of text under an element (0 for an element outside the counted subtree). */
    int textLength(Element element) {
        int[] own = counts.get(element);
        return own == null ? 0 : own[2];
    }

    /** The share of an element's text that is link text, 0 for an element without text. */
    double linkDensity(Element element) {
        int[] own = counts.get(element);
        return own == null || own[2] == 0 ? 0 : Math.min(1.0, (double) own[1] / own[2]);
    }

    /** A list or box of three or more links with little else: related articles without a telling class name. */
    boolean isLinkList(Element element) {
        int[] own = counts.get(element);
        if (own == null || !TextBlocks.breaksLine(element) || own[0] < MIN_LINKS || own[2] == 0) {
            return false;
        }
        return own[1] * 10 > own[2] * 6;
    }
}
