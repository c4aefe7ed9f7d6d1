package dev.newswatch.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.Topic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.ServiceMetrics;
import dev.newswatch.common.streams.StreamsApplication;

/** Runs the alerts topology as a Kafka Streams application, with its metrics endpoint. */
public final class AlertsService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);

    /** How soon an edit of entities.yml or topics.yml that leaves a watch dead is reported. */
    private static final Duration DICTIONARY_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final AlertsSettings settings;
    private final KafkaSettings kafka;
    private final Watches watches;
    private final ServiceMetrics serviceMetrics = new ServiceMetrics();
    private final AlertsMetrics metrics;
    private final DeadWatches deadWatches;
    private volatile StreamsApplication application;

    /** Reads the watches file now, so a bad one stops the process before it touches Kafka. */
    public AlertsService(AlertsSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.watches = Watches.load(settings.watchesFile(),
                Vocabulary.load(settings.entitiesFile(), settings.topicsFile()));
        this.metrics = new AlertsMetrics(serviceMetrics.registry(), watches.ids());
        this.deadWatches = new DeadWatches(watches, settings.entitiesFile(), settings.topicsFile(), metrics);
    }

    @Override
    public String name() {
        return "alerts";
    }

    /** The topics this service reads or writes; it creates them all so the services may start in any order. */
    private List<String> topics() {
        List<String> topics = new ArrayList<>(Stream.of(Topics.ENRICHED, Topics.ALL_ALERTS,
                Topics.ENRICHED_DEAD_LETTERS).map(Topic::name).toList());
        watches.ids().stream().map(Topics::watchAlerts).forEach(topics::add);
        return topics;
    }

    @Override
    public synchronized void start() {
        new TopicCreator(kafka, settings.applicationId() + "-admin").ensure(topics());
        WatchMatcher matcher = new WatchMatcher(watches.watches(), Clock.systemUTC());
        application = StreamsApplication.start(name(), AlertsTopology.build(matcher, metrics, settings.storyWindow()),
                kafka.streams(settings.applicationId(), settings.stateDirectory(), settings.commitInterval()),
                serviceMetrics, settings.metricsPort());
        deadWatches.start(DICTIONARY_CHECK_INTERVAL);
        log.info("Matching {} against watches {}; metrics on port {}", Topics.ENRICHED.name(), watches.ids(),
                application.metricsPort());
    }

    @Override
    public boolean isHealthy() {
        StreamsApplication running = application;
        return running != null && running.isHealthy();
    }

    /** The port actually serving metrics, useful when the settings asked for any free port. */
    public synchronized int metricsPort() {
        if (application == null) {
            throw new IllegalStateException("alerts service is not started");
        }
        return application.metricsPort();
    }

    @Override
    public synchronized void close() {
        deadWatches.close();
        if (application != null) {
            application.close();
            application = null;
        }
        serviceMetrics.close();
    }
}
