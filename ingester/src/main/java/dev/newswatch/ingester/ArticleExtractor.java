package dev.newswatch.ingester;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.json.Json;

/** Reads title, publication time, body text and canonical address from an article page. */
public final class ArticleExtractor {

    private static final String CHROME = "nav, header, footer, aside, script, style, noscript, template, figure, "
            + "figcaption, form, iframe, button, select, [role=navigation], [role=banner], [role=contentinfo], "
            + "[aria-hidden=true]";
    /** Class or id words of blocks around an article that are not the article: lists, sharing, ads, comments. */
    private static final Pattern CHROME_NAME = Pattern.compile(
            "(?i)related|recommend|popular|most-?read|ranking|share|sns|comment|reply|copyright|banner|advert"
                    + "|breadcrumb|subscribe|newsletter|byline|journalist|reporter|tag-?list");
    private static final Pattern COPYRIGHT_LINE = Pattern.compile(
            "(?i)copyright|ⓒ|©|\\(c\\)\\s|저작권자|무단\\s*전재|재배포\\s*금지|all rights reserved");
    /** Where Korean news CMSs put the article body (from the outlet notes). */
    private static final String KNOWN_BODY = "[itemprop=articleBody], #articleBody, #article-view-content-div, "
            + "#articletxt, .article_body, .article-body, .article_txt, .news_cnt_detail_wrap";
    private static final String BODY_CONTAINERS = KNOWN_BODY + ", article";

    /**
     * @param fetchedUrl    where the page came from; the base of relative links and the fallback canonical URL
     * @param feedPublished the feed's date for the article, used when the page states none
     */
    public ExtractedArticle extract(String html, URI fetchedUrl, Instant feedPublished) throws IngestException {
        Document page = Jsoup.parse(html, fetchedUrl.toString());
        String title = title(page);
        if (title.isEmpty()) {
            throw new IngestException(ErrorKind.EXTRACT, "page has no og:title, <h1> or <title>");
        }
        Instant published = publishedTime(page).orElse(feedPublished);
        String text = String.join("\n\n", paragraphs(page.clone()));
        if (text.isEmpty()) {
            throw new IngestException(ErrorKind.EXTRACT, "page has no article text");
        }
        return new ExtractedArticle(title, canonicalUrl(page, fetchedUrl), published, text);
    }

    private static String title(Document page) {
        String ogTitle = page.select("meta[property=og:title]").attr("content").strip();
        if (!ogTitle.isEmpty()) {
            return ogTitle;
        }
        Element h1 = page.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return page.title().strip();
    }

    private static Optional<Instant> publishedTime(Document page) {
        return jsonLdDatePublished(page)
                .or(() -> PublishedTimeParser.iso(page.select("meta[property=article:published_time]").attr("content")))
                .or(() -> PublishedTimeParser.iso(page.select("meta[itemprop=datePublished]").attr("content")))
                .or(() -> PublishedTimeParser.koreanByline(page.body().text()));
    }

    private static Optional<Instant> jsonLdDatePublished(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                Optional<Instant> found = datePublished(Json.mapper().readTree(script.data()));
                if (found.isPresent()) {
                    return found;
                }
            } catch (JsonProcessingException malformed) {
                // Broken JSON-LD is common; the meta tags and the byline are still there to read.
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> datePublished(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<Instant> found = datePublished(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (node.hasNonNull("datePublished")) {
            return PublishedTimeParser.iso(node.get("datePublished").asText());
        }
        return datePublished(node.get("@graph"));
    }

    private static List<String> paragraphs(Document page) {
        page.select(CHROME).remove();
        for (Element element : page.body().select("[class], [id]")) {
            // A wrapper named, say, "has-comments" may hold the article itself: never drop a known body container.
            if (element != page.body() && element.parent() != null
                    && CHROME_NAME.matcher(element.className() + " " + element.id()).find()
                    && element.selectFirst(KNOWN_BODY) == null) {
                element.remove();
            }
        }
        Optional<Element> container = densestParagraphParent(page);
        List<String> lines = new ArrayList<>();
        if (container.isPresent()) {
            container.get().select("p").forEach(p -> lines.add(p.text()));
        } else {
            Element body = page.selectFirst(BODY_CONTAINERS);
            if (body != null) {
                // Bodies without <p> separate paragraphs with <br>.
                body.select("br").after("\n");
                lines.addAll(List.of(body.wholeText().split("\n")));
            }
        }
        return lines.stream()
                .map(line -> line.replace('\u00a0', ' ').strip())
                .filter(line -> !line.isEmpty() && !COPYRIGHT_LINE.matcher(line).find())
                .toList();
    }

    /** The element whose own paragraphs hold the most text: the article body, once the chrome is gone. */
    private static Optional<Element> densestParagraphParent(Document page) {
        Map<Element, Integer> textByParent = new LinkedHashMap<>();
        for (Element paragraph : page.body().select("p")) {
            Element parent = paragraph.parent();
            if (parent != null) {
                textByParent.merge(parent, paragraph.text().length(), Integer::sum);
            }
        }
        return textByParent.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    private static String canonicalUrl(Document page, URI fetchedUrl) {
        for (String candidate : List.of(page.select("link[rel=canonical]").attr("abs:href"),
                page.select("meta[property=og:url]").attr("abs:content"))) {
            if (!candidate.isBlank()) {
                try {
                    return CanonicalUrls.canonicalize(candidate);
                } catch (IllegalArgumentException notAUrl) {
                    // A broken canonical tag; the next candidate or the fetched address will do.
                }
            }
        }
        return CanonicalUrls.canonicalize(fetchedUrl.toString());
    }
}
