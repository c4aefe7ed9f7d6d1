package dev.newswatch.enricher;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ConfigReloads;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.streams.StreamsService;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;

/** The enricher as a running service: a Kafka Streams application plus its metrics and health endpoint. */
public final class EnricherService extends StreamsService<EnricherSettings> {

    private static final Logger log = LoggerFactory.getLogger(EnricherService.class);
    private final ArticleEnricher enricher;
    private final EnricherMetrics metrics;
    private final DictionaryReloader reloader;

    /** Reads the entity dictionary and topic rules now, so bad configuration stops the process before start. */
    public EnricherService(EnricherSettings settings, KafkaSettings kafka) {
        super("enricher", settings, kafka);
        EntityDictionary dictionary = EntityDictionary.load(settings.entitiesFile());
        TopicRules rules = TopicRules.load(settings.topicsFile());
        this.enricher = ArticleEnricher.of(dictionary, rules, Clock.systemUTC());
        this.metrics = new EnricherMetrics(registry(), rules);
        this.reloader = new DictionaryReloader(settings.entitiesFile(), settings.topicsFile(), enricher,
                new ConfigReloads(registry(), "enricher", "dictionary"));
        log.info("Enricher knows {} entities and {} topics", dictionary.entities().size(), rules.rules().size());
    }

    /** news.raw too: the enricher must be able to start before the ingester has ever run. */
    @Override
    protected List<String> topics() {
        return Stream.of(Topics.RAW, Topics.ENRICHED, Topics.RAW_DEAD_LETTERS).map(Topic::name).toList();
    }

    @Override
    protected Topology topology() {
        return EnricherTopology.build(enricher, metrics, settings());
    }

    /**
     * Standby replicas as set, so a task moving to another instance finds its state warm there; and no task moved to
     * an instance whose state lags at all: the index stores' changelogs are small, so the default lag allowed (10,000
     * records) would let a newly joined instance take the single index task and restore it before grouping goes on.
     */
    @Override
    protected Map<String, String> streamsProperties() {
        return Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(settings().standbyReplicas()),
                StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, "0");
    }

    @Override
    protected void started(int metricsPort) {
        reloader.start(CONFIG_CHECK_INTERVAL);
        log.info("Enricher reads {} and serves metrics on port {}", Topics.RAW.name(), metricsPort);
    }

    @Override
    protected void stopping() {
        reloader.close();
    }
}
