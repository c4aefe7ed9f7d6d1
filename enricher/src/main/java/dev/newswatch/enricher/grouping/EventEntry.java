package dev.newswatch.enricher.grouping;

import java.util.List;

/**
 * What the event index remembers of one article.
 *
 * @param eventId   the event the article was given
 * @param seenAt    its record timestamp in epoch milliseconds; the entry expires one event window later
 * @param eventTime when it was published (its record time when the page gave no date), in epoch milliseconds
 * @param norm      the length of its weighted term vector when it was stored
 * @param terms     its {@link EventTerms}, to compare later articles with and to find its postings on expiry
 * @param prominent how many of the first terms are prominent
 */
public record EventEntry(String eventId, long seenAt, long eventTime, double norm, List<String> terms,
        int prominent) {

    public EventEntry {
        terms = List.copyOf(terms);
    }
}
