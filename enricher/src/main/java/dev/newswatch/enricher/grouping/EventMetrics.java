package dev.newswatch.enricher.grouping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How the event index placed articles: {@code newswatch.enricher.events} by {@code outcome}: {@code new} (first
 * report of a development), {@code report} (joined an earlier report's event by its terms), {@code copy} (a copy
 * of a story, in its first copy's event) and {@code re-edit} (an article id seen before).
 */
public final class EventMetrics {

    private final Counter newEvents;
    private final Counter reports;
    private final Counter copies;
    private final Counter reEdits;

    public EventMetrics(MeterRegistry registry) {
        this.newEvents = outcome(registry, "new");
        this.reports = outcome(registry, "report");
        this.copies = outcome(registry, "copy");
        this.reEdits = outcome(registry, "re-edit");
    }

    void newEvent() {
        newEvents.increment();
    }

    void report() {
        reports.increment();
    }

    void copy() {
        copies.increment();
    }

    void reEdit() {
        reEdits.increment();
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("newswatch.enricher.events")
                .description("Enriched articles by how the event index placed them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
