package dev.newswatch.enricher.grouping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How the story index placed articles: {@code newswatch.enricher.stories} by {@code outcome}: {@code new} (first
 * copy of a story), {@code copy} (joined an earlier article's story), {@code re-edit} (an article id seen before)
 * and {@code too-short} (too little text to compare; its own story).
 */
public final class StoryMetrics {

    private final Counter newStories;
    private final Counter copies;
    private final Counter reEdits;
    private final Counter tooShort;

    public StoryMetrics(MeterRegistry registry) {
        this.newStories = outcome(registry, "new");
        this.copies = outcome(registry, "copy");
        this.reEdits = outcome(registry, "re-edit");
        this.tooShort = outcome(registry, "too-short");
    }

    void newStory() {
        newStories.increment();
    }

    void copy() {
        copies.increment();
    }

    void reEdit() {
        reEdits.increment();
    }

    void tooShort() {
        tooShort.increment();
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("newswatch.enricher.stories")
                .description("Enriched articles by how the story index placed them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
