package dev.newswatch.ingester.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * Finds the elements that hold the article on a page with no known body container, by the page's own evidence:
 * every paragraph is weighed by its length and prose shape (commas, sentence ends), less its link text, less
 * again when it sits in parts named like chrome, more when the page's structured data ({@code articleBody})
 * repeats it; the weight flows to the paragraph's container and, fading, to a few ancestors. The best container
 * net of its link density wins; where several strong candidates share an ancestor the body is split across
 * them and the ancestor wins; then the winner's siblings that read like more of the same text are merged.
 */
final class BodyLocator {

    /** Shorter runs (bylines, labels, buttons) say nothing about where the article is. */
    private static final double MIN_SCORED_LENGTH = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final int ALTERNATIVES = 5;
    private static final double ALTERNATIVE_SHARE = 0.75;
    private static final int ALTERNATIVES_TO_SHARE_AN_ANCESTOR = 3;
    private static final double SIBLING_MIN_SCORE = 10;
    private static final double SIBLING_SHARE = 0.2;
    private static final double SIBLING_MAX_LINK_DENSITY = 0.33;
    /** A paragraph beside the winner counts when it is this long and nearly link-free, or short and a sentence. */
    private static final int SIBLING_PARAGRAPH = 80;
    private static final double IN_STRUCTURED_BODY = 3;
    private static final double NOT_IN_STRUCTURED_BODY = 0.6;
    private static final int MIN_STRUCTURED_MATCH = 30;
    /** An ancestor is taken when it adds at least this share of the prose already held... */
    private static final double WIDEN_MIN_GAIN = 0.25;
    /** ...and this many times more prose than boilerplate. */
    private static final double WIDEN_GOOD_OVER_BAD = 2;
    /** An ancestor that adds too little to take is looked past while it adds no more boilerplate than this share. */
    private static final double WIDEN_PASS_THROUGH = 0.1;
    /** ...or when it adds this many short plain lines and nothing else that is boilerplate (a list of ingredients). */
    private static final double WIDEN_PLAIN_LINES = 3;
    private static final double ANOTHER_STORY = 0.3;
    /**
     * Text that follows the page's headline close by (under the same few ancestors) weighs this much more: a short
     * post under its headline outweighs a sidebar's longer boxes.
     */
    private static final double UNDER_HEADLINE = 1.5;
    private static final int HEADLINE_AREA_LEVELS = 3;
    private static final int MIN_HEADLINE_MATCH = 10;
    private static final double MOST_OF_THE_TITLE = 0.6;
    /** A line with no comma and no sentence end is a label, a name or a date line more often than prose. */
    private static final double UNSHAPED = 0.5;
    private static final double SHORT_LINE = 0.1;
    /** Elements whose text lines are parts of a paragraph container rather than containers themselves. */
    static final Set<String> PARAGRAPH_TAGS = Set.of("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "dd",
            "dt", "pre", "td", "th", "span", "font", "b", "strong", "em", "i");
    private static final String TEASER_HEADING = "h2 a, h3 a, h4 a, a h2, a h3, a h4";
    private static final Set<String> SIBLING_PROSE_TAGS = Set.of("p", "blockquote", "pre", "ul", "ol");

    /**
     * @param body           the page body, already stripped of scripts and other non-text
     * @param structuredBody  the page's JSON-LD articleBody, collapsed and lower-cased, or "" when it has none
     * @param shortLinesCount whether lines too short to tell prose from labels are weighed too (for a short
     *                        article, whose lines are all short)
     */
    Located containers(Element body, List<TextBlocks.Block> blocks, String structuredBody, String title,
            boolean shortLinesCount, ChromeNames names) {
        LinkStats links = LinkStats.of(body);
        Element headline = headlineOf(body, title);
        Tally tally = new Tally(body, structuredBody, headline, shortLinesCount ? 1 : MIN_SCORED_LENGTH, names);
        blocks.forEach(tally::add);
        Map<Element, Double> scores = tally.scores;
        if (scores.isEmpty()) {
            return Located.NOTHING;
        }
        scores.replaceAll((element, score) -> score * (1 - links.linkDensity(element)));
        List<Map.Entry<Element, Double>> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(ALTERNATIVES + 1)
                .toList();
        Element top = sharedAncestor(ranked, body);
        top = climbed(top, scores, body);
        Element core = top;
        while (top != body && top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        top = widened(top, tally, body, headline);
        return new Located(withSiblings(top, scores, links, body, names, headline), core);
    }

    /**
     * The containers that hold the article, in page order, and the element under them that the page's evidence
     * chose before widening: the part whose class names must not drop it, whatever they are.
     */
    record Located(List<Element> containers, Element core) {

        static final Located NOTHING = new Located(List.of(), null);
    }

    /**
     * Climbs from the best container while an ancestor adds a good share of prose for little boilerplate: a body
     * split into sections, cards or an intro box and a text box is held by the ancestor that holds them all.
     * Wrappers that add nothing either way are looked past.
     */
    private static Element widened(Element top, Tally tally, Element body, Element headline) {
        Element current = top;
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent();
                ancestor = ancestor.parent()) {
            double goodHere = tally.good.getOrDefault(current, 0.0);
            double addedGood = tally.good.getOrDefault(ancestor, 0.0) - goodHere;
            double addedBad = tally.bad.getOrDefault(ancestor, 0.0) - tally.bad.getOrDefault(current, 0.0);
            if (anotherStoryInside(ancestor, current, headline)) {
                break;
            }
            double addedPlain = tally.plain.getOrDefault(ancestor, 0.0) - tally.plain.getOrDefault(current, 0.0);
            if (addedGood >= goodHere * WIDEN_MIN_GAIN && addedGood >= addedBad * WIDEN_GOOD_OVER_BAD
                    || addedPlain >= WIDEN_PLAIN_LINES && addedBad <= addedPlain * SHORT_LINE) {
                current = ancestor;
            } else if (addedBad > goodHere * WIDEN_PASS_THROUGH) {
                break;
            }
        }
        return current;
    }

    /** Whether an ancestor holds, beside the current container, an article element or a headline of its own. */
    private static boolean anotherStoryInside(Element ancestor, Element current, Element headline) {
        for (Element child : ancestor.children()) {
            if (child != current && !isAncestor(child, current) && anotherStory(child, headline)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page's headline element: an h1 whose text is the title, else an h2 or h3 that says most of the title (a
     * layout that keeps its h1 for the logo, or has none), else the page's only h1, or null.
     */
    static Element headlineOf(Element body, String title) {
        List<Element> headlines = body.select("h1");
        for (Element h1 : headlines) {
            if (title != null && sameHeadline(h1.text(), title)) {
                return h1;
            }
        }
        if (title != null) {
            int titleLength = TextBlocks.collapse(title).length();
            for (Element heading : body.select("h2, h3")) {
                String text = heading.text();
                if (sameHeadline(text, title) && text.length() >= titleLength * MOST_OF_THE_TITLE) {
                    return heading;
                }
            }
        }
        return headlines.size() == 1 && h1HasText(headlines.get(0)) ? headlines.get(0) : null;
    }

    private static boolean h1HasText(Element h1) {
        return !TextBlocks.collapse(h1.text()).isEmpty();
    }

    static boolean sameHeadline(String a, String b) {
        String x = TextBlocks.collapse(a).toLowerCase(Locale.ROOT);
        String y = TextBlocks.collapse(b).toLowerCase(Locale.ROOT);
        return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || Math.min(x.length(), y.length()) >= MIN_HEADLINE_MATCH
                && (x.contains(y) || y.contains(x)));
    }

    /** The weights of a page's paragraphs, gathered per element. */
    private static final class Tally {
        /** Decayed from each paragraph's container up: what ranks containers. */
        final Map<Element, Double> scores = new IdentityHashMap<>();
        /** Undecayed prose and boilerplate weight under each element: what decides how far to widen. */
        final Map<Element, Double> good = new IdentityHashMap<>();
        final Map<Element, Double> bad = new IdentityHashMap<>();
        /** Short lines with no links under plain names: list items, table cells, labels. */
        final Map<Element, Double> plain = new IdentityHashMap<>();
        private final Element body;
        private final String structuredBody;
        private final Element headline;
        private final double minLength;
        private final ChromeNames names;
        /** Past a headline that is not the page's own, paragraphs belong to another story. */
        private boolean inAnotherStory;
        /** The part of the page around the headline, where its text follows it; null when that is the whole page. */
        private final Element headlineArea;
        private boolean afterHeadline;

        Tally(Element body, String structuredBody, Element headline, double minLength, ChromeNames names) {
            this.body = body;
            this.structuredBody = structuredBody;
            this.headline = headline;
            Element area = headline;
            for (int level = 0; area != null && area != body && level < HEADLINE_AREA_LEVELS; level++) {
                area = area.parent();
            }
            this.headlineArea = area == body ? null : area;
            this.minLength = minLength;
            this.names = names;
        }

        void add(TextBlocks.Block block) {
            Element owner = block.owner();
            if (headline != null && owner.nameIs("h1")) {
                inAnotherStory = owner != headline && !sameHeadline(owner.text(), headline.text());
            }
            if (owner == headline) {
                afterHeadline = true;
            }
            double weight = weight(block, structuredBody, minLength, names) * (inAnotherStory ? ANOTHER_STORY : 1)
                    * (afterHeadline && headlineArea != null && isAncestor(headlineArea, owner) ? UNDER_HEADLINE : 1);
            if (weight <= 0) {
                if (block.linkDense()) {
                    addUp(bad, owner, 1 + Math.min(TextEvidence.weightedLength(block.text()) / 100, 3));
                } else {
                    addUp(bad, owner, SHORT_LINE);
                    if (names.factor(owner) >= 1) {
                        addUp(plain, owner, 1);
                    }
                }
                return;
            }
            Element container = PARAGRAPH_TAGS.contains(owner.normalName()) && owner.parent() != null
                    ? owner.parent() : owner;
            Element ancestor = container;
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++) {
                scores.merge(ancestor, weight / (level == 0 ? 1 : level == 1 ? 2 : level * 3), Double::sum);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
            addUp(good, owner, weight);
        }

        private void addUp(Map<Element, Double> totals, Element from, double weight) {
            for (Element ancestor = from; ancestor != null && ancestor != body.parent(); ancestor = ancestor.parent()) {
                totals.merge(ancestor, weight, Double::sum);
            }
        }
    }

    private static double weight(TextBlocks.Block block, String structuredBody, double minLength,
            ChromeNames names) {
        if (block.linkDense()) {
            return 0;
        }
        String text = block.text();
        double length = TextEvidence.weightedLength(text);
        if (length < minLength) {
            return 0;
        }
        double weight = (1 + TextEvidence.punctuation(text) + Math.min(length / 100, 3))
                * (1 - (double) block.linkChars() / text.length())
                * (TextEvidence.punctuation(text) > 0 || TextEvidence.endsLikeSentence(text) ? 1 : UNSHAPED)
                * names.factor(block.owner());
        if (!structuredBody.isEmpty() && text.length() >= MIN_STRUCTURED_MATCH) {
            weight *= structuredBody.contains(TextBlocks.collapse(text).toLowerCase(Locale.ROOT))
                    ? IN_STRUCTURED_BODY : NOT_IN_STRUCTURED_BODY;
        }
        return weight;
    }

    /** When several of the strongest candidates sit under one ancestor, the body is split and that ancestor holds it. */
    private static Element sharedAncestor(List<Map.Entry<Element, Double>> ranked, Element body) {
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();
        List<Element> alternatives = ranked.stream().skip(1)
                .filter(entry -> entry.getValue() >= topScore * ALTERNATIVE_SHARE)
                .map(Map.Entry::getKey)
                .toList();
        if (alternatives.size() < ALTERNATIVES_TO_SHARE_AN_ANCESTOR) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent(); ancestor = ancestor.parent()) {
            Element candidate = ancestor;
            long inside = alternatives.stream().filter(alternative -> isAncestor(candidate, alternative)).count();
            if (inside >= ALTERNATIVES_TO_SHARE_AN_ANCESTOR) {
                return ancestor;
            }
        }
        return top;
    }

    /** A parent that scores higher than its best child holds more of the article than that child. */
    private static Element climbed(Element top, Map<Element, Double> scores, Element body) {
        double lastScore = scores.getOrDefault(top, 0.0);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && top != body && parent != body.parent();
                parent = parent.parent()) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                return parent;
            }
            lastScore = parentScore;
        }
        return top;
    }

    private static List<Element> withSiblings(Element top, Map<Element, Double> scores, LinkStats links, Element body,
            ChromeNames names, Element headline) {
        if (top == body || top.parent() == null) {
            return List.of(top);
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
        List<Element> siblings = top.parent().children();
        boolean[] chosen = new boolean[siblings.size()];
        for (int i = 0; i < siblings.size(); i++) {
            Element sibling = siblings.get(i);
            if (sibling == top) {
                chosen[i] = true;
            } else if (!anotherStory(sibling, headline) && links.linkDensity(sibling) <= SIBLING_MAX_LINK_DENSITY) {
                double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
                        ? topScore * SIBLING_SHARE : 0;
                chosen[i] = scores.getOrDefault(sibling, 0.0) + bonus >= threshold || proseParagraph(sibling, links);
            }
        }
        // A sub-heading or short line between two merged parts belongs to the body they share.
        for (int i = 1; i < siblings.size() - 1; i++) {
            if (!chosen[i] && chosen[i - 1] && nextChosen(chosen, i) && !anotherStory(siblings.get(i), headline)
                    && links.linkDensity(siblings.get(i)) <= SIBLING_MAX_LINK_DENSITY
                    && names.factor(siblings.get(i)) >= 1) {
                chosen[i] = true;
            }
        }
        List<Element> containers = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            if (chosen[i]) {
                containers.add(siblings.get(i));
            }
        }
        return containers;
    }

    private static boolean nextChosen(boolean[] chosen, int from) {
        for (int i = from + 1; i < chosen.length; i++) {
            if (chosen[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean proseParagraph(Element sibling, LinkStats links) {
        if (!SIBLING_PROSE_TAGS.contains(sibling.normalName())) {
            return false;
        }
        String text = TextBlocks.collapse(sibling.text());
        double density = links.linkDensity(sibling);
        return text.length() > SIBLING_PARAGRAPH ? density < 0.25
                : !text.isEmpty() && density == 0 && TextEvidence.endsLikeSentence(text);
    }

    /**
     * Another article beside this one (a teaser, the next story of an endless page) is not more of it: a part with
     * a headline other than the page's, or an article element whose heading links elsewhere. An article element
     * with no heading of its own, or the one holding the page's headline, is a part of this one (a recipe's header,
     * ingredients and steps, each marked up as an article).
     */
    private static boolean anotherStory(Element sibling, Element headline) {
        for (Element part : sibling.select("h1, article")) {
            if (part.nameIs("h1") ? part != headline : part.selectFirst(TEASER_HEADING) != null) {
                return true;
            }
        }
        return false;
    }

    static boolean isAncestor(Element ancestor, Element element) {
        for (Element up = element.parent(); up != null; up = up.parent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }
}
