package dev.newswatch.ingester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
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
import dev.newswatch.ingester.assignment.AssignmentConsumer;
import dev.newswatch.ingester.assignment.OwnedPublisher;
import dev.newswatch.ingester.assignment.Ownership;
import dev.newswatch.ingester.assignment.SourcePartitions;
import dev.newswatch.ingester.assignment.TakeoverRetry;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchMetrics;
import dev.newswatch.ingester.publish.ArticlePublisher;
import dev.newswatch.ingester.publish.GroupFence;
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
 *
 * <p>Instances in one consumer group share the sources: each source belongs to a partition of the assignment
 * topic ({@link SourcePartitions}, by site), and an instance polls the sources of the partitions the group gives
 * it. On gaining partitions it reads their sources' crawl state and the published markers again, as the last
 * owner left them, and starts polling them; on losing them it stops publishing for them at once and ends their
 * polls before the group hands them on. One instance alone owns every partition and polls every source.
 */
public final class IngesterService implements NewswatchService {

    private static final Logger log = LoggerFactory.getLogger(IngesterService.class);
    private static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(1);
    /** Reading the crawl state at a takeover is tried again after 1 s, 2 s, ... 30 s; DOWN from the third failure. */
    private final TakeoverRetry takeover = new TakeoverRetry(Duration.ofSeconds(1), Duration.ofSeconds(30), 3);
    /**
     * How long a poll in progress may go on when its source is given up, so that it saves its crawl state for
     * the next owner, before it is interrupted (and waited for as long again).
     */
    private static final Duration RELEASE_GRACE = Duration.ofSeconds(5);
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
    private final Ownership ownership = new Ownership();
    /** Guards the sources and the owned partitions, which the reloader and the assignment thread both change. */
    private final Object sharing = new Object();
    private volatile Map<String, Integer> partitionBySource = Map.of();
    private SourcePartitions partitions;
    private final SourceStates states = new SourceStates();
    private volatile AssignmentConsumer assignments;

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

        partitions = AssignmentConsumer.ensureTopic(kafka, settings.assignmentPartitions());
        partitionBySource = partitionsOf(sources);
        states.load(kafka, STATE_LOAD_TIMEOUT);
        serviceMetrics = new ServiceMetrics();
        MeterRegistry registry = serviceMetrics.registry();
        PublishedArticles published = new PublishedArticles();
        publisher = new ArticlePublisher(kafka, settings.instanceTransactionalId(), published,
                producer -> bindProducerMetrics(registry, producer), this::fenceOf);
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
                new OwnedPublisher(publisher, ownership, this::partitionOf), metrics, clock);
        scheduler = new SourceScheduler(poller::poll, source -> states.untilDue(source, clock.instant()),
                metrics::error);
        reloader = new SourcesReloader(settings.sourcesFile(), sourcesFileContent, this::applySources,
                metrics::reloaded);
        running = true;
        assignments = AssignmentConsumer.start(kafka, settings.groupId(), settings.instanceId(),
                new AssignmentConsumer.Assignments() {
                    @Override
                    public void assigned(Set<Integer> gained) {
                        take(gained);
                    }

                    @Override
                    public void revoked(Set<Integer> given) {
                        // Stopping, polls in progress are abandoned at once, as a single instance always did.
                        release(given, running ? RELEASE_GRACE : Duration.ZERO);
                    }

                    @Override
                    public void lost(Set<Integer> lost) {
                        release(lost, Duration.ZERO);
                    }
                });
        reloader.start(RELOAD_CHECK);
        log.info("Instance {} (transactional id {}) shares {} sources from {} in group {} over {} partitions;"
                        + " metrics on port {}", settings.instanceId(), settings.instanceTransactionalId(),
                sources.size(), settings.sourcesFile(), settings.groupId(), partitions.count(), metricsServer.port());
    }

    private Map<String, Integer> partitionsOf(List<Source> configured) {
        return configured.stream().collect(Collectors.toUnmodifiableMap(Source::id, partitions::of));
    }

    private OptionalInt partitionOf(String sourceId) {
        Integer partition = partitionBySource.get(sourceId);
        return partition == null ? OptionalInt.empty() : OptionalInt.of(partition);
    }

    /** What fences the transactions of a source: the membership this instance owns its partition by. */
    private Optional<GroupFence> fenceOf(String sourceId) {
        AssignmentConsumer current = assignments;
        OptionalInt partition = partitionOf(sourceId);
        return current == null || partition.isEmpty() ? Optional.empty() : current.fence(partition.getAsInt());
    }

    private List<Source> ownedSources() {
        return sources.stream().filter(source -> ownership.owns(partitions.of(source))).toList();
    }

    /** Starts polling the sources of {@code gained} from the crawl state and markers their last owner left. */
    private void take(Set<Integer> gained) {
        synchronized (sharing) {
            ownership.assign(gained);
            List<Source> taken = sources.stream().filter(source -> gained.contains(partitions.of(source))).toList();
            Set<String> ids = taken.stream().map(Source::id).collect(Collectors.toSet());
            boolean read = takeover.run("reading the crawl state of " + ids.size() + " sources of partitions " + gained,
                    () -> publisher.catchUp(() -> states.reload(kafka, STATE_LOAD_TIMEOUT, ids)), () -> !running);
            if (read) {
                scheduler.take(taken);
                log.info("Now polling {} sources of partitions {}", taken.size(), gained);
            }
        }
    }

    /**
     * Stops polling the sources of {@code given}, letting polls in progress finish within {@code grace}, then
     * stops publishing for them: only then may another instance get them. Partitions lost with the group session
     * may be another's already, so for those publishing stops first and at once.
     */
    private void release(Set<Integer> given, Duration grace) {
        synchronized (sharing) {
            if (grace.isZero()) {
                ownership.revoke(given);
            }
            Set<String> ids = sources.stream().filter(source -> given.contains(partitions.of(source)))
                    .map(Source::id).collect(Collectors.toSet());
            List<String> stillPolling = scheduler.release(ids, grace);
            ownership.revoke(given);
            if (!stillPolling.isEmpty()) {
                log.warn("Sources {} still in a poll after it was interrupted; they can publish nothing more here",
                        stillPolling);
            }
            log.info("Gave up {} sources of partitions {}", ids.size(), given);
        }
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

    /** Applies an edit of the sources file: each instance reads it, and polls only the sources it owns. */
    private void applySources(List<Source> reloaded) {
        synchronized (sharing) {
            applyOwnedSources(reloaded);
        }
    }

    private synchronized void applyOwnedSources(List<Source> reloaded) {
        if (scheduler == null) {
            return;
        }
        Set<String> removed = new HashSet<>(sources.stream().map(Source::id).toList());
        reloaded.forEach(source -> removed.remove(source.id()));
        removed.forEach(metrics::unregister);
        reloaded.forEach(metrics::register);
        sources = List.copyOf(reloaded);
        partitionBySource = partitionsOf(sources);
        scheduler.apply(ownedSources());
        log.info("Sources now: {}{}", reloaded.stream().map(Source::id).toList(),
                removed.isEmpty() ? "" : "; stopped " + removed);
    }

    /**
     * Alive while polling with a usable producer; an unreachable broker does not make it DOWN, since the producer
     * reconnects by itself and a restart would not help. DOWN, though, while reading the crawl state of sources
     * taken over keeps failing: those sources are polled by nobody meanwhile.
     */
    @Override
    public boolean isHealthy() {
        SourceScheduler currentScheduler = scheduler;
        ArticlePublisher currentPublisher = publisher;
        AssignmentConsumer currentAssignments = assignments;
        return running && currentScheduler != null && currentScheduler.isRunning() && !takeover.isFailing()
                && currentAssignments != null && currentAssignments.isRunning()
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
    public void close() {
        running = false;
        AssignmentConsumer leaving;
        synchronized (this) {
            leaving = assignments;
            assignments = null;
        }
        if (leaving != null) {
            // First, and outside this lock: leaving the group gives every partition up through release().
            leaving.close();
        }
        closeTheRest();
    }

    private synchronized void closeTheRest() {
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
