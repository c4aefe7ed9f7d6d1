package dev.newswatch.ingester;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds the article text on a page and returns it as lines, one per paragraph, before line-level filtering.
 * With a source's body selector it reads what the selector picks; else a known article-body container of the
 * common Korean CMSs; else the element whose paragraphs hold the most text that is neither link lists nor blocks
 * named like chrome (related articles, comments, sharing, ads), in the manner of Readability.
 */
final class MainContentExtractor {

    /** Never article text, wherever they are. */
    private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "video, audio, input, select, button, textarea, nav, aside, header, footer, figure, figcaption, "
            + "[role=navigation], [role=complementary], [role=banner], [role=contentinfo], [hidden], "
            + "[style~=display\\s*:\\s*none], [style~=visibility\\s*:\\s*hidden]";
    /** Where Korean news CMSs put the article body (from the outlet notes). */
    static final String KNOWN_BODY = "[itemprop=articleBody], #articleBody, #article-view-content-div, #articletxt, "
            + "#article_body, #textBody, #articeBody, #newsct_article, #dic_area, #txt_area, #articleText, "
            + ".article_body, .article-body, .article_txt, .news_cnt_detail_wrap, .article_view, .view_cont";
    private static final Evaluator KNOWN_BODY_EVALUATOR = Selector.evaluatorOf(KNOWN_BODY);
    /** Words that name chrome in class or id attributes, matched anywhere (camelCase names included). */
    private static final Pattern CHROME_WORD = Pattern.compile("(?i)relat(?:ed|ion)|recommend|popular|comment"
            + "|copyright|banner|advert|breadcrumb|subscri|newsletter|social|reporter|journalist|byline|sidebar"
            + "|caption|sponsor|most-?read|most-?view|trending");
    /** Short words that name chrome only as a whole part of a class or id ({@code ad_box}, not {@code head}). */
    private static final Pattern CHROME_PART = Pattern.compile("(?i)(?:^|[\\s_\\-])(?:ad|ads|adv|adsense|sns|share"
            + "|rank|ranking|tag|tags|keyword|reply|cmt|menu|gnb|lnb|snb|util|side|more|widget|promo"
            + "|weather|login|cap|copy|btn|toolbar|tool|tools|hot|best|links|photo|img|image|gallery|vod|video"
            + "|modal|popup|layer|footer|header|nav|info|profile|email|mail|top|bottom)(?:$|[\\s_\\-\\d])");
    /** Elements whose text lines are parts of a paragraph container rather than containers themselves. */
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "li", "blockquote", "h2", "h3", "h4", "h5",
            "h6", "dd", "pre");
    private static final Pattern POSITIVE_NAME = Pattern.compile("(?i)article|body|content|story|text|view|entry|cnt|txt");
    /** Ancestors within this distance of a text line decide whether it sits in chrome. */
    private static final int CHROME_REACH = 4;
    private static final int MIN_SCORED_LINE = 25;
    private static final int SHORTLIST = 10;
    private static final double MIN_SIBLING_SCORE = 40;
    private static final double SIBLING_SHARE = 0.2;
    private static final double SIBLING_MIN_TEXT_SHARE = 0.7;
    /** A line this short right under a picture is its caption, marked or not. */
    private static final int CAPTION_UNDER_PICTURE = 80;
    private static final int KNOWN_BODY_CANDIDATES = 8;
    /** Class and id values beyond this length are junk; reading them in full would let a page stall the regexes. */
    private static final int NAME_MAX = 200;
    private static final int MIN_KNOWN_BODY_TEXT = 80;

    List<String> lines(Document page, String bodySelector) {
        Document work = page.clone();
        work.select(DROPPED).forEach(MainContentExtractor::drop);
        if (bodySelector != null) {
            List<String> lines = new ArrayList<>();
            for (Element selected : work.select(bodySelector)) {
                lines.addAll(cleanLines(selected));
            }
            return lines;
        }
        // Nested matches are common (an articleBody inside an #articleBody); the first few are enough to weigh.
        List<String> known = work.select(KNOWN_BODY).stream()
                .limit(KNOWN_BODY_CANDIDATES)
                .max(Comparator.comparingInt(element -> element.text().length()))
                .map(MainContentExtractor::cleanLines)
                .orElse(List.of());
        if (length(known) >= MIN_KNOWN_BODY_TEXT) {
            return known;
        }
        // A short article has only short lines; they count when nothing longer does.
        List<Element> best = bestContainers(work, MIN_SCORED_LINE);
        if (best.isEmpty()) {
            best = bestContainers(work, 1);
        }
        List<String> scored = new ArrayList<>();
        best.forEach(container -> scored.addAll(cleanLines(container)));
        // A known container that holds at least half as much as the best guess is still the better bet.
        return !known.isEmpty() && length(known) * 2 >= length(scored) ? known : scored;
    }

    private static int length(List<String> lines) {
        return lines.stream().mapToInt(String::length).sum();
    }

    /**
     * The best-scoring container, with those of its siblings that score well too (a lead paragraph in a box of
     * its own before the body, as Readability merges them), in page order.
     */
    private static List<Element> bestContainers(Document work, int minLine) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (TextBlocks.Block block : TextBlocks.of(work.body())) {
            if (block.text().length() < minLine || block.linkDense() || inChrome(block.owner())) {
                continue;
            }
            Element container = PARAGRAPH_TAGS.contains(block.owner().normalName()) && block.owner().parent() != null
                    ? block.owner().parent() : block.owner();
            double score = block.text().length();
            scores.merge(container, score, Double::sum);
            if (container.parent() != null) {
                scores.merge(container.parent(), score / 2, Double::sum);
            }
        }
        // Link shares cost a walk of each container, so only the leading candidates are weighed.
        Element top = scores.entrySet().stream()
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(SHORTLIST)
                .max(Comparator.comparingDouble(entry -> adjusted(entry.getKey(), entry.getValue())))
                .map(Map.Entry::getKey)
                .orElse(null);
        if (top == null || top.parent() == null) {
            return top == null ? List.of() : List.of(top);
        }
        double threshold = Math.max(MIN_SIBLING_SCORE, scores.get(top) * SIBLING_SHARE);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top || scores.getOrDefault(sibling, 0.0) >= threshold
                    && adjusted(sibling, 1.0) >= SIBLING_MIN_TEXT_SHARE) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    /** A container full of links is a list, whatever its text; one named like an article body gets a nudge. */
    private static double adjusted(Element container, double score) {
        int textLength = Math.max(1, container.text().length());
        int linkLength = container.select("a").text().length();
        double linkShare = Math.min(1.0, (double) linkLength / textLength);
        double named = POSITIVE_NAME.matcher(nameOf(container)).find() ? 1.25 : 1.0;
        return score * (1 - linkShare) * named;
    }

    private static boolean inChrome(Element owner) {
        Element element = owner;
        for (int distance = 0; element != null && distance <= CHROME_REACH; distance++) {
            if (chromeNamed(element)) {
                return true;
            }
            element = element.parent();
        }
        return false;
    }

    /** Named like chrome, and not a wrapper around a known article body ({@code <div class="wrap has-comments">}). */
    private static boolean chromeNamed(Element element) {
        String name = nameOf(element);
        // Evaluator.matches, unlike Element.is, does not walk up to the root: deep pages stay linear.
        if (name.isBlank() || KNOWN_BODY_EVALUATOR.matches(element, element)) {
            return false;
        }
        return (CHROME_WORD.matcher(name).find() || CHROME_PART.matcher(name).find())
                && element.selectFirst(KNOWN_BODY) == null;
    }

    /** The lines of a container without its chrome-named parts, link lists and link-only lines. */
    private static List<String> cleanLines(Element container) {
        Element copy = container.clone();
        LinkStats links = LinkStats.of(copy);
        List<Element> doomed = new ArrayList<>();
        for (Element descendant : copy.select("*")) {
            if (descendant != copy
                    && (chromeNamed(descendant) || links.isLinkList(descendant) || captionUnderPicture(descendant))) {
                doomed.add(descendant);
            }
        }
        doomed.forEach(MainContentExtractor::drop);
        List<String> lines = new ArrayList<>();
        for (TextBlocks.Block block : TextBlocks.of(copy)) {
            if (!block.linkDense()) {
                lines.add(block.text());
            }
        }
        return lines;
    }

    private static boolean captionUnderPicture(Element element) {
        if (!element.nameIs("p") && !element.nameIs("div") || element.childrenSize() > 0) {
            return false;
        }
        Element previous = element.previousElementSibling();
        return previous != null && element.text().length() < CAPTION_UNDER_PICTURE && !previous.hasText()
                && (previous.nameIs("img") || previous.nameIs("picture") || previous.selectFirst("img") != null);
    }

    private static String nameOf(Element element) {
        String name = element.className() + " " + element.id();
        return name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name;
    }

    /** Removes an element; a block leaves a line break, so the text around it does not run together. */
    private static void drop(Element element) {
        if (element.parent() != null && TextBlocks.breaksLine(element)) {
            element.before(new Element("br"));
        }
        element.remove();
    }
}
