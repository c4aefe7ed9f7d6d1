package dev.newswatch.enricher;

import java.util.Locale;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.streams.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The enricher's own meters: articles enriched, entity tags by entity kind, topic tags by topic id (ids come from
 * configuration, so the tag stays bounded), dead letters by reason, and dictionary reloads by outcome.
 */
public final class EnricherMetrics {

    private final MeterRegistry registry;
    private final Counter articlesEnriched;
    private final Counter configReloaded;
    private final Counter configRejected;

    public EnricherMetrics(MeterRegistry registry, TopicRules rules) {
        this.registry = registry;
        this.articlesEnriched = Counter.builder("newswatch.enricher.articles.enriched")
                .description("Raw articles enriched and published to news.enriched")
                .register(registry);
        this.configReloaded = configReloads("reloaded");
        this.configRejected = configReloads("rejected");
        // Registered up front so every series reads 0 before the first event rather than being absent.
        for (EntityKind kind : EntityKind.values()) {
            entityTags(kind);
        }
        rules.rules().forEach(rule -> topicTags(rule.id()));
        for (FailureKind reason : FailureKind.values()) {
            deadLetters(reason);
        }
    }

    public void enriched(EnrichedArticle article) {
        articlesEnriched.increment();
        article.entities().forEach(entity -> entityTags(entity.kind()).increment());
        article.topics().forEach(topic -> topicTags(topic.id()).increment());
    }

    /** entities.yml and topics.yml were reloaded after an edit. */
    public void configReloaded() {
        configReloaded.increment();
    }

    /** An edit of entities.yml or topics.yml could not be loaded; the running configuration stays. */
    public void configRejected() {
        configRejected.increment();
    }

    public void deadLetter(FailureKind reason) {
        deadLetters(reason).increment();
    }

    private Counter entityTags(EntityKind kind) {
        return Counter.builder("newswatch.enricher.entity.tags")
                .description("Entity tags given, by entity kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter topicTags(String topicId) {
        return Counter.builder("newswatch.enricher.topic.tags")
                .description("Topic tags given, by topic id")
                .tag("topic", topicId)
                .register(registry);
    }

    private Counter configReloads(String outcome) {
        return Counter.builder("newswatch.enricher.config.reloads")
                .description("Edits of entities.yml and topics.yml, by whether they were reloaded or rejected")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter deadLetters(FailureKind reason) {
        return Counter.builder("newswatch.enricher.dead.letters")
                .description("Raw-article records sent to news.raw.dlq, by reason")
                .tag("reason", reason.tag())
                .register(registry);
    }
}
