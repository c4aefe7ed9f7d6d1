package dev.newswatch.ingester;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.MetricsServer;
import dev.newswatch.common.metrics.ServiceMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/** Wires the ingester: sources file, published state, publisher, metrics, and the per-source polling. */
public final class IngesterService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(IngesterService.class);
    private static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(1);

    private final IngesterSettings settings;
    private final KafkaSettings kafka;
    private final List<Source> sources;

    private ServiceMetrics serviceMetrics;
    private volatile ArticlePublisher publisher;
    private KafkaClientMetrics producerMetrics;
    private MetricsServer metricsServer;
    private volatile SourceScheduler scheduler;
    private volatile boolean running;

    /** Reads the sources file at once, so a bad file stops the service before it starts. */
    public IngesterService(IngesterSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.sources = SourcesConfig.load(settings.sourcesFile()).sources();
    }

    @Override
    public String name() {
        return "ingester";
    }

    @Override
    public synchronized void start() {
        TopicCreator topics = new TopicCreator(kafka, "newswatch-ingester-admin");
        topics.ensure(List.of(Topics.RAW_ARTICLES));
        topics.ensureCompacted(Topics.INGESTER_PUBLISHED);

        PublishedArticles published = new PublishedArticles();
        published.load(kafka, STATE_LOAD_TIMEOUT);
        publisher = new ArticlePublisher(kafka, settings.transactionalId(), published);

        serviceMetrics = new ServiceMetrics();
        producerMetrics = new KafkaClientMetrics(publisher.producer());
        producerMetrics.bindTo(serviceMetrics.registry());
        IngesterMetrics metrics = new IngesterMetrics(serviceMetrics.registry(), sources);
        metricsServer = MetricsServer.start(name(), MetricsServer.ALL_INTERFACES, settings.metricsPort(), serviceMetrics.registry(),
                this::isHealthy);

        PageFetcher fetcher = new PageFetcher(settings);
        BodyDecoder decoder = new BodyDecoder();
        SourcePoller poller = new SourcePoller(new FeedPoller(fetcher, decoder), fetcher, decoder,
                new ArticleExtractor(), published, publisher, metrics, Clock.systemUTC());
        scheduler = new SourceScheduler(sources, poller::poll);
        running = true;
        scheduler.start();
        log.info("Polling {} sources; metrics on port {}", sources.size(), metricsServer.port());
    }

    @Override
    public boolean isHealthy() {
        SourceScheduler currentScheduler = scheduler;
        ArticlePublisher currentPublisher = publisher;
        return running && currentScheduler != null && currentScheduler.isRunning()
                && currentPublisher != null && currentPublisher.isUsable();
    }

    /** The port serving /metrics and /health; useful when the settings asked for any free port. */
    public int metricsPort() {
        if (metricsServer == null) {
            throw new IllegalStateException("the ingester is not started");
        }
        return metricsServer.port();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (scheduler != null) {
            scheduler.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (metricsServer != null) {
            metricsServer.close();
        }
        if (serviceMetrics != null) {
            serviceMetrics.close();
        }
        scheduler = null;
        publisher = null;
        producerMetrics = null;
        metricsServer = null;
        serviceMetrics = null;
    }
}
