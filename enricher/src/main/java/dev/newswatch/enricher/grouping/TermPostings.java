package dev.newswatch.enricher.grouping;

import java.util.List;

/**
 * The live articles that have one event term.
 *
 * @param count      how many live articles have it: its document frequency
 * @param articleIds the newest of them, the candidates it offers a new article
 */
public record TermPostings(int count, List<String> articleIds) {

    public TermPostings {
        articleIds = List.copyOf(articleIds);
    }
}
