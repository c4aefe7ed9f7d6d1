package dev.newswatch.ingester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.MetricsServer;
import dev.newswatch.common.metrics.ServiceMetrics;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchMetrics;
import dev.newswatch.ingester.publish.ArticlePublisher;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceScheduler;
import dev.newswatch.ingester.source.SourcesConfig;
import dev.newswatch.ingester.source.SourcesReloader;
import dev.newswatch.ingester.state.PublishedArticles;
import dev.newswatch.ingester.state.SourceStates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Wires the ingester: sources file and its reloading, crawl state, publisher, metrics, and per-source polling.
 */
public final class IngesterService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(IngesterService.class);
    private static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(1);
    /** How often the sources file is checked for edits. */
    static final Duration RELOAD_CHECK = Duration.ofSeconds(2);

    private final IngesterSettings settings;
    private final KafkaSettings kafka;
    private final byte[] sourcesFileContent;
    private volatile List<Source> sources;

    private ServiceMetrics serviceMetrics;
    private volatile ArticlePublisher publisher;
    /** The client metrics of the producer in use; the publisher may replace its producer after a failure. */
    private final AtomicReference<KafkaClientMetrics> producerMetrics = new AtomicReference<>();
    private MetricsServer metricsServer;
    private IngesterMetrics metrics;
    private volatile SourceScheduler scheduler;
    private SourcesReloader reloader;
    private volatile boolean running;

    /** Reads the sources file at once, so a bad file stops the service before it starts. */
    public IngesterService(IngesterSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.sources = SourcesConfig.load(settings.sourcesFile()).sources();
        try {
            this.sourcesFileContent = Files.readAllBytes(settings.sourcesFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        topics.ensureCompacted(Topics.INGESTER_SOURCES);

        SourceStates states = new SourceStates();
        states.load(kafka, STATE_LOAD_TIMEOUT);
        serviceMetrics = new ServiceMetrics();
        MeterRegistry registry = serviceMetrics.registry();
        PublishedArticles published = new PublishedArticles();
        publisher = new ArticlePublisher(kafka, settings.transactionalId(), published,
                producer -> bindProducerMetrics(registry, producer));
        try {
            publisher.start();
        } catch (IngestException e) {
            throw new IllegalStateException("the ingester cannot publish to Kafka: " + e.getMessage(), e);
        }
        metrics = new IngesterMetrics(serviceMetrics.registry(), sources);
        sources.forEach(source -> metrics.pendingArticles(source.id(), states.pendingCount(source.id())));
        metricsServer = MetricsServer.start(name(), MetricsServer.ALL_INTERFACES, settings.metricsPort(),
                serviceMetrics.registry(), this::isHealthy, this::isReady);

        Clock clock = Clock.systemUTC();
        SourcePoller poller = new SourcePoller(Crawler.create(settings, new FetchMetrics(registry)), published, states,
                publisher, metrics, clock);
        scheduler = new SourceScheduler(poller::poll, source -> states.untilDue(source, clock.instant()),
                metrics::error);
        reloader = new SourcesReloader(settings.sourcesFile(), sourcesFileContent, this::applySources,
                metrics::reloaded);
        running = true;
        scheduler.start(sources);
        reloader.start(RELOAD_CHECK);
        log.info("Polling {} sources from {}; metrics on port {}", sources.size(), settings.sourcesFile(),
                metricsServer.port());
    }

    /**
     * Binds a new producer's client metrics in place of the last one's, which go first: both producers share
     * one client id, so they share meter ids. Not synchronized on the service: a poll thread calls it, and
     * close() waits for poll threads.
     */
    private void bindProducerMetrics(MeterRegistry registry, Producer<String, byte[]> producer) {
        KafkaClientMetrics replaced = producerMetrics.getAndSet(null);
        if (replaced != null) {
            replaced.close();
        }
        KafkaClientMetrics bound = new KafkaClientMetrics(producer);
        bound.bindTo(registry);
        producerMetrics.set(bound);
    }

    private synchronized void applySources(List<Source> reloaded) {
        if (scheduler == null) {
            return;
        }
        Set<String> removed = new HashSet<>(sources.stream().map(Source::id).toList());
        reloaded.forEach(source -> removed.remove(source.id()));
        removed.forEach(metrics::unregister);
        reloaded.forEach(metrics::register);
        scheduler.apply(reloaded);
        sources = List.copyOf(reloaded);
        log.info("Sources now: {}{}", reloaded.stream().map(Source::id).toList(),
                removed.isEmpty() ? "" : "; stopped " + removed);
    }

    /**
     * Alive while polling with a usable producer; an unreachable broker does not make it DOWN, since the producer
     * reconnects by itself and a restart would not help.
     */
    @Override
    public boolean isHealthy() {
        SourceScheduler currentScheduler = scheduler;
        ArticlePublisher currentPublisher = publisher;
        return running && currentScheduler != null && currentScheduler.isRunning()
                && currentPublisher != null && currentPublisher.isUsable();
    }

    /** Ready while alive and able to publish: not ready after a failed commit (Kafka unreachable) until one succeeds. */
    private boolean isReady() {
        ArticlePublisher currentPublisher = publisher;
        return isHealthy() && currentPublisher != null && currentPublisher.canPublish();
    }

    /** The port serving /metrics, /health and /ready; useful when the settings asked for any free port. */
    public int metricsPort() {
        if (metricsServer == null) {
            throw new IllegalStateException("the ingester is not started");
        }
        return metricsServer.port();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (reloader != null) {
            reloader.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        KafkaClientMetrics boundProducerMetrics = producerMetrics.getAndSet(null);
        if (boundProducerMetrics != null) {
            boundProducerMetrics.close();
        }
        if (metricsServer != null) {
            metricsServer.close();
        }
        if (serviceMetrics != null) {
            serviceMetrics.close();
        }
        reloader = null;
        scheduler = null;
        publisher = null;
        metricsServer = null;
        serviceMetrics = null;
    }
}
