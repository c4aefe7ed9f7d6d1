package dev.newswatch.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;
import dev.newswatch.common.config.ConfigValues;
import dev.newswatch.common.streams.StreamsServiceSettings;

/**
 * The {@code alerts} section of {@code config/newswatch.yml}.
 *
 * @param metricsPort    port of the /metrics and /health endpoint; absent means 9403, 0 means any free port
 * @param watchesFile    the watch definitions, see {@code config/watches.yml}
 * @param entitiesFile   the enricher's entity dictionary, whose ids watches may name
 * @param topicsFile     the enricher's topic rules, whose ids watches may name
 * @param applicationId  Kafka Streams application id, which is also the consumer group
 * @param stateDirectory Kafka Streams state directory
 * @param commitInterval how long a record may wait in an open transaction before the next service sees it
 * @param storyWindow    how long a watch stays quiet about later copies of a story it alerted; absent means 72
 *                       hours, the enricher's default story window; never shorter than the enricher's
 */
public record AlertsSettings(
        Integer metricsPort,
        Path watchesFile,
        Path entitiesFile,
        Path topicsFile,
        String applicationId,
        Path stateDirectory,
        Duration commitInterval,
        Duration storyWindow) implements StreamsServiceSettings {

    public static final int DEFAULT_METRICS_PORT = 9403;

    public AlertsSettings {
        // Boxed so that 0 can keep its usual meaning of "any free port", which tests and the one-process runner use.
        metricsPort = metricsPort == null ? DEFAULT_METRICS_PORT : metricsPort;
        watchesFile = watchesFile == null ? Path.of("config", "watches.yml") : watchesFile;
        entitiesFile = entitiesFile == null ? ConfigValues.DEFAULT_ENTITIES_FILE : entitiesFile;
        topicsFile = topicsFile == null ? ConfigValues.DEFAULT_TOPICS_FILE : topicsFile;
        applicationId = applicationId == null || applicationId.isBlank() ? "newswatch-alerts" : applicationId;
        stateDirectory = stateDirectory == null ? DEFAULT_STATE_DIRECTORY : stateDirectory;
        commitInterval = commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval;
        storyWindow = storyWindow == null ? ConfigValues.DEFAULT_STORY_WINDOW : storyWindow;
        ConfigValues.port("metricsPort", metricsPort);
        ConfigValues.positive("commitInterval", commitInterval);
        ConfigValues.positive("storyWindow", storyWindow);
    }

    /** What the alerts service needs of the enricher's section of the same file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EnricherStoryWindow(Duration storyWindow) {
        EnricherStoryWindow {
            storyWindow = storyWindow == null ? ConfigValues.DEFAULT_STORY_WINDOW : storyWindow;
        }
    }

    /**
     * Reads the {@code alerts} section of the settings file all services share. Its storyWindow must be at least
     * the enricher's in the same file: a copy of a story that arrives after the alerts' window but within the
     * enricher's still carries the story's id, finds no alert to stay quiet for, and alerts a second time.
     */
    public static AlertsSettings load(Path configFile) {
        Duration enricherWindow = ConfigLoader.loadSection(configFile, "enricher", EnricherStoryWindow.class)
                .storyWindow();
        return ConfigLoader.loadSection(configFile, "alerts", AlertsSettings.class, settings ->
                settings.storyWindow.compareTo(enricherWindow) >= 0 ? List.of()
                        : List.of(ConfigProblem.at("/alerts/storyWindow", settings.storyWindow
                                + " is shorter than enricher.storyWindow " + enricherWindow + ": a later copy of a"
                                + " story the enricher still groups would alert again; make it at least "
                                + enricherWindow)));
    }

    public static AlertsSettings defaults() {
        return new AlertsSettings(null, null, null, null, null, null, null, null);
    }

    public AlertsSettings withMetricsPort(int port) {
        return new AlertsSettings(port, watchesFile, entitiesFile, topicsFile, applicationId, stateDirectory,
                commitInterval, storyWindow);
    }

    public AlertsSettings withStateDirectory(Path directory) {
        return new AlertsSettings(metricsPort, watchesFile, entitiesFile, topicsFile, applicationId, directory,
                commitInterval, storyWindow);
    }
}
