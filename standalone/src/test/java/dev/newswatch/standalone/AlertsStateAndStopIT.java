package dev.newswatch.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.newswatch.alerts.AlertsMain;
import dev.newswatch.common.Topics;
import dev.newswatch.testsupport.AlertsSettingsFile;

/** {@link StreamsServiceFaults} of the alerts service: one alert per watched article on news.alerts and alerts.&lt;id&gt;. */
class AlertsStateAndStopIT extends StreamsServiceFaults {

    private final String watchId = "state-" + run;

    @Override
    Class<?> main() {
        return AlertsMain.class;
    }

    @Override
    Path writeConfig(Path directory, int metricsPort, Path stateDirectory) throws IOException {
        Path watches = Files.writeString(directory.resolve("watches.yml"), """
                watches:
                  - id: %s
                    severity: high
                    when: {outlets: [%s]}
                """.formatted(watchId, OutletArticles.WATCHED), StandardCharsets.UTF_8);
        Path config = AlertsSettingsFile.write(directory, kafka.bootstrapServers(), metricsPort, watches,
                "alerts-state-it-" + run);
        if (!stateDirectory.equals(directory.resolve("state"))) {
            throw new IllegalArgumentException("AlertsSettingsFile keeps the state in " + directory.resolve("state"));
        }
        return config;
    }

    @Override
    ProducerRecord<String, byte[]> input(String id) {
        return OutletArticles.enriched(id);
    }

    @Override
    List<String> outputs() {
        return List.of(Topics.watchAlerts(watchId), Topics.ALERTS);
    }

    /** One alert per watched article, keyed {@code <watch-id>:<event-id>}; each article is its own event. */
    @Override
    Set<String> expectedKeys() {
        return Set.copyOf(ids.stream().filter(OutletArticles::watched).map(id -> watchId + ":" + id).toList());
    }

    @Override
    String createdAtStart() {
        return Topics.watchAlerts(watchId);
    }
}
