package dev.newswatch.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newswatch.alerts.alerting.AlertCounts;
import dev.newswatch.alerts.watch.WatchState;
import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.metrics.MetricTags;
import dev.newswatch.common.streams.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The alerts service's own meters. A watch's counters are registered when the service first sees the watch, so
 * a watch that has not fired yet shows as 0 rather than missing; watch ids are a bounded set, defined by people.
 */
public final class AlertsMetrics implements AlertCounts {

    /** Buckets of the delay histograms, from a second to a day: news older than a day is no longer news. */
    private static final Duration[] DELAY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24)};
    /** The source tag of an alert written before alerts carried their article's source. */
    private static final String UNKNOWN_SOURCE = "unknown";

    /** One watch's meters. */
    private record WatchMeters(Counter raised, Counter updated, Counter suppressed, AtomicInteger dead) {
    }

    private final MeterRegistry registry;
    private final Counter articlesChecked;
    private final Map<String, WatchMeters> byWatch = new ConcurrentHashMap<>();
    private final Map<String, WatchState> stateByWatch = new ConcurrentHashMap<>();
    private final Map<FailureKind, Counter> deadLettersByReason = new EnumMap<>(FailureKind.class);

    public AlertsMetrics(MeterRegistry registry) {
        this.registry = registry;
        articlesChecked = Counter.builder("newswatch.alerts.articles.checked")
                .description("Enriched articles checked against the watches, whether or not any fired")
                .register(registry);
        for (FailureKind reason : FailureKind.values()) {
            deadLettersByReason.put(reason, Counter.builder("newswatch.alerts.dead.letters")
                    .description("Enriched-article records sent to " + Topics.ENRICHED_ARTICLES_DEAD_LETTERS + ", by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        for (WatchState state : WatchState.values()) {
            if (state != WatchState.REMOVED) {
                Gauge.builder("newswatch.alerts.watches", stateByWatch,
                                states -> states.values().stream().filter(state::equals).count())
                        .description("Watches in the watches table, by what the service makes of them")
                        .tag("state", MetricTags.of(state))
                        .register(registry);
            }
        }
    }

    /** Registers the meters of a watch the service sees for the first time, and keeps its state. */
    void watchState(String watchId, WatchState state) {
        WatchMeters meters = byWatch.computeIfAbsent(watchId, this::register);
        meters.dead().set(state == WatchState.DEAD ? 1 : 0);
        if (state == WatchState.REMOVED) {
            stateByWatch.remove(watchId);
        } else {
            stateByWatch.put(watchId, state);
        }
    }

    private WatchMeters register(String watchId) {
        AtomicInteger dead = new AtomicInteger();
        Gauge.builder("newswatch.alerts.watches.dead", dead, AtomicInteger::get)
                .description("1 while the watch names an entity or topic id the dictionary does not have, "
                        + "0 otherwise")
                .tag("watch", watchId)
                .register(registry);
        return new WatchMeters(
                perWatch("newswatch.alerts.raised", "Alerts raised: first matching reports of an event", watchId),
                perWatch("newswatch.alerts.updated", "Alert updates written with later reports of the event",
                        watchId),
                perWatch("newswatch.alerts.suppressed",
                        "Matching reports that raised no alert of their own: their event had one", watchId),
                dead);
    }

    private Counter perWatch(String name, String description, String watchId) {
        return Counter.builder(name).description(description).tag("watch", watchId).register(registry);
    }

    void articleChecked() {
        articlesChecked.increment();
    }

    /**
     * Counts the alert by watch and records, by source (ids from the ingester's sources file, so a bounded set), how
     * long after its article's publication and fetch it was raised.
     */
    @Override
    public void raised(Alert alert) {
        meters(alert).raised().increment();
        String source = alert.article().sourceId() == null ? UNKNOWN_SOURCE : alert.article().sourceId();
        recordDelay("newswatch.alerts.publication.to.alert", "Time from an article's stated publication to its alert",
                source, alert.article().publishedAt(), alert.alertedAt());
        recordDelay("newswatch.alerts.fetch.to.alert", "Time from the ingester's fetch of an article to its alert",
                source, alert.article().fetchedAt(), alert.alertedAt());
    }

    @Override
    public void updated(Alert alert) {
        meters(alert).updated().increment();
    }

    @Override
    public void suppressed(Alert alert) {
        meters(alert).suppressed().increment();
    }

    private WatchMeters meters(Alert alert) {
        return byWatch.computeIfAbsent(alert.watchId(), this::register);
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

    void deadLetter(FailureKind reason) {
        deadLettersByReason.get(reason).increment();
    }
}
