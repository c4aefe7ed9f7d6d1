package dev.newswatch.alerts.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.streams.UnknownSchemaVersionException;

/**
 * Matches one enriched article against watches, giving for each watch it meets the alert it would raise as the
 * first report of its event.
 *
 * <p>An alert carries the tags that made it fire, with their evidence. Where the clauses that matched name no tag
 * of a kind (a topic-only watch names no company), the alert carries all of the article's tags of that kind, so
 * that a capex alert still tells the reader whose capex it is.
 */
public final class WatchMatcher {

    private final ConditionEvaluator evaluator = new ConditionEvaluator();
    private final Clock clock;

    public WatchMatcher(Clock clock) {
        this.clock = clock;
    }

    /**
     * The alerts for {@code article}, in the order of {@code watches}; empty when none matches.
     *
     * @throws UnknownSchemaVersionException for an article of a schema version newer than this code reads
     */
    public List<Alert> match(List<Watch> watches, EnrichedArticle article) {
        UnknownSchemaVersionException.requireKnown("EnrichedArticle", article.schemaVersion(),
                EnrichedArticle.SCHEMA_VERSION);
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (Watch watch : watches) {
            evaluator.evaluate(watch.when(), article).ifPresent(match -> alerts.add(new Alert(Alert.SCHEMA_VERSION,
                    Alert.idFor(watch.id(), article.eventId()), watch.id(), watch.name(), watch.severity(),
                    article.eventId(), article.storyId(), AlertedArticle.of(article), match.clauses(),
                    match.entities().isEmpty() ? article.entities() : match.entities(),
                    match.topics().isEmpty() ? article.topics() : match.topics(),
                    match.keywords(), List.of(), 1, now, now)));
        }
        return alerts;
    }
}
