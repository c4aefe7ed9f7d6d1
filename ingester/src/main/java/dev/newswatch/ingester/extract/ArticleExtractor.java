package dev.newswatch.ingester.extract;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;

/**
 * Reads an article page: title, body paragraphs, published and updated times, author, section, canonical address
 * and language. Wiring only: {@link PageMetadata} reads the metadata, {@link MainContentExtractor} finds and cleans
 * the text (for pages that render in the browser, in the page data {@link NextDataBody} reads), and the page's
 * structured-data body stands in when the layout yields a fraction of it.
 */
public final class ArticleExtractor {

    /** Below this much text the page probably renders its body with script; its page data is tried as well. */
    private static final int SCRIPT_RENDERED_BELOW = 150;
    /**
     * Real pages nest a few dozen levels; deeper elements are flattened, so a page of ten thousand unclosed
     * {@code <div>}s cannot make parsing and extraction quadratic.
     */
    private static final int MAX_DEPTH = 256;

    /** The structured-data body replaces the located one when it is this many times longer. */
    private static final int STRUCTURED_BODY_MULTIPLE = 2;
    private static final int UNTITLED_LEAD = 100;

    private final MainContentExtractor mainContent = new MainContentExtractor();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();

    /** {@link #extract(String, URI, Instant, ExtractionRules, String)} with no selectors and no default language. */
    public ExtractedArticle extract(String html, URI fetchedUrl, Instant feedPublished) throws IngestException {
        return extract(html, fetchedUrl, feedPublished, ExtractionRules.NONE, null);
    }

    /**
     * @param fetchedUrl      where the page came from; the base of relative links and the fallback canonical URL
     * @param feedPublished   the feed's date for the article, used when the page states none (may be null)
     * @param rules           the source's selectors ({@link ExtractionRules#NONE} for none)
     * @param defaultLanguage the source's language, used when the page declares none (may be null)
     * @throws IngestException of kind EXTRACT when the page has no article text (a page with text and no title is
     *                         an article without one: its opening words stand in for the title)
     */
    public ExtractedArticle extract(String html, URI fetchedUrl, Instant feedPublished, ExtractionRules rules,
            String defaultLanguage) throws IngestException {
        Document page = Jsoup.parse(html, fetchedUrl.toString(), Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        PageMetadata metadata = new PageMetadata(page, rules);
        String title = metadata.title().orElse(null);
        List<String> structured = metadata.structuredBody().map(ArticleExtractor::fragmentLines).orElse(List.of());
        String structuredKey = TextBlocks.collapse(String.join(" ", structured)).toLowerCase(Locale.ROOT);
        MainContentExtractor.Hints hints = new MainContentExtractor.Hints(title, metadata.description().orElse(""),
                structuredKey);
        List<String> paragraphs = mainContent.paragraphs(page, rules.bodySelector(), hints);
        if (rules.bodySelector() == null) {
            if (length(paragraphs) < SCRIPT_RENDERED_BELOW) {
                List<String> fromPageData = boilerplate.paragraphs(NextDataBody.lines(page), title);
                if (length(fromPageData) > length(paragraphs)) {
                    paragraphs = fromPageData;
                }
            }
            if (length(paragraphs) < SCRIPT_RENDERED_BELOW) {
                List<String> fromRows = NextDataBody.appRouterPage(page)
                        .map(rows -> mainContent.paragraphs(rows, null, hints)).orElse(List.of());
                if (length(fromRows) > length(paragraphs)) {
                    paragraphs = fromRows;
                }
            }
            if (length(paragraphs) < SCRIPT_RENDERED_BELOW) {
                List<String> fromTemplates = ScriptTemplates.inlined(page)
                        .map(inlined -> mainContent.paragraphs(inlined, null, hints)).orElse(List.of());
                if (length(fromTemplates) > length(paragraphs)) {
                    paragraphs = fromTemplates;
                }
            }
            // The page's own statement of its text, when what the layout gave is a fraction of it.
            List<String> fromStructured = boilerplate.paragraphs(structured, title);
            if (length(fromStructured) > length(paragraphs) * STRUCTURED_BODY_MULTIPLE) {
                paragraphs = fromStructured;
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IngestException(ErrorKind.EXTRACT, rules.bodySelector() == null ? "page has no article text"
                    : "page has no article text under body selector " + rules.bodySelector());
        }
        return new ExtractedArticle(title == null ? lead(paragraphs.get(0)) : title,
                metadata.canonicalUrl(fetchedUrl), metadata.published().orElse(feedPublished),
                String.join("\n\n", paragraphs), metadata.updated().orElse(null), metadata.author().orElse(null),
                metadata.section().orElse(null), metadata.language().orElse(defaultLanguage));
    }

    /** Text or HTML as lines, one per paragraph. */
    static List<String> fragmentLines(String textOrHtml) {
        String html = textOrHtml.indexOf('<') >= 0 ? textOrHtml
                : "<p>" + Entities.escape(textOrHtml).replaceAll("\\n\\s*\\n|\\n", "</p><p>") + "</p>";
        List<String> lines = new ArrayList<>();
        for (TextBlocks.Block block : TextBlocks.of(Jsoup.parseBodyFragment(html).body())) {
            lines.add(block.text());
        }
        return lines;
    }

    /** A page that names no title is an article without one; its opening words stand in for it. */
    private static String lead(String firstParagraph) {
        if (firstParagraph.length() <= UNTITLED_LEAD) {
            return firstParagraph;
        }
        int cut = firstParagraph.lastIndexOf(' ', UNTITLED_LEAD);
        return firstParagraph.substring(0, cut > UNTITLED_LEAD / 2 ? cut : UNTITLED_LEAD) + "…";
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }
}
