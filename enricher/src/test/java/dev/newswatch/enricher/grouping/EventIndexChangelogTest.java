package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.json.Json;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the event index writes to its changelog, over real Korean news ({@code ../shared/data/korean-dev}, read at
 * run time) given new article ids round after round, so that the postings of common terms fill up as in a long run;
 * and that an index started again on the stored entries alone goes on as the running one does.
 */
class EventIndexChangelogTest {

    private static final Path SET = Path.of("..", "..", "shared", "data", "korean-dev", "articles.jsonl");
    private static final int ROUNDS = 20;
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final double SIMILARITY = 0.3;
    /** The aim for the event index's changelogs, which wrote 36 KB per article of these before. */
    private static final double MOST_BYTES_PER_ARTICLE = 5_000;

    /** Counts what each put and delete would write to a changelog topic: key and value bytes, and records. */
    private static final class Changelog<V> implements IndexStore<V> {
        private final IndexStore<V> store = IndexStore.inMemory();
        private final Serde<V> serde;
        long bytes;
        long records;

        Changelog(Serde<V> serde) {
            this.serde = serde;
        }

        @Override
        public V get(String key) {
            return store.get(key);
        }

        @Override
        public void put(String key, V value) {
            count(key, serde.serializer().serialize("changelog", value));
            store.put(key, value);
        }

        @Override
        public void delete(String key) {
            count(key, null);
            store.delete(key);
        }

        @Override
        public List<KeyValue<String, V>> all() {
            return store.all();
        }

        private void count(String key, byte[] value) {
            bytes += key.getBytes(StandardCharsets.UTF_8).length + (value == null ? 0 : value.length);
            records++;
        }
    }

    @Test
    void writesLittleMoreThanEachArticlesOwnEntryToTheChangelog() throws IOException {
        List<EventTerms> articles = koreanDev();
        Changelog<EventEntry> entries = new Changelog<>(EventIndexSerdes.entries());
        EventIndex index = new EventIndex(entries, WINDOW, SIMILARITY, new EventMetrics(new SimpleMeterRegistry()));
        Clock clock = new Clock();
        int written = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (EventTerms article : articles) {
                clock.eventOf(index, article);
                written++;
            }
        }
        double bytes = entries.bytes / (double) written;
        System.out.printf(Locale.ROOT, "event index changelog over %d korean-dev articles: %.0f B and %.2f records "
                + "per article (keys and values)%n", written, bytes, entries.records / (double) written);

        assertThat(entries.records).as("one entry per article").isEqualTo(written);
        assertThat(bytes).as("changelog bytes per article").isLessThan(MOST_BYTES_PER_ARTICLE);
    }

    @Test
    void anIndexRestartedOnItsStoredEntriesGivesTheEventsTheRunningOneGives() throws IOException {
        List<EventTerms> articles = koreanDev();
        IndexStore<EventEntry> entries = IndexStore.inMemory();
        EventIndex running = new EventIndex(entries, WINDOW, SIMILARITY, new EventMetrics(new SimpleMeterRegistry()));
        Clock clock = new Clock();
        for (int round = 0; round < 3; round++) {
            for (EventTerms article : articles) {
                clock.eventOf(running, article);
            }
        }
        IndexStore<EventEntry> restored = IndexStore.inMemory();
        entries.all().forEach(entry -> restored.put(entry.key, entry.value));
        EventIndex restarted = new EventIndex(restored, WINDOW, SIMILARITY,
                new EventMetrics(new SimpleMeterRegistry()));

        Clock twin = clock.copy();
        int joined = 0;
        for (int round = 0; round < 2; round++) {
            for (EventTerms article : articles) {
                String eventId = clock.eventOf(running, article);
                assertThat(twin.eventOf(restarted, article)).isEqualTo(eventId);
                joined += eventId.equals(clock.lastId) ? 0 : 1;
            }
        }
        assertThat(joined).as("articles that joined an earlier article's event").isGreaterThan(articles.size());
    }

    /** New article ids (16 hex digits) and record times as a stream would give them, one minute apart. */
    private static final class Clock {
        private long articles;
        String lastId;

        Clock copy() {
            Clock copy = new Clock();
            copy.articles = articles;
            return copy;
        }

        String eventOf(EventIndex index, EventTerms article) {
            articles++;
            lastId = HexFormat.of().toHexDigits(articles * 0x9e3779b97f4a7c15L);
            long now = 1_786_000_000_000L + articles * 60_000;
            return index.eventOf(lastId, lastId, article, now, now);
        }
    }

    private static List<EventTerms> koreanDev() throws IOException {
        boolean present = Files.isRegularFile(SET);
        if (!present) {
            System.out.println("SKIPPED EventIndexChangelogTest: " + SET.toAbsolutePath().normalize() + " is absent");
        }
        assumeTrue(present, () -> SET.toAbsolutePath().normalize() + " is absent");
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
                java.time.Clock.systemUTC());
        EventSignature signature = new EventSignature();
        List<EventTerms> articles = new ArrayList<>();
        for (String line : Files.readAllLines(SET, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode article = Json.mapper().readTree(line);
            String title = article.path("title").asText("");
            String text = article.path("text").asText("");
            ArticleEnricher.Tags tags = enricher.tag(title, text);
            articles.add(signature.of(title, text, tags.entities(), tags.topics()));
        }
        return articles;
    }
}
