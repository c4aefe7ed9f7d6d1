package dev.newswatch.alerts.alerting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.events.WatchCondition;

/**
 * Decides whether an enriched article meets a watch's condition and, when it does, what met it: the clauses, by
 * their place in the condition, and the tags and keywords they matched. Of {@code any}, every branch that holds
 * is reported.
 */
final class ConditionEvaluator {

    /**
     * What made a condition hold.
     *
     * @param clauses each clause met, e.g. {@code when.any[1].companies: nvidia}
     */
    record Match(List<String> clauses, List<EntityTag> entities, List<TopicTag> topics, List<Evidence> keywords) {
    }

    /** What the clauses of one condition met so far. */
    private static final class Found {
        final List<String> clauses = new ArrayList<>();
        final Set<EntityTag> entities = new LinkedHashSet<>();
        final Set<TopicTag> topics = new LinkedHashSet<>();
        final List<Evidence> keywords = new ArrayList<>();

        void add(Found other) {
            clauses.addAll(other.clauses);
            entities.addAll(other.entities);
            topics.addAll(other.topics);
            keywords.addAll(other.keywords);
        }
    }

    private final Keywords keywords = new Keywords();

    /** What met {@code condition} in {@code article}; empty when it does not hold. */
    Optional<Match> evaluate(WatchCondition condition, EnrichedArticle article) {
        Found found = new Found();
        if (!holds(condition, "when", article, found)) {
            return Optional.empty();
        }
        return Optional.of(new Match(found.clauses, List.copyOf(found.entities), List.copyOf(found.topics),
                found.keywords));
    }

    private boolean holds(WatchCondition condition, String path, EnrichedArticle article, Found found) {
        Found here = new Found();
        boolean holds = entities(condition.companies(), path + ".companies", condition.about(), article,
                        tag -> tag.kind() == EntityKind.COMPANY && condition.companies().contains(tag.id()), here)
                && entities(condition.chips(), path + ".chips", condition.about(), article,
                        tag -> tag.kind() != EntityKind.COMPANY && condition.chips().contains(tag.id()), here)
                && entities(condition.chipsOf(), path + ".chipsOf", condition.about(), article,
                        tag -> tag.kind() != EntityKind.COMPANY && condition.chipsOf().contains(tag.vendor()), here)
                && topics(condition, path, article, here)
                && listed(condition.outlets(), path + ".outlets", article.article().outlet(), here)
                && listed(condition.sources(), path + ".sources", article.article().sourceId(), here)
                && keywords(condition.keywords(), path + ".keywords", article.article(), here)
                && all(condition.all(), path + ".all", article, here)
                && any(condition.any(), path + ".any", article, here)
                && (condition.not() == null || !holds(condition.not(), path + ".not", article, new Found()));
        if (holds) {
            found.add(here);
        }
        return holds;
    }

    private static boolean entities(List<String> listed, String path, boolean about, EnrichedArticle article,
            Predicate<EntityTag> watched, Found found) {
        if (listed.isEmpty()) {
            return true;
        }
        List<EntityTag> matched = article.entities().stream()
                .filter(watched)
                .filter(tag -> !about || tag.salience() == Salience.ABOUT)
                .toList();
        if (matched.isEmpty()) {
            return false;
        }
        found.clauses.add(path + (about ? " (about)" : "") + ": "
                + matched.stream().map(EntityTag::id).collect(Collectors.joining(", ")));
        found.entities.addAll(matched);
        return true;
    }

    private static boolean topics(WatchCondition condition, String path, EnrichedArticle article, Found found) {
        if (condition.topics().isEmpty()) {
            return true;
        }
        double least = condition.minConfidence() == null ? 0 : condition.minConfidence();
        List<TopicTag> matched = article.topics().stream()
                .filter(tag -> condition.topics().contains(tag.id()) && tag.confidence() >= least)
                .toList();
        if (matched.isEmpty()) {
            return false;
        }
        found.clauses.add(path + ".topics: " + matched.stream()
                .map(tag -> String.format(Locale.ROOT, "%s %.2f", tag.id(), tag.confidence()))
                .collect(Collectors.joining(", ")));
        found.topics.addAll(matched);
        return true;
    }

    private static boolean listed(List<String> listed, String path, String value, Found found) {
        if (listed.isEmpty()) {
            return true;
        }
        boolean matched = value != null && listed.stream().anyMatch(entry -> entry.strip().equalsIgnoreCase(value.strip()));
        if (matched) {
            found.clauses.add(path + ": " + value);
        }
        return matched;
    }

    private boolean keywords(List<String> phrases, String path, RawArticle article, Found found) {
        if (phrases.isEmpty()) {
            return true;
        }
        List<Evidence> matched = new ArrayList<>();
        for (String phrase : phrases) {
            keywords.find(phrase, article.title(), article.text()).ifPresent(matched::add);
        }
        if (matched.isEmpty()) {
            return false;
        }
        found.clauses.add(path + ": " + matched.stream().map(Evidence::matched).collect(Collectors.joining(", ")));
        found.keywords.addAll(matched);
        return true;
    }

    private boolean all(List<WatchCondition> conditions, String path, EnrichedArticle article, Found found) {
        for (int i = 0; i < conditions.size(); i++) {
            if (!holds(conditions.get(i), path + "[" + i + "]", article, found)) {
                return false;
            }
        }
        return true;
    }

    /** Every branch is tried, so that the alert names all the watched tags the article carries. */
    private boolean any(List<WatchCondition> conditions, String path, EnrichedArticle article, Found found) {
        boolean holds = conditions.isEmpty();
        for (int i = 0; i < conditions.size(); i++) {
            holds |= holds(conditions.get(i), path + "[" + i + "]", article, found);
        }
        return holds;
    }
}
