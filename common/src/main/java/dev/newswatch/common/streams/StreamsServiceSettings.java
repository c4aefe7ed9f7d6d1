package dev.newswatch.common.streams;

import java.nio.file.Path;
import java.time.Duration;

/** What a {@link StreamsService} needs of its settings section. */
public interface StreamsServiceSettings {

    /** Where both Streams services keep their state when their section does not say. */
    Path DEFAULT_STATE_DIRECTORY = Path.of("data", "streams");
    Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    /** Kafka Streams application id, which is also the consumer group. */
    String applicationId();

    Path stateDirectory();

    /** How long a record may wait in an open transaction before the next service sees it. */
    Duration commitInterval();

    /** Port of /metrics and /health; 0 means any free port. */
    Integer metricsPort();
}
