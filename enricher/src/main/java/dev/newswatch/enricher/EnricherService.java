package dev.newswatch.enricher;

import java.time.Clock;
import java.time.Duration;
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

/** The enricher as a running service: a Kafka Streams application plus its metrics and health endpoint. */
public final class EnricherService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(EnricherService.class);
    /** How soon an edit of entities.yml or topics.yml takes effect. */
    private static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

    private final EnricherSettings settings;
    private final KafkaSettings kafka;
    private final ArticleEnricher enricher;
    private final ServiceMetrics serviceMetrics;
    private final EnricherMetrics metrics;
    private final DictionaryReloader reloader;
    private volatile StreamsApplication application;

    /** Reads the entity dictionary and topic rules now, so bad configuration stops the process before start. */
    public EnricherService(EnricherSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
        EntityDictionary dictionary = EntityDictionary.load(settings.entitiesFile());
        TopicRules rules = TopicRules.load(settings.topicsFile());
        this.enricher = ArticleEnricher.of(dictionary, rules, Clock.systemUTC());
        this.serviceMetrics = new ServiceMetrics();
        this.metrics = new EnricherMetrics(serviceMetrics.registry(), rules);
        this.reloader = new DictionaryReloader(settings.entitiesFile(), settings.topicsFile(), enricher, metrics);
        log.info("Enricher knows {} entities and {} topics", dictionary.entities().size(), rules.rules().size());
    }

    @Override
    public String name() {
        return "enricher";
    }

    @Override
    public synchronized void start() {
        // news.raw too: the enricher must be able to start before the ingester has ever run.
        new TopicCreator(kafka, settings.applicationId() + "-admin").ensure(
                Stream.of(Topics.RAW, Topics.ENRICHED, Topics.RAW_DEAD_LETTERS).map(Topic::name).toList());
        application = StreamsApplication.start(name(),
                EnricherTopology.build(enricher, metrics, settings, serviceMetrics.registry()),
                kafka.streams(settings.applicationId(), settings.stateDirectory(), settings.commitInterval()),
                serviceMetrics, settings.metricsPort());
        reloader.start(RELOAD_INTERVAL);
        log.info("Enricher reads {} and serves metrics on port {}", Topics.RAW.name(), application.metricsPort());
    }

    @Override
    public boolean isHealthy() {
        StreamsApplication running = application;
        return running != null && running.isHealthy();
    }

    /** The port /metrics and /health are served on; useful when the settings asked for any free port. */
    public synchronized int metricsPort() {
        if (application == null) {
            throw new IllegalStateException("the enricher has not been started");
        }
        return application.metricsPort();
    }

    @Override
    public synchronized void close() {
        reloader.close();
        if (application != null) {
            application.close();
            application = null;
        }
        serviceMetrics.close();
    }
}
