package dev.newswatch.alerts;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.streams.StreamsService;

/** Runs the alerts topology as a Kafka Streams application, with its metrics endpoint. */
public final class AlertsService extends StreamsService<AlertsSettings> {

    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);

    private final Watches watches;
    private final AlertsMetrics metrics;
    private final DeadWatches deadWatches;

    /** Reads the watches file now, so a bad one stops the process before it touches Kafka. */
    public AlertsService(AlertsSettings settings, KafkaSettings kafka) {
        super("alerts", settings, kafka);
        this.watches = Watches.load(settings.watchesFile(),
                Vocabulary.load(settings.entitiesFile(), settings.topicsFile()));
        this.metrics = new AlertsMetrics(registry(), watches.ids());
        this.deadWatches = new DeadWatches(watches, settings.entitiesFile(), settings.topicsFile(), metrics);
    }

    @Override
    protected List<String> topics() {
        return Stream.concat(Stream.of(Topics.ENRICHED, Topics.ALL_ALERTS, Topics.ENRICHED_DEAD_LETTERS)
                .map(Topic::name), watches.ids().stream().map(Topics::watchAlerts)).toList();
    }

    @Override
    protected Topology topology() {
        return AlertsTopology.build(new WatchMatcher(watches.watches(), Clock.systemUTC()), metrics,
                settings().storyWindow());
    }

    @Override
    protected void started(int metricsPort) {
        deadWatches.start(CONFIG_CHECK_INTERVAL);
        log.info("Matching {} against watches {}; metrics on port {}", Topics.ENRICHED.name(), watches.ids(),
                metricsPort);
    }

    @Override
    protected void stopping() {
        deadWatches.close();
    }
}
