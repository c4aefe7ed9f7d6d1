package dev.newswatch.common.events;

import java.util.List;

/**
 * A topic the article is about, e.g. {@code export-controls}.
 *
 * @param confidence between 0 and 1
 * @param evidence   the first cues that matched and the sentences they stand in (three sentences at most)
 */
public record TopicTag(String id, String name, double confidence, List<Evidence> evidence) {

    public TopicTag {
        evidence = List.copyOf(evidence);
    }
}
