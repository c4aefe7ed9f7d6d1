package dev.newswatch.enricher;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code enricher} section of {@code config/newswatch.yml}.
 *
 * @param metricsPort     where /metrics and /health are served; 0 picks a free port, absent means 9402
 * @param entitiesFile    the entity dictionary
 * @param topicsFile      the topic rules
 * @param applicationId   Kafka Streams application id, also the consumer group
 * @param stateDirectory  Kafka Streams state directory
 * @param commitInterval  how long a record may wait in an open transaction before the next service sees it
 */
public record EnricherSettings(
        Integer metricsPort,
        Path entitiesFile,
        Path topicsFile,
        String applicationId,
        Path stateDirectory,
        Duration commitInterval) {

    public EnricherSettings {
        // The port is an Integer, not an int: 0 must stay "any free port" for tests and the one-process runner.
        metricsPort = metricsPort == null ? 9402 : metricsPort;
        entitiesFile = entitiesFile == null ? Path.of("config", "entities.yml") : entitiesFile;
        topicsFile = topicsFile == null ? Path.of("config", "topics.yml") : topicsFile;
        applicationId = applicationId == null || applicationId.isBlank() ? "newswatch-enricher" : applicationId;
        stateDirectory = stateDirectory == null ? Path.of("data", "streams") : stateDirectory;
        commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new IllegalArgumentException("metricsPort must be between 0 and 65535, not " + metricsPort);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive, not " + commitInterval);
        }
    }

    public static EnricherSettings defaults() {
        return new EnricherSettings(null, null, null, null, null, null);
    }

    public EnricherSettings withMetricsPort(int port) {
        return new EnricherSettings(port, entitiesFile, topicsFile, applicationId, stateDirectory, commitInterval);
    }

    public EnricherSettings withEntitiesFile(Path file) {
        return new EnricherSettings(metricsPort, file, topicsFile, applicationId, stateDirectory, commitInterval);
    }

    public EnricherSettings withTopicsFile(Path file) {
        return new EnricherSettings(metricsPort, entitiesFile, file, applicationId, stateDirectory, commitInterval);
    }

    public EnricherSettings withStateDirectory(Path directory) {
        return new EnricherSettings(metricsPort, entitiesFile, topicsFile, applicationId, directory, commitInterval);
    }

    public EnricherSettings withApplicationId(String id) {
        return new EnricherSettings(metricsPort, entitiesFile, topicsFile, id, stateDirectory, commitInterval);
    }
}
