package dev.newswatch.systemtests;

import java.nio.file.Path;
import java.time.Duration;

import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.standalone.StandaloneSystem;

/**
 * The three services in this JVM with the project's config/newswatch.yml, crawling {@code sourcesFile}, against
 * the broker at {@code bootstrapServers}: metrics on free ports, Streams state under {@code workDirectory}, one
 * request to a host every {@code hostDelay}.
 */
final class InProcessServices {

    private InProcessServices() {
    }

    static StandaloneSystem start(String bootstrapServers, Path sourcesFile, Path workDirectory, Duration hostDelay) {
        Path config = ServiceLauncher.DEFAULT_CONFIG;
        Path state = workDirectory.resolve("streams");
        IngesterSettings ingester = ConfigLoader.loadSection(config, "ingester", IngesterSettings.class)
                .withSourcesFile(sourcesFile).withMetricsPort(0).withHostDelay(hostDelay);
        EnricherSettings enricher = ConfigLoader.loadSection(config, "enricher", EnricherSettings.class)
                .withStateDirectory(state).withMetricsPort(0);
        AlertsSettings alerts = AlertsSettings.load(config).withStateDirectory(state).withMetricsPort(0);
        return StandaloneSystem.prepare(bootstrapServers, KafkaSettings.defaults(), ingester, enricher, alerts).start();
    }
}
