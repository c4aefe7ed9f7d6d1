package dev.newswatch.common.streams;

import java.nio.file.Path;
import java.time.Duration;

/** What a {@link StreamsService} needs of its settings section. */
public interface StreamsServiceSettings {

    /** Kafka Streams application id, which is also the consumer group. */
    String applicationId();

    Path stateDirectory();

    /** How long a record may wait in an open transaction before the next service sees it. */
    Duration commitInterval();

    /** Port of /metrics and /health; 0 means any free port. */
    Integer metricsPort();
}
