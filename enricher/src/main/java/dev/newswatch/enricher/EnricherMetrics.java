package dev.newswatch.enricher;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.metrics.MetricTags;
import dev.newswatch.common.streams.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.newswatch.enricher.grouping.EventMetrics;
import dev.newswatch.enricher.grouping.StoryMetrics;
import dev.newswatch.enricher.tagging.TopicRules;

/**
 * The enricher's own meters, registered once, when the service is built, so every series reads 0 before its
 * first event rather than being absent: articles enriched, entity tags by entity kind, topic tags by topic id
 * (ids come from configuration, so the tag stays bounded), texts cut, dead letters by reason, and how the story and event indexes placed articles. The stages are given what they count with,
 * never the registry.
 */
final class EnricherMetrics {

    private final MeterRegistry registry;
    private final Counter articlesEnriched;
    private final Counter textsCut;
    private final Map<EntityKind, Counter> entityTagsByKind = new EnumMap<>(EntityKind.class);
    /** Grows when a reload brings a topic id the rules did not have. */
    private final Map<String, Counter> topicTagsById = new ConcurrentHashMap<>();
    private final Map<FailureKind, Counter> deadLettersByReason = new EnumMap<>(FailureKind.class);
    private final StoryMetrics stories;
    private final EventMetrics events;

    public EnricherMetrics(MeterRegistry registry, TopicRules rules) {
        this.registry = registry;
        this.articlesEnriched = Counter.builder("newswatch.enricher.articles.enriched")
                .description("Raw articles enriched and published to " + Topics.ENRICHED.name())
                .register(registry);
        this.textsCut = Counter.builder("newswatch.enricher.texts.cut")
                .description("Raw articles whose title or text was cut to the configured limit before tagging")
                .register(registry);
        for (EntityKind kind : EntityKind.values()) {
            entityTagsByKind.put(kind, Counter.builder("newswatch.enricher.entity.tags")
                    .description("Entity tags given, by entity kind")
                    .tag("kind", MetricTags.of(kind))
                    .register(registry));
        }
        rules.rules().forEach(rule -> topicTags(rule.id()));
        for (FailureKind reason : FailureKind.values()) {
            deadLettersByReason.put(reason, Counter.builder("newswatch.enricher.dead.letters")
                    .description("Raw-article records sent to " + Topics.RAW_DEAD_LETTERS.name() + ", by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        this.stories = new StoryMetrics(registry);
        this.events = new EventMetrics(registry);
    }

    public void enriched(EnrichedArticle article) {
        articlesEnriched.increment();
        article.entities().forEach(entity -> entityTagsByKind.get(entity.kind()).increment());
        article.topics().forEach(topic -> topicTags(topic.id()).increment());
    }

    /** An article's title or text was cut before tagging. */
    void textCut() {
        textsCut.increment();
    }

    public void deadLetter(FailureKind reason) {
        deadLettersByReason.get(reason).increment();
    }

    StoryMetrics stories() {
        return stories;
    }

    EventMetrics events() {
        return events;
    }

    private Counter topicTags(String topicId) {
        return topicTagsById.computeIfAbsent(topicId, id -> Counter.builder("newswatch.enricher.topic.tags")
                .description("Topic tags given, by topic id")
                .tag("topic", id)
                .register(registry));
    }
}
