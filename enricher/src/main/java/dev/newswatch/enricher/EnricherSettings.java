package dev.newswatch.enricher;

import java.nio.file.Path;
import java.time.Duration;

import dev.newswatch.common.config.ConfigValues;
import dev.newswatch.common.config.InvalidConfigValue;
import dev.newswatch.common.streams.StreamsServiceSettings;

/**
 * The {@code enricher} section of {@code config/newswatch.yml}.
 *
 * @param metricsPort     where /metrics and /health are served; 0 picks a free port, absent means 9402
 * @param entitiesFile    the entity dictionary
 * @param topicsFile      the topic rules
 * @param applicationId   Kafka Streams application id, also the consumer group
 * @param stateDirectory  Kafka Streams state directory
 * @param commitInterval  how long a record may wait in an open transaction before the next service sees it
 * @param storyWindow     how long after an article a copy of it still gets its story id; absent means 72 hours
 *                        ({@link ConfigValues#DEFAULT_STORY_WINDOW}); the alerts service's must be at least as long
 * @param storySimilarity least estimated Jaccard similarity of two articles' character shingles for them to be
 *                        one story, above 0 and at most 1; absent means 0.3 (rewrites of one wire report score
 *                        0.5 to 0.7, different reports on the same companies below 0.2)
 * @param eventWindow     how far apart reports of one development may be published to share an event id, and how
 *                        long the event index keeps an article; absent means 7 days
 * @param eventSimilarity least similarity of two articles' weighted event terms for one event, above 0 and at most
 *                        1; absent means 0.17 (on real Korean news, reports of one development by different outlets
 *                        mostly score 0.17 to 0.8, different developments on the same companies mostly below 0.17,
 *                        name two actors or two reporting periods, or share no rare detail)
 * @param maxTextChars    longest article text tagged; a longer one is cut to this many characters first; absent
 *                        means 50,000 (a long feature is about 10,000)
 * @param standbyReplicas how many other enricher instances keep a warm copy of each task's state (Kafka Streams'
 *                        {@code num.standby.replicas}), so the story and event indexes move to a survivor without
 *                        being restored from their changelogs; absent means 0, right for one instance
 */
public record EnricherSettings(
        Integer metricsPort,
        Path entitiesFile,
        Path topicsFile,
        String applicationId,
        Path stateDirectory,
        Duration commitInterval,
        Duration storyWindow,
        Double storySimilarity,
        Duration eventWindow,
        Double eventSimilarity,
        Integer maxTextChars,
        Integer standbyReplicas) implements StreamsServiceSettings {

    /** Shorter texts than this would cut real articles. */
    static final int LEAST_TEXT_CHARS = 1_000;

    public EnricherSettings {
        // The port is an Integer, not an int: 0 must stay "any free port" for tests and the one-process runner.
        metricsPort = metricsPort == null ? 9402 : metricsPort;
        entitiesFile = entitiesFile == null ? ConfigValues.DEFAULT_ENTITIES_FILE : entitiesFile;
        topicsFile = topicsFile == null ? ConfigValues.DEFAULT_TOPICS_FILE : topicsFile;
        applicationId = applicationId == null || applicationId.isBlank() ? "newswatch-enricher" : applicationId;
        stateDirectory = stateDirectory == null ? DEFAULT_STATE_DIRECTORY : stateDirectory;
        commitInterval = commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval;
        storyWindow = storyWindow == null ? ConfigValues.DEFAULT_STORY_WINDOW : storyWindow;
        storySimilarity = storySimilarity == null ? 0.3 : storySimilarity;
        eventWindow = eventWindow == null ? ConfigValues.DEFAULT_EVENT_WINDOW : eventWindow;
        eventSimilarity = eventSimilarity == null ? 0.17 : eventSimilarity;
        maxTextChars = maxTextChars == null ? 50_000 : maxTextChars;
        standbyReplicas = standbyReplicas == null ? 0 : standbyReplicas;
        ConfigValues.port("metricsPort", metricsPort);
        ConfigValues.positive("commitInterval", commitInterval);
        ConfigValues.positive("storyWindow", storyWindow);
        ConfigValues.positive("eventWindow", eventWindow);
        requireShare("storySimilarity", storySimilarity);
        requireShare("eventSimilarity", eventSimilarity);
        if (maxTextChars < LEAST_TEXT_CHARS) {
            throw new InvalidConfigValue("maxTextChars",
                    "must be at least " + LEAST_TEXT_CHARS + ", not " + maxTextChars);
        }
        if (standbyReplicas < 0) {
            throw new InvalidConfigValue("standbyReplicas", "must be 0 or more, not " + standbyReplicas);
        }
    }

    private static void requireShare(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidConfigValue(field, "must be above 0 and at most 1, not " + value);
        }
    }

    public static EnricherSettings defaults() {
        return new EnricherSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public EnricherSettings withMetricsPort(int port) {
        return new EnricherSettings(port, entitiesFile, topicsFile, applicationId, stateDirectory, commitInterval,
                storyWindow, storySimilarity, eventWindow, eventSimilarity, maxTextChars, standbyReplicas);
    }

    public EnricherSettings withStateDirectory(Path directory) {
        return new EnricherSettings(metricsPort, entitiesFile, topicsFile, applicationId, directory, commitInterval,
                storyWindow, storySimilarity, eventWindow, eventSimilarity, maxTextChars, standbyReplicas);
    }

    public EnricherSettings withApplicationId(String id) {
        return new EnricherSettings(metricsPort, entitiesFile, topicsFile, id, stateDirectory, commitInterval,
                storyWindow, storySimilarity, eventWindow, eventSimilarity, maxTextChars, standbyReplicas);
    }

    public EnricherSettings withStandbyReplicas(int replicas) {
        return new EnricherSettings(metricsPort, entitiesFile, topicsFile, applicationId, stateDirectory,
                commitInterval, storyWindow, storySimilarity, eventWindow, eventSimilarity, maxTextChars, replicas);
    }

    public EnricherSettings withEventSimilarity(double similarity) {
        return new EnricherSettings(metricsPort, entitiesFile, topicsFile, applicationId, stateDirectory,
                commitInterval, storyWindow, storySimilarity, eventWindow, similarity, maxTextChars, standbyReplicas);
    }
}
