package dev.newswatch.common.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Checks that several config records make of their fields, each rejecting a bad value by the field's name, and
 * the defaults that more than one service must agree on.
 */
public final class ConfigValues {

    /**
     * The enricher's {@code storyWindow} when its section leaves it out: how long copies of a story get the first
     * copy's story id. The alerts service checks its own window against it.
     */
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofHours(72);
    /**
     * The enricher's {@code eventWindow} when its section leaves it out: how long reports of one development get
     * the first report's event id. The alerts service checks its own window against it.
     */
    public static final Duration DEFAULT_EVENT_WINDOW = Duration.ofDays(7);
    /** The entity dictionary the enricher tags with and the alerts service checks watches against. */
    public static final Path DEFAULT_ENTITIES_FILE = Path.of("config", "entities.yml");
    /** The topic rules the enricher tags with and the alerts service checks watches against. */
    public static final Path DEFAULT_TOPICS_FILE = Path.of("config", "topics.yml");

    private ConfigValues() {
    }

    /** A TCP port to listen on; 0 means any free port. */
    public static int port(String field, int port) {
        if (port < 0 || port > 65535) {
            throw new InvalidConfigValue(field, "must be between 0 and 65535, not " + port);
        }
        return port;
    }

    public static Duration positive(String field, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidConfigValue(field, "must be positive, not " + duration);
        }
        return duration;
    }
}
