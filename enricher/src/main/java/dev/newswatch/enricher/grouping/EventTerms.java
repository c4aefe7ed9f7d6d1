package dev.newswatch.enricher.grouping;

import java.util.List;

/**
 * What an article says happened, as terms: {@code e:} the companies and chips tagged, {@code t:} its topics,
 * {@code m:} model and product names in Latin letters and digits, {@code a:} amounts and counts, {@code d:} days of
 * the month, {@code n:} content nouns. {@link EventSignature} makes them; {@link EventIndex} compares them.
 */
public record EventTerms(List<String> terms) {

    public EventTerms {
        terms = List.copyOf(terms);
    }
}
