package dev.newswatch.ingester.extract;

import org.jsoup.select.Selector;

import dev.newswatch.common.config.InvalidConfigValue;

/**
 * A source's own CSS selectors for its article pages, for outlets whose layout defeats the general extractor.
 * Each selector is optional (null): a missing one leaves that part to the general extractor.
 *
 * @param titleSelector the element holding the headline
 * @param bodySelector  the element(s) holding the article text, e.g. {@code #articleBody > p}
 * @param dateSelector  the element holding the publication time as the page prints it
 */
public record ExtractionRules(String titleSelector, String bodySelector, String dateSelector) {

    /** No selectors: the general extractor does everything. */
    public static final ExtractionRules NONE = new ExtractionRules(null, null, null);

    public ExtractionRules {
        titleSelector = cssSelector("titleSelector", titleSelector);
        bodySelector = cssSelector("bodySelector", bodySelector);
        dateSelector = cssSelector("dateSelector", dateSelector);
    }

    /** A configured CSS selector, stripped; null when blank; an InvalidConfigValue naming field if it does not parse. */
    public static String cssSelector(String field, String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            Selector.evaluatorOf(selector);
        } catch (Selector.SelectorParseException e) {
            throw new InvalidConfigValue(field, "not a CSS selector: " + e.getMessage());
        }
        return selector.strip();
    }
}
