package dev.newswatch.enricher;

import java.time.Instant;
import java.util.List;

import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import io.micrometer.core.instrument.MeterRegistry;

import dev.newswatch.enricher.grouping.EventIndex;
import dev.newswatch.enricher.grouping.EventMetrics;
import dev.newswatch.enricher.grouping.EventSignature;
import dev.newswatch.enricher.grouping.IndexStore;
import dev.newswatch.enricher.grouping.StoryClusterer;
import dev.newswatch.enricher.grouping.StoryIndex;
import dev.newswatch.enricher.grouping.StoryMetrics;
import dev.newswatch.enricher.grouping.StorySignature;

/**
 * The story and event indexes of the enricher's topology over maps instead of state stores, for grouping an archive
 * of articles without Kafka ({@code newswatch tag}): given the articles in the order the stream would see them, it
 * gives the same story and event ids.
 */
public final class ArticleGrouper {

    /** The story and event an article was given. */
    public record Groups(String storyId, String eventId) {
    }

    private final StorySignature storySignature = new StorySignature();
    private final EventSignature eventSignature = new EventSignature();
    private final StoryIndex stories;
    private final EventIndex events;
    private long streamTime = Long.MIN_VALUE;
    private long lastPurge = Long.MIN_VALUE;

    public ArticleGrouper(EnricherSettings settings, MeterRegistry registry) {
        this.stories = new StoryIndex(IndexStore.inMemory(), IndexStore.inMemory(), settings.storyWindow(),
                settings.storySimilarity(), new StoryMetrics(registry));
        this.events = new EventIndex(IndexStore.inMemory(), settings.eventWindow(), settings.eventSimilarity(),
                new EventMetrics(registry));
    }

    /**
     * @param publishedAt when the article was published, or {@code null}
     * @param recordTime  the time its record would carry in news.raw
     */
    public Groups group(String articleId, String title, String text, List<EntityTag> entities, List<TopicTag> topics,
            Instant publishedAt, Instant recordTime) {
        long now = recordTime.toEpochMilli();
        // As the topology's stream-time punctuation: stream time is the latest record time seen.
        streamTime = Math.max(streamTime, now);
        if (lastPurge == Long.MIN_VALUE || streamTime - lastPurge >= StoryClusterer.PURGE_INTERVAL.toMillis()) {
            stories.purgeBefore(streamTime);
            events.purgeBefore(streamTime);
            lastPurge = streamTime;
        }
        String storyId = stories.storyOf(articleId, storySignature.of(title, text), now);
        String eventId = events.eventOf(articleId, storyId,
                eventSignature.of(title, text, entities, topics),
                publishedAt == null ? now : publishedAt.toEpochMilli(), now);
        return new Groups(storyId, eventId);
    }
}
