package dev.newswatch.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.newswatch.common.Topics;

/**
 * Enriched articles that differ only by outlet, for a watch that matches by outlet: every third article (by the
 * number that ends its id) is told by {@link #WATCHED}, the others by an outlet no watch names; each article is an
 * event of its own, so each watched one is one alert.
 */
final class OutletArticles {

    static final String WATCHED = "감시일보";
    private static final String OTHER = "테크브리프";

    private OutletArticles() {
    }

    static boolean watched(String articleId) {
        return Integer.parseInt(articleId.substring(articleId.lastIndexOf('-') + 1)) % 3 == 0;
    }

    static ProducerRecord<String, byte[]> enriched(String id) {
        try {
            String json = WatchesCommandTest.enriched(id, id, watched(id) ? WATCHED : OTHER);
            return new ProducerRecord<>(Topics.ENRICHED_ARTICLES, id, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
