package dev.newswatch.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ReloadOutcome;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.metrics.MetricTags;
import dev.newswatch.common.streams.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The alerts service's own meters. Every counter is registered up front, so a watch that has not fired yet shows
 * as 0 rather than missing.
 */
public final class AlertsMetrics {

    /** Buckets of the delay histograms, from a second to a day: news older than a day is no longer news. */
    private static final Duration[] DELAY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24)};
    /** The source tag of an alert written before alerts carried their article's source. */
    private static final String UNKNOWN_SOURCE = "unknown";

    private final Counter articlesChecked;
    private final Map<String, Counter> alertsByWatch;
    private final Map<String, Counter> copiesSuppressedByWatch;
    private final Map<FailureKind, Counter> deadLettersByReason = new EnumMap<>(FailureKind.class);
    private final Map<String, AtomicInteger> deadByWatch;
    private final Counter dictionaryReloaded;
    private final Counter dictionaryRejected;

    private final MeterRegistry registry;

    public AlertsMetrics(MeterRegistry registry, Collection<String> watchIds) {
        this.registry = registry;
        articlesChecked = Counter.builder("newswatch.alerts.articles.checked")
                .description("Enriched articles checked against the watches, whether or not any fired")
                .register(registry);
        alertsByWatch = watchIds.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                watchId -> Counter.builder("newswatch.alerts.alerts.emitted")
                        .description("Alerts published, by watch")
                        .tag("watch", watchId)
                        .register(registry)));
        copiesSuppressedByWatch = watchIds.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                watchId -> Counter.builder("newswatch.alerts.copies.suppressed")
                        .description("Alerts not sent because the watch already alerted an earlier copy of the story")
                        .tag("watch", watchId)
                        .register(registry)));
        deadByWatch = watchIds.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), watchId -> {
            AtomicInteger dead = new AtomicInteger();
            Gauge.builder("newswatch.alerts.watches.dead", dead, AtomicInteger::get)
                    .description("1 while the watch names an entity or topic id the dictionary no longer has, "
                            + "0 while every id it names exists")
                    .tag("watch", watchId)
                    .register(registry);
            return dead;
        }));
        dictionaryReloaded = dictionaryReloads(registry, ReloadOutcome.RELOADED);
        dictionaryRejected = dictionaryReloads(registry, ReloadOutcome.REJECTED);
        for (FailureKind reason : FailureKind.values()) {
            deadLettersByReason.put(reason, Counter.builder("newswatch.alerts.dead.letters")
                    .description("Enriched-article records sent to " + Topics.ENRICHED_ARTICLES_DEAD_LETTERS + ", by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    private static Counter dictionaryReloads(MeterRegistry registry, ReloadOutcome outcome) {
        return Counter.builder("newswatch.alerts.dictionary.reloads")
                .description("Edits of entities.yml and topics.yml, by whether they were read to re-check the "
                        + "watches or could not be read")
                .tag("outcome", MetricTags.of(outcome))
                .register(registry);
    }

    public void articleChecked() {
        articlesChecked.increment();
    }

    /**
     * Counts an alert by watch and records, by source (ids from the ingester's sources file, so a bounded set),
     * how long after its article's publication and fetch it was raised.
     */
    public void alertEmitted(Alert alert) {
        counterOf(alertsByWatch, alert).increment();
        String source = alert.article().sourceId() == null ? UNKNOWN_SOURCE : alert.article().sourceId();
        recordDelay("newswatch.alerts.publication.to.alert", "Time from an article's stated publication to its alert",
                source, alert.article().publishedAt(), alert.alertedAt());
        recordDelay("newswatch.alerts.fetch.to.alert", "Time from the ingester's fetch of an article to its alert",
                source, alert.article().fetchedAt(), alert.alertedAt());
    }

    private void recordDelay(String name, String description, String source, Instant from, Instant alertedAt) {
        if (from == null) {
            return;
        }
        // A publication time ahead of the alert is an outlet's clock or time-zone error: counted as no delay.
        Duration delay = Duration.between(from, alertedAt);
        Timer.builder(name).description(description)
                .tag("source", source)
                .serviceLevelObjectives(DELAY_BUCKETS)
                .register(registry).record(delay.isNegative() ? Duration.ZERO : delay);
    }

    public void copySuppressed(Alert alert) {
        counterOf(copiesSuppressedByWatch, alert).increment();
    }

    private static Counter counterOf(Map<String, Counter> byWatch, Alert alert) {
        Counter counter = byWatch.get(alert.watchId());
        if (counter == null) {
            throw new IllegalArgumentException("alert of unknown watch " + alert.watchId());
        }
        return counter;
    }

    void watchDead(String watchId, boolean dead) {
        deadByWatch.get(watchId).set(dead ? 1 : 0);
    }

    void dictionaryReloaded() {
        dictionaryReloaded.increment();
    }

    void dictionaryRejected() {
        dictionaryRejected.increment();
    }

    public void deadLetter(FailureKind reason) {
        deadLettersByReason.get(reason).increment();
    }
}
