package dev.newswatch.ingester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.newswatch.common.config.ConfigValues;
import dev.newswatch.common.config.InstanceId;
import dev.newswatch.common.config.InvalidConfigValue;
import dev.newswatch.ingester.fetch.FetchSettings;

/**
 * The {@code ingester} section of {@code config/newswatch.yml}.
 *
 * @param metricsPort     port of /metrics and /health; absent means 9401, 0 means any free port
 * @param sourcesFile     the file listing the sources to poll
 * @param userAgent       how every request names the crawler, and the agent looked up in robots.txt
 * @param hostDelay       least time between two requests to one host (a longer robots.txt Crawl-delay wins)
 * @param fetchTimeout    longest one request may take: connecting, waiting and reading the whole body
 * @param maxBodyBytes    largest response body read, both as sent and once unzipped
 * @param transactionalId base of the Kafka transactional id: each instance uses
 *                        {@code <transactionalId>-<instanceId>}
 * @param instanceId      names this instance among those sharing the sources; stable across restarts, so a
 *                        restarted instance fences its own last producer. Absent means
 *                        {@code <host name>-<metricsPort>}: two instances on one host cannot share a metrics
 *                        port. Set it when metricsPort is 0.
 * @param groupId         the Kafka consumer group whose members share the sources; one per deployment
 * @param assignmentPartitions shares the sources are split into (the assignment topic's partitions, fixed when
 *                        it is created): at most this many instances get work
 */
public record IngesterSettings(
        Integer metricsPort,
        Path sourcesFile,
        String userAgent,
        Duration hostDelay,
        Duration fetchTimeout,
        long maxBodyBytes,
        String transactionalId,
        String instanceId,
        String groupId,
        int assignmentPartitions) {

    public static final int DEFAULT_METRICS_PORT = 9401;

    public IngesterSettings {
        // Boxed so that 0 keeps its usual meaning of "any free port", which tests and the one-process runner use.
        metricsPort = metricsPort == null ? DEFAULT_METRICS_PORT : metricsPort;
        sourcesFile = sourcesFile == null ? Path.of("config", "sources.yml") : sourcesFile;
        userAgent = userAgent == null || userAgent.isBlank()
                ? "NewswatchBot/0.1 (+https://github.com/newswatch/newswatch)" : userAgent;
        hostDelay = hostDelay == null ? Duration.ofSeconds(1) : hostDelay;
        fetchTimeout = fetchTimeout == null || fetchTimeout.isZero() ? Duration.ofSeconds(20) : fetchTimeout;
        maxBodyBytes = maxBodyBytes == 0 ? 5_242_880 : maxBodyBytes;
        transactionalId = transactionalId == null || transactionalId.isBlank() ? "newswatch-ingester" : transactionalId;
        // Left null when absent, and derived when read: withMetricsPort then names the new port.
        instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
        groupId = groupId == null || groupId.isBlank() ? "newswatch-ingester" : groupId;
        assignmentPartitions = assignmentPartitions == 0 ? 12 : assignmentPartitions;
        ConfigValues.port("metricsPort", metricsPort);
        if (hostDelay.isNegative()) {
            throw new InvalidConfigValue("hostDelay", "must not be negative, not " + hostDelay);
        }
        ConfigValues.positive("fetchTimeout", fetchTimeout);
        if (maxBodyBytes < 1) {
            throw new InvalidConfigValue("maxBodyBytes", "must be positive, not " + maxBodyBytes);
        }
        if (assignmentPartitions < 1) {
            throw new InvalidConfigValue("assignmentPartitions", "must be positive, not " + assignmentPartitions);
        }
    }

    /** This instance's id: as set, or {@code <host name>-<metricsPort>}. */
    @Override
    public String instanceId() {
        return InstanceId.resolve(instanceId, metricsPort);
    }

    /** The transactional id of this instance's producer. */
    public String instanceTransactionalId() {
        return transactionalId + "-" + instanceId();
    }

    /** The part of these settings the fetcher reads. */
    public FetchSettings fetch() {
        return new FetchSettings(userAgent, hostDelay, fetchTimeout, maxBodyBytes);
    }

    public static IngesterSettings defaults() {
        return new IngesterSettings(null, null, null, null, null, 0, null, null, null, 0);
    }

    /** These settings serving metrics on {@code port}; 0 picks any free port. */
    public IngesterSettings withMetricsPort(int port) {
        return new IngesterSettings(port, sourcesFile, userAgent, hostDelay, fetchTimeout, maxBodyBytes,
                transactionalId, instanceId, groupId, assignmentPartitions);
    }

    public IngesterSettings withSourcesFile(Path file) {
        return new IngesterSettings(metricsPort, file, userAgent, hostDelay, fetchTimeout, maxBodyBytes,
                transactionalId, instanceId, groupId, assignmentPartitions);
    }

    public IngesterSettings withHostDelay(Duration delay) {
        return new IngesterSettings(metricsPort, sourcesFile, userAgent, delay, fetchTimeout, maxBodyBytes,
                transactionalId, instanceId, groupId, assignmentPartitions);
    }

    public IngesterSettings withTransactionalId(String id) {
        return new IngesterSettings(metricsPort, sourcesFile, userAgent, hostDelay, fetchTimeout, maxBodyBytes, id,
                instanceId, groupId, assignmentPartitions);
    }
}
