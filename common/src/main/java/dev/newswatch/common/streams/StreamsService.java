package dev.newswatch.common.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import dev.newswatch.common.NewswatchService;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.ServiceMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service that is one Kafka Streams topology: creates the topics it reads and writes, runs the topology with
 * its metrics and health endpoint, and runs beside it what a subclass starts once the topology runs, such as a
 * watch on its configuration files.
 */
public abstract class StreamsService<S extends StreamsServiceSettings> implements NewswatchService {

    /** How soon an edit of a configuration file the service watches is noticed. */
    protected static final Duration CONFIG_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final String name;
    private final S settings;
    private final KafkaSettings kafka;
    private final ServiceMetrics serviceMetrics = new ServiceMetrics();
    private volatile StreamsApplication application;
    private volatile Consumer<String> failed = reason -> { };

    protected StreamsService(String name, S settings, KafkaSettings kafka) {
        this.name = name;
        this.settings = settings;
        this.kafka = kafka;
    }

    @Override
    public final String name() {
        return name;
    }

    protected final S settings() {
        return settings;
    }

    /** Where the service's own meters are registered, beside the JVM's and Kafka's. */
    protected final MeterRegistry registry() {
        return serviceMetrics.registry();
    }

    /** Every topic the service reads or writes; all are created at start, so the services may start in any order. */
    protected abstract List<String> topics();

    protected abstract Topology topology();

    /**
     * Prepares what the topology needs before it runs, once its topics exist, such as records it must find on
     * them; does nothing unless a subclass needs it.
     */
    protected void beforeTopology(KafkaSettings kafka) {
    }

    /**
     * Kafka Streams properties of this service, over those every service shares ({@code producer.linger.ms} may
     * be given for its producers); a client property the user's {@code kafka.properties} sets wins.
     */
    protected Map<String, String> streamsProperties() {
        return Map.of();
    }

    /** Starts what runs beside the topology, now running with its endpoint on {@code metricsPort}. */
    protected abstract void started(int metricsPort);

    /** Stops what {@link #started} started; the topology still runs. */
    protected abstract void stopping();

    @Override
    public final void onFailure(Consumer<String> failed) {
        this.failed = failed;
    }

    @Override
    public final synchronized void start() {
        // Before anything touches Kafka: a service that could not keep its state should not have seeded or created.
        StateDirectoryGuard stateDirectory = new StateDirectoryGuard(settings.stateDirectory());
        stateDirectory.requireWritable();
        new TopicCreator(kafka, settings.applicationId() + "-admin").ensure(topics());
        beforeTopology(kafka);
        Properties config = kafka.streams(settings.applicationId(), settings.stateDirectory(),
                settings.commitInterval());
        streamsProperties().forEach((property, value) -> {
            if (!kafka.properties().containsKey(clientProperty(property))) {
                config.put(property, value);
            }
        });
        application = StreamsApplication.start(name, topology(), config, serviceMetrics, settings.metricsPort(),
                stateDirectory, reason -> failed.accept(reason));
        started(application.metricsPort());
    }

    /** {@code producer.linger.ms} and the like name the client property {@code linger.ms}. */
    private static String clientProperty(String streamsProperty) {
        return Stream.of(StreamsConfig.PRODUCER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX)
                .filter(streamsProperty::startsWith)
                .map(prefix -> streamsProperty.substring(prefix.length()))
                .findFirst().orElse(streamsProperty);
    }

    @Override
    public final boolean isHealthy() {
        StreamsApplication running = application;
        return running != null && running.isHealthy();
    }

    /** The port /metrics and /health are served on; useful when the settings asked for any free port. */
    public final synchronized int metricsPort() {
        if (application == null) {
            throw new IllegalStateException("the " + name + " service has not been started");
        }
        return application.metricsPort();
    }

    @Override
    public final synchronized void close() {
        stopping();
        if (application != null) {
            application.close();
            application = null;
        }
        serviceMetrics.close();
    }
}
