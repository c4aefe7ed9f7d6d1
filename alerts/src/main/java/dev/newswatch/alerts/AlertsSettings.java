package dev.newswatch.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.newswatch.alerts.delivery.DeliverySettings;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;
import dev.newswatch.common.config.ConfigValues;
import dev.newswatch.common.config.InstanceId;
import dev.newswatch.common.streams.StreamsServiceSettings;

/**
 * The {@code alerts} section of {@code config/newswatch.yml}.
 *
 * @param metricsPort    port of the /metrics and /health endpoint; absent means 9403, 0 means any free port
 * @param watchesFile    watches that seed the watches topic, see {@code config/watches.yml}
 * @param entitiesFile   the enricher's entity dictionary, whose ids watches may name
 * @param topicsFile     the enricher's topic rules, whose ids watches may name
 * @param applicationId  Kafka Streams application id, which is also the consumer group
 * @param instanceId     names this instance among the alerts instances: its webhook deliverer's transactional id
 *                       is {@code <applicationId>-webhooks-<instanceId>}; absent means {@code <host name>-<metricsPort>}
 * @param stateDirectory Kafka Streams state directory
 * @param commitInterval how long a record may wait in an open transaction before the next service sees it
 * @param eventWindow    how long after an event's first report a later report updates the alert instead of raising
 *                       a new one; absent means the enricher's default event window; never shorter than the
 *                       enricher's
 * @param updateInterval the least time between two writes of one alert: reports arriving sooner wait and go out
 *                       together; absent means 5 minutes
 * @param webhooks       how hard each webhook is tried; absent values are {@link DeliverySettings}' defaults
 */
public record AlertsSettings(
        Integer metricsPort,
        Path watchesFile,
        Path entitiesFile,
        Path topicsFile,
        String applicationId,
        String instanceId,
        Path stateDirectory,
        Duration commitInterval,
        Duration eventWindow,
        Duration updateInterval,
        DeliverySettings webhooks) implements StreamsServiceSettings {

    public static final int DEFAULT_METRICS_PORT = 9403;
    public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMinutes(5);

    public AlertsSettings {
        // Boxed so that 0 can keep its usual meaning of "any free port", which tests and the one-process runner use.
        metricsPort = metricsPort == null ? DEFAULT_METRICS_PORT : metricsPort;
        watchesFile = watchesFile == null ? Path.of("config", "watches.yml") : watchesFile;
        entitiesFile = entitiesFile == null ? ConfigValues.DEFAULT_ENTITIES_FILE : entitiesFile;
        topicsFile = topicsFile == null ? ConfigValues.DEFAULT_TOPICS_FILE : topicsFile;
        applicationId = applicationId == null || applicationId.isBlank() ? "newswatch-alerts" : applicationId;
        instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
        stateDirectory = stateDirectory == null ? DEFAULT_STATE_DIRECTORY : stateDirectory;
        commitInterval = commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval;
        eventWindow = eventWindow == null ? ConfigValues.DEFAULT_EVENT_WINDOW : eventWindow;
        updateInterval = updateInterval == null ? DEFAULT_UPDATE_INTERVAL : updateInterval;
        webhooks = webhooks == null ? DeliverySettings.defaults() : webhooks;
        ConfigValues.port("metricsPort", metricsPort);
        ConfigValues.positive("commitInterval", commitInterval);
        ConfigValues.positive("eventWindow", eventWindow);
        ConfigValues.positive("updateInterval", updateInterval);
    }

    /** What the alerts service needs of the enricher's section of the same file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EnricherEventWindow(Duration eventWindow) {
        EnricherEventWindow {
            eventWindow = eventWindow == null ? ConfigValues.DEFAULT_EVENT_WINDOW : eventWindow;
        }
    }

    /**
     * Reads the {@code alerts} section of the settings file all services share. Its eventWindow must be at least
     * the enricher's in the same file: a report that arrives after the alerts' window but within the enricher's
     * still carries the event's id, finds no alert to update, and raises the alert a second time.
     */
    public static AlertsSettings load(Path configFile) {
        Duration enricherWindow = ConfigLoader.loadSection(configFile, "enricher", EnricherEventWindow.class)
                .eventWindow();
        return ConfigLoader.loadSection(configFile, "alerts", AlertsSettings.class, settings ->
                settings.eventWindow.compareTo(enricherWindow) >= 0 ? List.of()
                        : List.of(ConfigProblem.at("/alerts/eventWindow", settings.eventWindow
                                + " is shorter than enricher.eventWindow " + enricherWindow + ": a later report of an"
                                + " event the enricher still groups would raise its alert again; make it at least "
                                + enricherWindow)));
    }

    /** This instance's id: as set, or {@code <host name>-<metricsPort>}. */
    @Override
    public String instanceId() {
        return InstanceId.resolve(instanceId, metricsPort);
    }

    public static AlertsSettings defaults() {
        return new AlertsSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    public AlertsSettings withMetricsPort(int port) {
        return new AlertsSettings(port, watchesFile, entitiesFile, topicsFile, applicationId, instanceId, stateDirectory,
                commitInterval, eventWindow, updateInterval, webhooks);
    }

    public AlertsSettings withStateDirectory(Path directory) {
        return new AlertsSettings(metricsPort, watchesFile, entitiesFile, topicsFile, applicationId, instanceId, directory,
                commitInterval, eventWindow, updateInterval, webhooks);
    }

    public AlertsSettings withWatchesFile(Path file) {
        return new AlertsSettings(metricsPort, file, entitiesFile, topicsFile, applicationId, instanceId, stateDirectory,
                commitInterval, eventWindow, updateInterval, webhooks);
    }
}
