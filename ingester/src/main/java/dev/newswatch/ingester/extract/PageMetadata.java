package dev.newswatch.ingester.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.newswatch.ingester.url.CanonicalUrls;

/**
 * What a page says about its article besides the text: headline, times, author, section, language and canonical
 * address. Structured data comes first (JSON-LD, then Open Graph and article meta), then a source's selectors,
 * then what the page prints (Korean bylines such as {@code 입력 2025.04.16 09:25} and {@code 김서연 기자}).
 */
final class PageMetadata {

    /** Where pages print bylines and times. */
    private static final String BYLINE_ZONE = "[class~=(?i)(date|time|info|byline|writer|reporter|journalist|author"
            + "|registration|publish|updated)], [id~=(?i)(date|time|info|byline|writer|reporter|author)], time";
    private static final String BREADCRUMB = "[itemtype~=BreadcrumbList] [itemprop=name], "
            + "[class~=(?i)(breadcrumb|location|navi_?loc|path)] a, [class~=(?i)(breadcrumb|location)] li, "
            + "[id~=(?i)(breadcrumb|location)] a";
    private static final Pattern KOREAN_BYLINE = Pattern.compile(
            "(?<![가-힣])([가-힣]{2,4})\\s?(기자|특파원|선임기자|객원기자|인턴기자|전문기자|논설위원|통신원)(?![가-힣])");
    private static final Pattern ENGLISH_BYLINE = Pattern.compile("^By\\s+([A-Z][\\w.'\\-]*(?:\\s+(?:and\\s+)?"
            + "[A-Z][\\w.'\\-]*){0,5})");
    private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:[-|:<>–—·]|::)\\s+");
    private static final Pattern HOME = Pattern.compile("(?i)홈|home|메인|main|>|›|»");
    private static final int BYLINE_ZONE_MAX = 300;
    private static final int BYLINE_NAME_MAX = 40;
    /** Elements that hold nothing but the author's name. */
    private static final String AUTHOR_ELEMENTS = "a[rel=author], [itemprop=author] [itemprop=name], "
            + "a[href*=/author/], a[href*=/authors/], [class~=(?i)^(author-?name|reporter-?name|journalist-?name)$]";

    private final Document page;
    private final Optional<JsonLdArticle> jsonLd;
    private final ExtractionRules rules;
    private List<String> bylineZones;
    private String bodyText;

    PageMetadata(Document page, ExtractionRules rules) {
        this.page = page;
        this.jsonLd = JsonLdArticle.of(page);
        this.rules = rules;
    }

    Optional<String> title() {
        return selected(rules.titleSelector())
                .or(() -> meta("meta[property=og:title], meta[name=og:title]").map(this::withoutSiteName))
                .or(() -> jsonLd.flatMap(JsonLdArticle::headline))
                .or(() -> meta("meta[name=twitter:title]").map(this::withoutSiteName))
                .or(() -> first("h1"))
                .or(() -> nonBlank(page.title()).map(this::withoutSiteName));
    }

    /** The page's summary of its article. */
    Optional<String> description() {
        return meta("meta[property=og:description], meta[name=description], meta[name=twitter:description]");
    }

    /** The JSON-LD articleBody, as written, or empty. */
    Optional<String> structuredBody() {
        return jsonLd.flatMap(JsonLdArticle::articleBody);
    }

    Optional<Instant> published() {
        return jsonLd.flatMap(JsonLdArticle::datePublished).flatMap(PublishedTimeParser::anyTime)
                .or(() -> timeIn("meta[property=article:published_time], meta[name=article:published_time], "
                        + "meta[property=og:published_time], meta[itemprop=datePublished], meta[name=pubdate], "
                        + "meta[name=publish-date], meta[name=date]", "content"))
                .or(() -> timeIn("[itemprop=datePublished][datetime], time[pubdate][datetime]", "datetime"))
                .or(() -> selected(rules.dateSelector()).flatMap(PublishedTimeParser::anyTime))
                .or(() -> inBylineZone(PublishedTimeParser::published))
                .or(() -> PublishedTimeParser.published(bodyText()))
                .or(() -> inBylineZone(PublishedTimeParser::anyTime));
    }

    Optional<Instant> updated() {
        return jsonLd.flatMap(JsonLdArticle::dateModified).flatMap(PublishedTimeParser::anyTime)
                .or(() -> timeIn("meta[property=article:modified_time], meta[name=article:modified_time], "
                        + "meta[property=og:updated_time], meta[itemprop=dateModified]", "content"))
                .or(() -> timeIn("[itemprop=dateModified][datetime]", "datetime"))
                .or(() -> inBylineZone(PublishedTimeParser::updated))
                .or(() -> PublishedTimeParser.updated(bodyText()));
    }

    Optional<String> author() {
        return jsonLd.flatMap(JsonLdArticle::author)
                .or(() -> meta("meta[name=author], meta[property=article:author], meta[name=byline], "
                        + "meta[name=dable:author], meta[property=dable:author]")
                        .filter(author -> !author.startsWith("http") && !author.equals(siteName().orElse(""))))
                .or(() -> first(AUTHOR_ELEMENTS).filter(name -> name.length() <= BYLINE_NAME_MAX))
                .or(() -> inBylineZone(PageMetadata::byline))
                .or(() -> byline(bodyText()));
    }

    Optional<String> section() {
        return meta("meta[property=article:section], meta[name=article:section]")
                .or(() -> jsonLd.flatMap(JsonLdArticle::section))
                .or(this::breadcrumbSection);
    }

    Optional<String> language() {
        return Stream.<Supplier<Optional<String>>>of(
                        () -> nonBlank(page.select("html").attr("lang")),
                        () -> meta("meta[property=og:locale]"),
                        () -> jsonLd.flatMap(JsonLdArticle::language),
                        () -> meta("meta[http-equiv=content-language], meta[name=language]"))
                .map(Supplier::get)
                .flatMap(Optional::stream)
                .map(LANGUAGE::matcher)
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1).toLowerCase(Locale.ROOT))
                .findFirst();
    }

    /** The page's own address, when it names one on the same site as the fetched address. */
    String canonicalUrl(URI fetchedUrl) {
        for (String candidate : List.of(page.select("link[rel=canonical]").attr("abs:href"),
                page.select("meta[property=og:url]").attr("abs:content"))) {
            if (!candidate.isBlank()) {
                try {
                    String canonical = CanonicalUrls.canonicalize(candidate);
                    if (sameSite(URI.create(canonical), fetchedUrl)) {
                        return canonical;
                    }
                } catch (IllegalArgumentException notAUrl) {
                    // A broken canonical tag; the next candidate or the fetched address will do.
                }
            }
        }
        try {
            return CanonicalUrls.canonicalize(fetchedUrl.toString());
        } catch (IllegalArgumentException notHttp) {
            return fetchedUrl.toString();
        }
    }

    /** Same host once www., m. and the like are set aside; a file (no host) accepts any address. */
    private static boolean sameSite(URI canonical, URI fetched) {
        if (fetched.getHost() == null) {
            return true;
        }
        if (canonical.getHost() == null) {
            return false;
        }
        String a = CanonicalUrls.site(canonical.getHost());
        String b = CanonicalUrls.site(fetched.getHost());
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
    }

    /** "제목 - 가상신문" is "제목" when the tail is the site's name or the head is the page's headline. */
    private String withoutSiteName(String title) {
        Matcher separator = TITLE_SEPARATOR.matcher(title);
        int headEnd = -1;
        int tailStart = -1;
        while (separator.find()) {
            headEnd = separator.start();
            tailStart = separator.end();
        }
        if (headEnd <= 0) {
            return title;
        }
        String head = title.substring(0, headEnd).strip();
        String tail = title.substring(tailStart).strip();
        boolean namesSite = siteName().map(name -> name.equalsIgnoreCase(tail)).orElse(false)
                || first("h1").map(head::equals).orElse(false);
        return namesSite ? head : title;
    }

    private Optional<String> siteName() {
        return meta("meta[property=og:site_name]");
    }

    private Optional<String> breadcrumbSection() {
        String title = first("h1").orElse("");
        List<String> crumbs = page.select(BREADCRUMB).stream()
                .map(Element::text)
                .map(TextBlocks::collapse)
                .filter(crumb -> !crumb.isEmpty() && crumb.length() <= 30 && !crumb.equals(title)
                        && !HOME.matcher(crumb).matches())
                .toList();
        return crumbs.isEmpty() ? Optional.empty() : Optional.of(crumbs.get(crumbs.size() - 1));
    }

    private <T> Optional<T> inBylineZone(Function<String, Optional<T>> reader) {
        return bylineZones().stream().map(reader).flatMap(Optional::stream).findFirst();
    }

    /** The short texts of the byline and date elements, read once for the several questions asked of them. */
    private List<String> bylineZones() {
        if (bylineZones == null) {
            bylineZones = page.select(BYLINE_ZONE).stream()
                    .map(zone -> zone.nameIs("time") && zone.hasAttr("datetime") ? zone.attr("datetime") : zone.text())
                    .filter(text -> !text.isBlank() && text.length() <= BYLINE_ZONE_MAX)
                    .toList();
        }
        return bylineZones;
    }

    private static Optional<String> byline(String text) {
        Matcher english = ENGLISH_BYLINE.matcher(text.strip());
        if (english.find()) {
            return Optional.of(english.group(1));
        }
        Matcher korean = KOREAN_BYLINE.matcher(text);
        return korean.find() ? Optional.of(korean.group(1) + " " + korean.group(2)) : Optional.empty();
    }

    private String bodyText() {
        if (bodyText == null) {
            bodyText = page.body() == null ? "" : page.body().text();
        }
        return bodyText;
    }

    /** The first time that can be read in {@code attribute} of the elements {@code query} selects. */
    private Optional<Instant> timeIn(String query, String attribute) {
        return page.select(query).stream()
                .map(element -> element.attr(attribute))
                .map(PublishedTimeParser::anyTime)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<String> selected(String selector) {
        if (selector == null) {
            return Optional.empty();
        }
        return page.select(selector).stream().map(Element::text).map(TextBlocks::collapse)
                .filter(text -> !text.isEmpty()).findFirst();
    }

    private Optional<String> meta(String query) {
        return page.select(query).stream()
                .map(element -> TextBlocks.collapse(element.attr("content")))
                .filter(content -> !content.isEmpty())
                .findFirst();
    }

    private Optional<String> first(String query) {
        return page.select(query).stream().map(Element::text).map(TextBlocks::collapse)
                .filter(text -> !text.isEmpty()).findFirst();
    }

    private static Optional<String> nonBlank(String value) {
        String collapsed = value == null ? "" : TextBlocks.collapse(value);
        return collapsed.isEmpty() ? Optional.empty() : Optional.of(collapsed);
    }
}
