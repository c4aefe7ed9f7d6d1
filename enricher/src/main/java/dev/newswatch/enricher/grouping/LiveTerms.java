package dev.newswatch.enricher.grouping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The postings of the event index's live articles, in memory: for each term, how many live articles have it (its
 * document frequency) and the newest of them (the candidates it offers a new article). They follow from the
 * stored entries, which hold each article's terms, so they are rebuilt from the entries when the index starts
 * rather than changelogged: each article has up to {@link EventSignature#MOST_TERMS} terms, and writing each
 * term's postings back on every change cost some 35 KB of changelog per article.
 */
final class LiveTerms {

    /** One term's document frequency and newest articles, the oldest first. */
    private static final class Postings {
        int count;
        final List<String> newest = new ArrayList<>();
    }

    private final int mostPostings;
    private final Map<String, Postings> byTerm = new HashMap<>();
    private long articles;

    /** @param mostPostings most articles kept per term as candidates, the newest */
    LiveTerms(int mostPostings) {
        this.mostPostings = mostPostings;
    }

    /** How many live articles have {@code term}. */
    int frequency(String term) {
        Postings postings = byTerm.get(term);
        return postings == null ? 0 : postings.count;
    }

    /** The newest live articles that have {@code term}, the oldest of them first. */
    List<String> newest(String term) {
        Postings postings = byTerm.get(term);
        return postings == null ? List.of() : postings.newest;
    }

    /** How many articles are live. */
    long articles() {
        return articles;
    }

    /** Adds a live article, the newest of each of its terms. */
    void add(String articleId, Collection<String> terms) {
        for (String term : new HashSet<>(terms)) {
            Postings postings = byTerm.computeIfAbsent(term, absent -> new Postings());
            postings.count++;
            postings.newest.add(articleId);
            if (postings.newest.size() > mostPostings) {
                postings.newest.remove(0);
            }
        }
        articles++;
    }

    /**
     * Removes an article no longer live. Its place among a term's newest is not given to an older article: those
     * expire before it.
     */
    void remove(String articleId, Collection<String> terms) {
        for (String term : new HashSet<>(terms)) {
            Postings postings = byTerm.get(term);
            if (postings == null) {
                continue;
            }
            postings.newest.remove(articleId);
            if (--postings.count <= 0) {
                byTerm.remove(term);
            }
        }
        articles = Math.max(0, articles - 1);
    }
}
