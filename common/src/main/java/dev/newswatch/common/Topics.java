package dev.newswatch.common;

import java.util.regex.Pattern;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Watch;

/**
 * Every Kafka topic Newswatch uses, declared once: its name, and for the topics between the services also its
 * key and value serdes, as a {@link Topic}. The ingester writes its records as bytes it serialised itself and
 * still uses the names alone.
 */
public final class Topics {

    /** Raw articles as the ingester extracted them, keyed by article id. */
    public static final String RAW_ARTICLES = "news.raw";
    /** Articles with their entity and topic tags, keyed by article id. */
    public static final String ENRICHED_ARTICLES = "news.enriched";
    /** Every alert of every watch, keyed by alert id. */
    public static final String ALERTS = "news.alerts";
    /** Raw-article records the enricher could not process: original bytes plus dead-letter headers. */
    public static final String RAW_ARTICLES_DEAD_LETTERS = "news.raw.dlq";
    /** Enriched-article records the alerts service could not process. */
    public static final String ENRICHED_ARTICLES_DEAD_LETTERS = "news.enriched.dlq";
    /** Compacted: one record per article the ingester has published, so a restart republishes nothing. */
    public static final String INGESTER_PUBLISHED = "newswatch.ingester.published";
    /** Compacted: the ingester's crawl state per source (validators, poll interval, next poll), keyed by source id. */
    public static final String INGESTER_SOURCES = "newswatch.ingester.sources";
    /** Compacted: the watches the alerts service matches, keyed by watch id; a tombstone removes a watch. */
    public static final String WATCH_DEFINITIONS = "newswatch.watches";
    /** Alerts whose webhook delivery failed for good: the alert's original bytes, with the reason in headers. */
    public static final String ALERT_WEBHOOK_DEAD_LETTERS = "news.alerts.webhook.dlq";
    /** Compacted: the last change of each alert a webhook was delivered (or given up) for, keyed by alert id. */
    public static final String WEBHOOK_DELIVERIES = "newswatch.alerts.webhook.deliveries";

    public static final Topic<String, RawArticle> RAW = Topic.json(RAW_ARTICLES, RawArticle.class);
    public static final Topic<String, EnrichedArticle> ENRICHED = Topic.json(ENRICHED_ARTICLES, EnrichedArticle.class);
    /** Also the serdes of every {@link #watchAlerts(String)} topic. */
    public static final Topic<String, Alert> ALL_ALERTS = Topic.json(ALERTS, Alert.class);
    public static final Topic<String, Watch> WATCHES = Topic.json(WATCH_DEFINITIONS, Watch.class);
    public static final Topic<String, byte[]> RAW_DEAD_LETTERS = Topic.bytes(RAW_ARTICLES_DEAD_LETTERS);
    public static final Topic<String, byte[]> ENRICHED_DEAD_LETTERS = Topic.bytes(ENRICHED_ARTICLES_DEAD_LETTERS);
    public static final Topic<String, byte[]> WEBHOOK_DEAD_LETTERS = Topic.bytes(ALERT_WEBHOOK_DEAD_LETTERS);

    private static final String WATCH_ALERTS_PREFIX = "alerts.";
    private static final Pattern WATCH_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}");

    private Topics() {
    }

    /** The topic a user subscribes to for one watch: {@code alerts.<watch-id>}. */
    public static String watchAlerts(String watchId) {
        if (!isValidWatchId(watchId)) {
            throw new IllegalArgumentException("watch id '" + watchId
                    + "' must be lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        return WATCH_ALERTS_PREFIX + watchId;
    }

    public static boolean isValidWatchId(String watchId) {
        return watchId != null && WATCH_ID.matcher(watchId).matches();
    }
}
