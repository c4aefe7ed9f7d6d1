package dev.newswatch.enricher.grouping;

import java.util.List;

/**
 * What an article says happened, as terms: {@code e:} the companies and chips tagged, {@code t:} its topics,
 * {@code m:} model and product names in Latin letters and digits, {@code a:} amounts and counts, {@code d:} days of
 * the month, {@code p:} the reporting periods it names (quarters, halves), {@code n:} content nouns.
 * {@link EventSignature} makes them; {@link EventIndex} compares them.
 *
 * @param terms     the terms, the prominent ones first
 * @param prominent how many of the first terms are prominent: in the title or lead, or repeated, where a report
 *                  states its development
 */
public record EventTerms(List<String> terms, int prominent) {

    public EventTerms {
        terms = List.copyOf(terms);
        if (prominent < 0 || prominent > terms.size()) {
            throw new IllegalArgumentException("prominent terms " + prominent + " of " + terms.size());
        }
    }

    /** Terms of which none is prominent. */
    public EventTerms(List<String> terms) {
        this(terms, 0);
    }
}
