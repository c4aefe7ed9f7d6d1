package dev.newswatch.ingester.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article text on a page and returns it as lines, one per paragraph, before line-level filtering.
 * With a source's body selector it reads what the selector picks; else a known article-body container of the
 * common Korean CMSs; else the containers {@link BodyLocator} finds by the page's own evidence. When the page
 * holds much more prose outside them than in them, a second strategy adds that prose, as Trafilatura falls back.
 */
final class MainContentExtractor {

    /**
     * Never article text, wherever they are. React's streaming renderer parks late parts of a page in hidden
     * {@code <div id="S:n">}s and moves them into place with script; those are the page, not hidden from it.
     */
    private static final String NEVER_TEXT = "script, style, template, iframe, object, embed, svg, canvas, video, "
            + "audio, input, select, button, textarea";
    private static final String DROPPED = NEVER_TEXT + ", noscript, nav, aside, footer, figure, figcaption, dialog, "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [role=dialog], [hidden]:not([id^=S:]), "
            + "[aria-hidden=true], [style~=display\\s*:\\s*none], [style~=visibility\\s*:\\s*hidden]";
    /** Where Korean news CMSs put the article body (from the outlet notes). */
    static final String KNOWN_BODY = "[itemprop=articleBody], #articleBody, #article-view-content-div, #articletxt, "
            + "#article_body, #textBody, #articeBody, #newsct_article, #dic_area, #txt_area, #articleText, "
            + ".article_body, .article-body, .article_txt, .news_cnt_detail_wrap, .article_view, .view_cont";
    private static final int KNOWN_BODY_CANDIDATES = 8;
    /** Text read from the usual chrome is an article only when there is this much of it, not a menu's words. */
    private static final double MIN_RESCUED_TEXT = 80;
    private static final int MIN_KNOWN_BODY_TEXT = 80;
    /**
     * A known container holding less than this share of what the general search finds is a fragment of the
     * article or a teaser elsewhere on the page (a card's {@code itemprop=articleBody} excerpt).
     */
    private static final double KNOWN_BODY_FRAGMENT = 0.5;
    /**
     * Below this weighted length the located body may be one part of a page that splits its text across columns,
     * sections or cards, and the prose elsewhere on the page is weighed beside it.
     */
    private static final double LITTLE_TEXT = 5000;
    /** The page's prose beside the located body replaces it when it holds this many times its text. */
    private static final double PAGE_PROSE_GAIN = 1.5;
    /** Lines after the chosen part's last one are dropped when they are less than this share of its text. */
    private static final double TAIL_OUTSIDE_SHARE = 0.15;
    /** A line this short right under a picture is its caption, marked or not. */
    private static final int CAPTION_UNDER_PICTURE = 80;
    /** Chrome-named parts of a container are dropped unless they hold at least this share of its text. */
    private static final double STRONG_CHROME_KEEPS_FROM = 0.5;
    private static final double WEAK_CHROME_KEEPS_FROM = 0.15;
    /** A link-heavy line this long and shaped like a sentence is text that links, not a link list. */
    private static final double LINKED_PROSE = 80;
    private static final double PAGE_PROSE = 40;
    private static final int MIN_SUMMARY = 40;
    private static final double MIN_STANDFIRST = 40;
    private static final double LONG_STANDFIRST = 80;
    /** More lines than this between headline and body are a teaser column, not a standfirst. */
    private static final int MAX_LEAD_LINES = 5;
    /** A line after the article's last sentence shorter than this and not one is a label, not text. */
    private static final double TRAILING_LABEL = 50;

    private final BodyLocator locator = new BodyLocator();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();

    /**
     * What the page says about its article elsewhere, to check the text found against.
     *
     * @param title          the page's title, dropped where the body repeats it (may be null)
     * @param description    the page's summary (og:description or description meta), or ""
     * @param structuredBody the page's JSON-LD articleBody, collapsed and lower-cased, or ""
     */
    record Hints(String title, String description, String structuredBody) {
    }

    /**
     * The article's paragraphs, without boilerplate lines. A page whose text all sits in parts that are chrome on
     * other pages (a site printed inside {@code <noscript>}, a header left unclosed around the page) is read again
     * with only what is never text dropped.
     */
    List<String> paragraphs(Document page, String bodySelector, Hints hints) {
        List<String> paragraphs = paragraphs(page, bodySelector, hints, DROPPED);
        if (!paragraphs.isEmpty()) {
            return paragraphs;
        }
        List<String> rescued = paragraphs(page, bodySelector, hints, NEVER_TEXT);
        return length(rescued) >= MIN_RESCUED_TEXT ? rescued : List.of();
    }

    private List<String> paragraphs(Document page, String bodySelector, Hints hints, String dropped) {
        Document work = page.clone();
        work.select(dropped).forEach(MainContentExtractor::drop);
        Element body = work.body();
        String title = hints.title();
        ChromeNames names = new ChromeNames();
        List<TextBlocks.Block> blocks = TextBlocks.of(body);
        if (bodySelector != null) {
            List<String> lines = new ArrayList<>();
            for (Element selected : work.select(bodySelector)) {
                lines.addAll(texts(cleanLines(selected, null, names)));
            }
            return boilerplate.paragraphs(lines, title);
        }
        // Nested matches are common (an articleBody inside an #articleBody); the first few are enough to weigh.
        Element known = work.select(KNOWN_BODY).stream()
                .limit(KNOWN_BODY_CANDIDATES)
                .max(Comparator.comparingInt(element -> element.text().length()))
                .orElse(null);
        List<String> fromKnown = known == null ? List.of()
                : located(body, blocks, new BodyLocator.Located(List.of(known), null), hints, names);
        BodyLocator.Located located = locator.containers(body, blocks, hints.structuredBody(), title, false, names);
        List<String> paragraphs = located(body, blocks, located, hints, names);
        // Weighed by its own text: the standfirst read before it may be the located body itself.
        boolean knownHoldsTheBody = known != null
                && TextEvidence.weightedLength(known.text()) >= length(paragraphs) * KNOWN_BODY_FRAGMENT;
        if (length(fromKnown) >= MIN_KNOWN_BODY_TEXT && knownHoldsTheBody) {
            return fromKnown;
        }
        if (paragraphs.isEmpty()) {
            paragraphs = located(body, blocks,
                    locator.containers(body, blocks, hints.structuredBody(), title, true, names), hints, names);
        }
        if (length(paragraphs) < LITTLE_TEXT) {
            List<String> prose = boilerplate.paragraphs(withPageProse(blocks, located, names), title);
            if (length(prose) > length(paragraphs) * PAGE_PROSE_GAIN) {
                paragraphs = prose;
            }
        }
        return withoutTrailingLabels(knownHoldsTheBody && length(fromKnown) > length(paragraphs) ? fromKnown
                : paragraphs);
    }

    /**
     * An article ends on its text; short lines after the last of it that are not sentences ("More on this:",
     * "Contact", a credit) head or label what the page prints after the article.
     */
    private static List<String> withoutTrailingLabels(List<String> lines) {
        int end = lines.size();
        while (end > 1 && trailingLabel(lines.get(end - 1))) {
            end--;
        }
        return end == lines.size() ? lines : List.copyOf(lines.subList(0, end));
    }

    private static boolean trailingLabel(String line) {
        return TextEvidence.weightedLength(line) < TRAILING_LABEL
                && (line.endsWith(":") || TextEvidence.punctuation(line) == 0 && !TextEvidence.endsLikeSentence(line));
    }

    private List<String> located(Element body, List<TextBlocks.Block> blocks, BodyLocator.Located located,
            Hints hints, ChromeNames names) {
        List<String> lines = new ArrayList<>();
        if (!located.containers().isEmpty()) {
            lines.addAll(lead(body, blocks, located.containers().get(0), hints, names));
        }
        List<Line> text = new ArrayList<>();
        located.containers().forEach(container -> text.addAll(cleanLines(container, located.core(), names)));
        lines.addAll(texts(withoutTailOutside(text)));
        return boilerplate.paragraphs(lines, hints.title());
    }

    /**
     * The lines after the last one of the part the page's evidence chose, when they are a small share of it: what
     * follows an article inside its wrapper (an author's box, a disclaimer, a call to subscribe) rather than more
     * of it, which would have weighed enough to be chosen with it.
     */
    private static List<Line> withoutTailOutside(List<Line> lines) {
        int last = lines.size() - 1;
        while (last >= 0 && !lines.get(last).inCore()) {
            last--;
        }
        if (last < 0 || last == lines.size() - 1) {
            return lines;
        }
        double inCore = lines.stream().filter(Line::inCore).mapToDouble(line -> TextEvidence.weightedLength(line.text()))
                .sum();
        return length(texts(lines.subList(last + 1, lines.size()))) < inCore * TAIL_OUTSIDE_SHARE
                ? lines.subList(0, last + 1) : lines;
    }

    /**
     * The standfirst that many layouts print between the headline and the body, outside the body's container:
     * prose lines after the page's headline (or, on a page whose headline is not found, the line that repeats the
     * page's summary) and before the body.
     */
    private static List<String> lead(Element body, List<TextBlocks.Block> blocks, Element firstContainer, Hints hints,
            ChromeNames names) {
        Element headline = BodyLocator.headlineOf(body, hints.title());
        String summary = TextBlocks.collapse(hints.description()).replaceFirst("\\s*(?:…|\\.\\.\\.)$", "");
        List<String> lead = new ArrayList<>();
        boolean afterHeadline = false;
        for (TextBlocks.Block block : blocks) {
            Element owner = block.owner();
            if (owner == firstContainer || BodyLocator.isAncestor(firstContainer, owner)) {
                break;
            }
            if (headline != null && (owner == headline || BodyLocator.isAncestor(headline, owner))) {
                afterHeadline = true;
                lead.clear();
                continue;
            }
            String text = block.text();
            boolean summarizes = summary.length() >= MIN_SUMMARY && (text.startsWith(summary) || summary.startsWith(text)
                    && text.length() >= MIN_SUMMARY);
            if (summarizes || afterHeadline && standfirst(block, names)) {
                lead.add(text);
            }
        }
        return lead.size() > MAX_LEAD_LINES ? List.of() : lead;
    }

    private static boolean standfirst(TextBlocks.Block block, ChromeNames names) {
        String text = block.text();
        double length = TextEvidence.weightedLength(text);
        return !block.linkDense() && names.factor(block.owner()) >= 1
                && (length >= MIN_STANDFIRST && TextEvidence.endsLikeSentence(text)
                        || length >= LONG_STANDFIRST && TextEvidence.punctuation(text) > 0);
    }

    /** The container among these that holds the element, or null. */
    private static Element containerOf(List<Element> containers, Element element) {
        for (Element up = element; up != null; up = up.parent()) {
            for (Element container : containers) {
                if (container == up) {
                    return container;
                }
            }
        }
        return null;
    }

    private static double length(List<String> lines) {
        return lines.stream().mapToDouble(TextEvidence::weightedLength).sum();
    }

    /**
     * The second strategy: the located containers as they are, and every paragraph elsewhere on the page that
     * reads as prose, in the page's order.
     */
    private static List<String> withPageProse(List<TextBlocks.Block> blocks, BodyLocator.Located located,
            ChromeNames names) {
        List<String> lines = new ArrayList<>();
        Element current = null;
        for (TextBlocks.Block block : blocks) {
            String text = block.text();
            Element container = containerOf(located.containers(), block.owner());
            if (container != null) {
                if (container != current) {
                    lines.addAll(texts(cleanLines(container, located.core(), names)));
                    current = container;
                }
            } else if (!block.linkDense() && TextEvidence.weightedLength(text) >= PAGE_PROSE
                    && TextEvidence.punctuation(text) > 0 && names.factor(block.owner()) >= 0.5) {
                lines.add(text);
            }
        }
        return lines;
    }

    /**
     * The lines of a container without its chrome-named parts (unless they hold much of its text), link lists,
     * captions and link-only lines.
     */
    private static List<Line> cleanLines(Element container, Element core, ChromeNames names) {
        Element copy = container.clone();
        Element coreCopy = core == null ? null : sameElementIn(copy, container, core);
        Set<Element> holdingCore = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element up = coreCopy; up != null; up = up.parent()) {
            holdingCore.add(up);
        }
        LinkStats links = LinkStats.of(copy);
        int total = Math.max(1, links.textLength(copy));
        List<Element> doomed = new ArrayList<>();
        for (Element descendant : copy.select("*")) {
            if (descendant != copy && (chrome(descendant, links, total, names, holdingCore.contains(descendant))
                    || links.isLinkList(descendant) || captionUnderPicture(descendant))) {
                doomed.add(descendant);
            }
        }
        doomed.forEach(MainContentExtractor::drop);
        List<Line> lines = new ArrayList<>();
        for (TextBlocks.Block block : TextBlocks.of(copy)) {
            if (!block.linkDense() || linkedProse(block.text())) {
                lines.add(new Line(block.text(), coreCopy != null
                        && (block.owner() == coreCopy || BodyLocator.isAncestor(coreCopy, block.owner()))));
            }
        }
        return lines;
    }

    /** A line of a container, and whether it lies in the part the page's evidence chose. */
    private record Line(String text, boolean inCore) {
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    /** The element of a copy that stands where {@code element} stands under {@code original}, or null if not under it. */
    private static Element sameElementIn(Element copy, Element original, Element element) {
        List<Integer> path = new ArrayList<>();
        Element up = element;
        for (; up != null && up != original; up = up.parent()) {
            path.add(up.elementSiblingIndex());
        }
        if (up == null) {
            return null;
        }
        Element found = copy;
        for (int i = path.size() - 1; i >= 0; i--) {
            found = found.child(path.get(i));
        }
        return found;
    }

    /**
     * Whether a part of a container is dropped for its names. A weak name (a tag list's {@code tag-…}, a theme's
     * {@code …-meta}) does not drop the part that holds the text the page's evidence chose.
     */
    private static boolean chrome(Element element, LinkStats links, int total, ChromeNames names, boolean holdsCore) {
        double share = (double) links.textLength(element) / total;
        return share < STRONG_CHROME_KEEPS_FROM && names.strong(element)
                || share < WEAK_CHROME_KEEPS_FROM && !holdsCore && names.weak(element);
    }

    private static boolean linkedProse(String text) {
        return TextEvidence.weightedLength(text) >= LINKED_PROSE && TextEvidence.punctuation(text) >= 2;
    }

    private static boolean captionUnderPicture(Element element) {
        if (!element.nameIs("p") && !element.nameIs("div") || element.childrenSize() > 0) {
            return false;
        }
        Element previous = element.previousElementSibling();
        return previous != null && element.text().length() < CAPTION_UNDER_PICTURE && !previous.hasText()
                && (previous.nameIs("img") || previous.nameIs("picture") || previous.selectFirst("img") != null);
    }

    /** Removes an element; a block leaves a line break, so the text around it does not run together. */
    private static void drop(Element element) {
        if (element.parent() != null && TextBlocks.breaksLine(element)) {
            element.before(new Element("br"));
        }
        element.remove();
    }
}
