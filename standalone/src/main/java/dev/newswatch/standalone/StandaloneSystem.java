package dev.newswatch.standalone;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.alerts.AlertsService;
import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.enricher.EnricherService;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.ingester.IngesterService;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The three services in this process, talking through a broker as they would as separate processes. Closing
 * it stops them in reverse order of their start.
 */
public final class StandaloneSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneSystem.class);

    private final List<NewswatchService> started = new ArrayList<>();

    private StandaloneSystem() {
    }

    /** Starts alerts, enricher and ingester against {@code broker}, downstream first. */
    public static StandaloneSystem start(EmbeddedKafkaBroker broker, KafkaSettings kafka, IngesterSettings ingester,
            EnricherSettings enricher, AlertsSettings alerts) {
        KafkaSettings onBroker = new KafkaSettings(broker.bootstrapServers(), kafka.partitions(),
                kafka.replicationFactor(), kafka.properties());
        StandaloneSystem system = new StandaloneSystem();
        try {
            system.startService(new AlertsService(alerts, onBroker));
            system.startService(new EnricherService(enricher, onBroker));
            system.startService(new IngesterService(ingester, onBroker));
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void startService(NewswatchService service) {
        started.add(service);
        service.start();
        log.info("{} started", service.name());
    }

    public boolean isHealthy() {
        return started.stream().allMatch(NewswatchService::isHealthy);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            NewswatchService service = started.get(i);
            try {
                service.close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", service.name(), e.getMessage());
            }
        }
        started.clear();
    }
}
