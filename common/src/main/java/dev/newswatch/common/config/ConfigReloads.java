package dev.newswatch.common.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.newswatch.common.metrics.MetricTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what became of the edits of one configuration a {@link ConfigReloader} watches, the same way in every
 * service: {@code newswatch_<service>_config_reloads_total{config, outcome}}. Both outcomes are registered at
 * once, so a rejection shows as a rise from 0 rather than as a new series.
 */
public final class ConfigReloads implements Consumer<ReloadOutcome> {

    private final Map<ReloadOutcome, Counter> counters = new EnumMap<>(ReloadOutcome.class);

    /**
     * @param service ingester, enricher or alerts
     * @param config  what the files hold, e.g. {@code sources}, {@code dictionary}, {@code watches}
     */
    public ConfigReloads(MeterRegistry registry, String service, String config) {
        for (ReloadOutcome outcome : ReloadOutcome.values()) {
            counters.put(outcome, Counter.builder("newswatch." + service + ".config.reloads")
                    .description("Edits of configuration files while the service runs, by what they hold and"
                            + " whether they were put in force or rejected (the running configuration then stays)")
                    .tag("config", config)
                    .tag("outcome", MetricTags.of(outcome))
                    .register(registry));
        }
    }

    @Override
    public void accept(ReloadOutcome outcome) {
        counters.get(outcome).increment();
    }
}
