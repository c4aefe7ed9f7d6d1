package dev.newswatch.ingester.state;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.kafka.CompactedTopicReader;

/**
 * Which articles have been published, and with what fingerprint. Loaded from the compacted topic at start, then
 * kept up to date by the publisher, which writes the topic in the same transaction as the article.
 */
public final class PublishedArticles {

    private static final Logger log = LoggerFactory.getLogger(PublishedArticles.class);

    private final JsonSerde<PublishedMarker> serde = JsonSerde.of(PublishedMarker.class);
    private final Map<String, PublishedMarker> markerById = new ConcurrentHashMap<>();
    private final Map<String, String> articleIdByLinkId = new ConcurrentHashMap<>();

    /**
     * Reads {@link Topics#INGESTER_PUBLISHED} from its start to its end; a marker never replaces a later one
     * already known.
     */
    public void load(KafkaSettings kafka, Duration timeout) {
        CompactedTopicReader.readLatest(kafka, "newswatch-ingester-state", Topics.INGESTER_PUBLISHED, timeout, serde,
                this::rememberUnlessLaterKnown, markerById::remove);
        log.info("{} articles published before", markerById.size());
    }

    /**
     * Read again at a takeover, the topic may be behind what this instance committed itself: an open transaction
     * of a killed instance hides later records until it times out.
     */
    private void rememberUnlessLaterKnown(String articleId, PublishedMarker read) {
        PublishedMarker known = markerById.get(articleId);
        if (known == null || !known.publishedAt().isAfter(read.publishedAt())) {
            remember(articleId, read);
        }
    }

    /** Records a publication, or a new link to a published article, that the publisher has committed. */
    public void remember(String articleId, PublishedMarker marker) {
        markerById.put(articleId, marker);
        articleIdByLinkId.put(articleId, articleId);
        marker.feedLinkIds().forEach(linkId -> articleIdByLinkId.put(linkId, articleId));
    }

    /** What was last published under {@code articleId}. */
    public Optional<PublishedMarker> marker(String articleId) {
        return Optional.ofNullable(markerById.get(articleId));
    }

    /** What was last published of the article a source link leads to, if that link led to one before. */
    public Optional<PublishedMarker> markerForLink(String linkId) {
        return Optional.ofNullable(articleIdByLinkId.get(linkId)).map(markerById::get);
    }
}
