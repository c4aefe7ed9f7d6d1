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

    /** Downstream first, the order they start in. */
    private final List<NewswatchService> services = new ArrayList<>();

    private StandaloneSystem() {
    }

    /** Starts alerts, enricher and ingester against {@code broker}, downstream first. */
    public static StandaloneSystem start(EmbeddedKafkaBroker broker, KafkaSettings kafka, IngesterSettings ingester,
            EnricherSettings enricher, AlertsSettings alerts) {
        return prepare(broker.bootstrapServers(), kafka, ingester, enricher, alerts).start();
    }

    /**
     * Builds the services, which reads and checks every file they use (sources, dictionary, topic rules,
     * watches), and starts nothing: a bad file is refused before any port or broker is touched.
     */
    public static StandaloneSystem prepare(String bootstrapServers, KafkaSettings kafka, IngesterSettings ingester,
            EnricherSettings enricher, AlertsSettings alerts) {
        KafkaSettings onBroker = new KafkaSettings(bootstrapServers, kafka.partitions(), kafka.replicationFactor(),
                kafka.properties());
        StandaloneSystem system = new StandaloneSystem();
        try {
            system.services.add(new AlertsService(alerts, onBroker));
            system.services.add(new EnricherService(enricher, onBroker));
            system.services.add(new IngesterService(ingester, onBroker));
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** Starts alerts, enricher and ingester, downstream first; on a failure stops those started. */
    public StandaloneSystem start() {
        try {
            for (NewswatchService service : services) {
                service.start();
                log.info("{} started", service.name());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public boolean isHealthy() {
        return services.stream().allMatch(NewswatchService::isHealthy);
    }

    /** Stops every service, in reverse order; a service never started has nothing running and closes at once. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            NewswatchService service = services.get(i);
            try {
                service.close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", service.name(), e.getMessage());
            }
        }
        services.clear();
    }
}
