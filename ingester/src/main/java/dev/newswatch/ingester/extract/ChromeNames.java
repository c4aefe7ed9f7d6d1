package dev.newswatch.ingester.extract;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * What class and id names say about a part of a page. A name can only lower the weight of the text under it, never
 * veto it: a page's own wrapper may be called {@code tag-politics has-comments}, and its text still wins when the
 * rest of the page has less to say. One instance reads one page: each element's names are read once.
 */
final class ChromeNames {

    /** Names of parts that are almost never the article: comments, related and recommended links, sharing, ads. */
    private static final Pattern STRONG = Pattern.compile("comment|relat(?:ed|ion)|recommend|share|sharing|social"
            + "|newsletter|subscri|advert|sponsor|promo|cookie|gdpr|consent|popup|modal|paywall|most-?read"
            + "|most-?view|trending|popular|breadcrumb|outbrain|taboola|disqus|signup|sign-up|read-?next|teaser");
    /** Short words that name page furniture only as a whole part of a name ({@code ad_box}, not {@code head}). */
    private static final Pattern WEAK = Pattern.compile("(?:^|[\\s_\\-])(?:ad|ads|adv|adsense|sns|rank|ranking"
            + "|tag|tags|keyword|keywords|reply|cmt|menu|gnb|lnb|snb|util|side|sidebar|widget|banner|more|caption"
            + "|byline|reporter|journalist|author|toolbar|tools|nav|navigation|footer|header|login|weather|btn"
            + "|button|gallery|vod|hot|best|links|copyright|credit|meta|date|profile|bio)(?:$|[\\s_\\-\\d])");
    /** Utility classes that hide an element from readers (a paywall's offer, a screen-reader label). */
    private static final Pattern HIDDEN = Pattern.compile("(?:^|\\s)(?:hidden|is-hidden|visually-hidden|sr-only"
            + "|screen-reader-text|screenreader|d-none|hide|invisible|offscreen)(?:$|\\s)");
    private static final double STRONG_FACTOR = 0.3;
    private static final double WEAK_FACTOR = 0.7;
    private static final double MIN_FACTOR = 0.05;
    /** Ancestors within this distance of a text run lend it their names. */
    private static final int REACH = 4;
    /** Class and id values beyond this length are junk; reading them in full would let a page stall the regexes. */
    private static final int NAME_MAX = 200;
    private static final Evaluator KNOWN_BODY = Selector.evaluatorOf(MainContentExtractor.KNOWN_BODY);

    /** Per element: its own factor, and whether it is strongly or weakly chrome-named. */
    private final Map<Element, Double> own = new IdentityHashMap<>();

    /** 1 for text under plain or article-like names, less for each chrome-named element within reach above it. */
    double factor(Element element) {
        double factor = 1;
        Element current = element;
        for (int distance = 0; current != null && distance <= REACH; distance++) {
            factor *= own(current);
            current = current.parent();
        }
        return Math.max(MIN_FACTOR, factor);
    }

    /** Named like comments, related links, sharing or ads: a part that rarely holds article text. */
    boolean strong(Element element) {
        return own(element) == STRONG_FACTOR;
    }

    /** Named like page furniture (a tag list, a caption, a byline box), or more strongly like chrome. */
    boolean weak(Element element) {
        return own(element) < 1;
    }

    private double own(Element element) {
        return own.computeIfAbsent(element, ChromeNames::named);
    }

    private static double named(Element element) {
        String name = nameOf(element);
        if (name.isBlank() || known(element)) {
            return 1;
        }
        if (STRONG.matcher(name).find() || HIDDEN.matcher(name).find()) {
            return STRONG_FACTOR;
        }
        return WEAK.matcher(name).find() ? WEAK_FACTOR : 1;
    }

    // Evaluator.matches, unlike Element.is, does not walk up to the root: deep pages stay linear.
    private static boolean known(Element element) {
        return KNOWN_BODY.matches(element, element);
    }

    private static String nameOf(Element element) {
        String name = element.className() + " " + element.id();
        return (name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name).toLowerCase(Locale.ROOT);
    }
}
