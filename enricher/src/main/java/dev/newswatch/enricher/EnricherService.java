package dev.newswatch.enricher;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.MetricsServer;
import dev.newswatch.common.metrics.ServiceMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/** The enricher as a running service: a Kafka Streams application plus its metrics and health endpoint. */
public final class EnricherService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(EnricherService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final String HOST = "0.0.0.0";

    private final EnricherSettings settings;
    private final KafkaSettings kafka;
    private final ArticleEnricher enricher;
    private final ServiceMetrics serviceMetrics;
    private final EnricherMetrics metrics;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private MetricsServer metricsServer;

    /** Reads the entity dictionary and topic rules now, so bad configuration stops the process before start. */
    public EnricherService(EnricherSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
        EntityDictionary dictionary = EntityDictionary.load(settings.entitiesFile());
        TopicRules rules = TopicRules.load(settings.topicsFile());
        this.enricher = ArticleEnricher.of(dictionary, rules, Clock.systemUTC());
        this.serviceMetrics = new ServiceMetrics();
        this.metrics = new EnricherMetrics(serviceMetrics.registry(), rules);
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
                List.of(Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES, Topics.RAW_ARTICLES_DEAD_LETTERS));
        streams = new KafkaStreams(EnricherTopology.build(enricher, metrics),
                kafka.streams(settings.applicationId(), settings.stateDirectory(), settings.commitInterval()));
        streams.setUncaughtExceptionHandler(error -> {
            log.error("Enricher stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(serviceMetrics.registry());
        streams.start();
        metricsServer = MetricsServer.start(name(), HOST, settings.metricsPort(), serviceMetrics.registry(),
                this::isHealthy);
        log.info("Enricher reads {} and serves metrics on port {}", Topics.RAW_ARTICLES, metricsServer.port());
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

    /** The port /metrics and /health are served on; useful when the settings asked for any free port. */
    public synchronized int metricsPort() {
        if (metricsServer == null) {
            throw new IllegalStateException("the enricher has not been started");
        }
        return metricsServer.port();
    }

    @Override
    public synchronized void close() {
        if (metricsServer != null) {
            metricsServer.close();
        }
        if (streams != null) {
            if (!streams.close(CLOSE_TIMEOUT)) {
                log.warn("Enricher streams did not stop within {}", CLOSE_TIMEOUT);
            }
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        serviceMetrics.close();
    }
}
