package dev.newswatch.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.alerts.alerting.WatchMatcher;
import dev.newswatch.alerts.delivery.WebhookDeliverer;
import dev.newswatch.alerts.delivery.WebhookMetrics;
import dev.newswatch.alerts.delivery.WebhookTargets;
import dev.newswatch.alerts.watch.Vocabulary;
import dev.newswatch.alerts.watch.WatchCatalog;
import dev.newswatch.alerts.watch.WatchFile;
import dev.newswatch.alerts.watch.WatchSeeder;
import dev.newswatch.alerts.watch.WatchState;
import dev.newswatch.alerts.watch.WatchTopic;
import dev.newswatch.common.Topic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ConfigReloader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.config.ConfigReloads;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.events.WebhookTarget;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.net.AddressGuard;
import dev.newswatch.common.streams.StreamsService;

/**
 * Runs the alerts topology as a Kafka Streams application, with its metrics endpoint. The watches it matches
 * are those of the watches topic, which the watches file seeds at start-up and feeds with each edit; the
 * dictionary files are watched so that a watch naming an id they lose is reported dead.
 */
public final class AlertsService extends StreamsService<AlertsSettings> {

    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);

    private final WatchFile seedWatches;
    private final AlertsMetrics metrics;
    private final WatchCatalog catalog;
    private final ConfigReloader dictionary;
    private final ConfigReloads watchReloads;
    private final WebhookDeliverer webhooks;
    /**
     * The watches table as the service found it, which the webhooks go by until the catalog has read the table:
     * after a restart, alerts raised before it wait for their webhook while no article has reached the catalog.
     */
    private volatile Map<String, Watch> watchesAtStart = Map.of();
    private final Set<String> watchTopicsCreated = ConcurrentHashMap.newKeySet();
    private TopicCreator topicCreator;
    private WatchTopic watchTopic;
    private WatchSeeder seeder;

    /** Reads the watches file now, so a bad one stops the process before it touches Kafka. */
    public AlertsService(AlertsSettings settings, KafkaSettings kafka) {
        super("alerts", settings, kafka);
        Vocabulary vocabulary = Vocabulary.load(settings.entitiesFile(), settings.topicsFile());
        this.seedWatches = WatchFile.load(settings.watchesFile(), vocabulary);
        this.metrics = new AlertsMetrics(registry());
        this.catalog = new WatchCatalog(vocabulary, this::watchStateChanged);
        this.dictionary = new ConfigReloader("alerts-dictionary", List.of(settings.entitiesFile(),
                settings.topicsFile()),
                () -> catalog.dictionaryChanged(Vocabulary.load(settings.entitiesFile(), settings.topicsFile())),
                new ConfigReloads(registry(), "alerts", "dictionary"));
        this.watchReloads = new ConfigReloads(registry(), "alerts", "watches");
        this.webhooks = new WebhookDeliverer(kafka, settings.applicationId(), settings.instanceId(),
                settings.webhooks(),
                new WatchWebhooks(), new WebhookMetrics(registry()),
                new AddressGuard(), Clock.systemUTC());
    }

    @Override
    protected List<String> topics() {
        return List.of(Topics.ENRICHED, Topics.ALL_ALERTS, Topics.ENRICHED_DEAD_LETTERS).stream()
                .map(Topic::name).toList();
    }

    /** Creates the watches topic and each seeded watch's alert topic, and seeds the watches topic. */
    @Override
    protected void beforeTopology(KafkaSettings kafka) {
        topicCreator = new TopicCreator(kafka, settings().applicationId() + "-admin");
        watchTopic = new WatchTopic(kafka, settings().applicationId() + "-watches");
        watchTopic.create();
        seedWatches.watches().forEach(watch -> ensureAlertTopic(watch.id()));
        seeder = new WatchSeeder(settings().watchesFile(), seedWatches, catalog::vocabulary, watchTopic,
                watchReloads);
        seeder.seed();
        watchesAtStart = watchTopic.watches();
    }

    @Override
    protected Topology topology() {
        return AlertsTopology.build(catalog, new WatchMatcher(Clock.systemUTC()), metrics,
                new AlertsTopology.Settings(settings().eventWindow(), settings().updateInterval()));
    }

    @Override
    protected void started(int metricsPort) {
        dictionary.start(CONFIG_CHECK_INTERVAL);
        seeder.start(CONFIG_CHECK_INTERVAL);
        webhooks.start(watchesAtStart.values().stream().filter(watch -> watch.webhook() != null).map(Watch::id)
                .toList());
        log.info("Matching {} against the watches of {}; metrics on port {}", Topics.ENRICHED.name(),
                Topics.WATCH_DEFINITIONS, metricsPort);
    }

    @Override
    protected void stopping() {
        webhooks.close();
        dictionary.close();
        if (seeder != null) {
            seeder.close();
            watchTopic.close();
        }
    }

    /** The webhooks of the watches the catalog has read, and of those found at start until it has read them. */
    private final class WatchWebhooks implements WebhookTargets {

        @Override
        public Optional<WebhookTarget> of(String watchId) {
            return catalog.watch(watchId).or(() -> Optional.ofNullable(watchesAtStart.get(watchId)))
                    .map(Watch::webhook);
        }

        @Override
        public boolean any() {
            return catalog.anyWebhook() || watchesAtStart.values().stream().anyMatch(watch -> watch.webhook() != null);
        }
    }

    /** Gives a watch that can raise alerts its topic before its first alert is written, and counts its state. */
    private void watchStateChanged(String watchId, WatchState state) {
        metrics.watchState(watchId, state);
        if (state != WatchState.REMOVED && state != WatchState.INVALID) {
            ensureAlertTopic(watchId);
        }
    }

    /** Alert topics are compacted: each keeps the current record of every alert, keyed by alert id. */
    private void ensureAlertTopic(String watchId) {
        if (watchTopicsCreated.add(watchId)) {
            try {
                topicCreator.ensureCompacted(Topics.watchAlerts(watchId));
            } catch (RuntimeException e) {
                watchTopicsCreated.remove(watchId);
                throw e;
            }
        }
    }
}
