package dev.newswatch.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.MetricsServer;
import dev.newswatch.common.metrics.ServiceMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/** Runs the alerts topology as a Kafka Streams application, with its metrics endpoint. */
public final class AlertsService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AlertsSettings settings;
    private final KafkaSettings kafka;
    private final Watches watches;
    private final ServiceMetrics serviceMetrics = new ServiceMetrics();
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private MetricsServer metricsServer;

    /** Reads the watches file now, so a bad one stops the process before it touches Kafka. */
    public AlertsService(AlertsSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.watches = Watches.load(settings.watchesFile());
    }

    @Override
    public String name() {
        return "alerts";
    }

    /** The topics this service reads or writes; it creates them all so the services may start in any order. */
    private List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(Topics.ENRICHED_ARTICLES, Topics.ALERTS,
                Topics.ENRICHED_ARTICLES_DEAD_LETTERS));
        watches.ids().stream().map(Topics::watchAlerts).forEach(topics::add);
        return topics;
    }

    @Override
    public synchronized void start() {
        new TopicCreator(kafka, settings.applicationId() + "-admin").ensure(topics());
        AlertsMetrics metrics = new AlertsMetrics(serviceMetrics.registry(), watches.ids());
        WatchMatcher matcher = new WatchMatcher(watches.watches(), Clock.systemUTC());
        streams = new KafkaStreams(AlertsTopology.build(matcher, metrics),
                kafka.streams(settings.applicationId(), settings.stateDirectory(), settings.commitInterval()));
        streams.setStateListener((now, before) -> log.info("Kafka Streams {} -> {}", before, now));
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(serviceMetrics.registry());
        streams.start();
        metricsServer = MetricsServer.start(name(), "0.0.0.0", settings.metricsPort(), serviceMetrics.registry(),
                this::isHealthy);
        log.info("Matching {} against watches {}; metrics on port {}", Topics.ENRICHED_ARTICLES, watches.ids(),
                metricsServer.port());
    }

    @Override
    public boolean isHealthy() {
        KafkaStreams running = streams;
        if (running == null) {
            return false;
        }
        KafkaStreams.State state = running.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** The port actually serving metrics, useful when the settings asked for any free port. */
    public synchronized int metricsPort() {
        if (metricsServer == null) {
            throw new IllegalStateException("alerts service is not started");
        }
        return metricsServer.port();
    }

    @Override
    public synchronized void close() {
        if (metricsServer != null) {
            metricsServer.close();
            metricsServer = null;
        }
        if (streams != null) {
            if (!streams.close(CLOSE_TIMEOUT)) {
                log.warn("Kafka Streams did not stop within {}", CLOSE_TIMEOUT);
            }
            streamsMetrics.close();
            streams = null;
        }
        serviceMetrics.close();
    }
}
