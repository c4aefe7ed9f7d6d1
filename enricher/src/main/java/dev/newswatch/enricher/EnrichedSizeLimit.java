package dev.newswatch.enricher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;

/**
 * Refuses an enriched article whose JSON would be larger than the broker takes by default (1 MiB per record):
 * written to the repartition topic or news.enriched, it would fail the producer and, retried, stop the
 * partition. A cheap upper estimate passes every ordinary article; only a larger one is written out and counted.
 * What it refuses goes to the dead-letter topic like any record that cannot be processed.
 */
final class EnrichedSizeLimit {

    /** Below Kafka's default max.message.bytes and max.request.size, with room for key, headers and signature. */
    static final int MOST_BYTES = 1_000_000;
    /** UTF-8 takes at most three bytes per Java char outside surrogate pairs, and JSON escapes are rare. */
    private static final int BYTES_PER_CHAR = 3;
    /** Field names, offsets and punctuation of one evidence or tag. */
    private static final int OVERHEAD = 200;

    public EnrichedArticle check(EnrichedArticle article) {
        if (estimate(article) <= MOST_BYTES) {
            return article;
        }
        long bytes = jsonBytes(article);
        if (bytes > MOST_BYTES) {
            throw new IllegalArgumentException("enriched article " + article.article().id() + " would be " + bytes
                    + " bytes of JSON, more than the " + MOST_BYTES + " a record may have");
        }
        return article;
    }

    private static long estimate(EnrichedArticle article) {
        long chars = article.article().title().length() + article.article().text().length() + article.article()
                .url().length();
        long parts = 1;
        for (EntityTag entity : article.entities()) {
            parts++;
            for (Evidence evidence : entity.evidence()) {
                chars += evidence.sentence().length() + evidence.matched().length();
                parts++;
            }
        }
        for (TopicTag topic : article.topics()) {
            parts++;
            for (Evidence evidence : topic.evidence()) {
                chars += evidence.sentence().length() + evidence.matched().length();
                parts++;
            }
        }
        return chars * BYTES_PER_CHAR + parts * OVERHEAD;
    }

    private static long jsonBytes(EnrichedArticle article) {
        long[] count = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                count[0] += length;
            }
        };
        try {
            Json.mapper().writeValue(counter, article);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write enriched article " + article.article().id() + " as JSON", e);
        }
        return count[0];
    }
}
