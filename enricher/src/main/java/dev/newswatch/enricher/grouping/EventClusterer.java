package dev.newswatch.enricher.grouping;

import java.time.Duration;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;

/**
 * Runs the {@link EventIndex} over one persistent, changelogged key-value store, {@value #ARTICLES} (article id to
 * {@link EventEntry}); the index rebuilds its postings from it whenever the task starts. A stream-time punctuation
 * deletes expired entries. It sits behind the story index, in the same single task, for the same reason: see
 * {@code EnricherTopology}.
 */
public final class EventClusterer implements FixedKeyProcessor<String, SignedArticle, EnrichedArticle> {

    public static final String ARTICLES = "event-articles";
    /**
     * Entries kept decoded in memory: an article's candidates are the newest articles of its rarest terms, so the
     * recent ones are read again and again; some ten megabytes at 160 terms an entry.
     */
    static final int CACHED_ENTRIES = 2_048;

    private final Duration window;
    private final double similarity;
    private final EventMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private EventIndex index;

    private EventClusterer(Duration window, double similarity, EventMetrics metrics) {
        this.window = window;
        this.similarity = similarity;
        this.metrics = metrics;
    }

    /**
     * @param window     how far apart two reports of one development may be published
     * @param similarity least similarity of two articles' weighted event terms for one event
     */
    public static FixedKeyProcessorSupplier<String, SignedArticle, EnrichedArticle> supplier(Duration window,
            double similarity, EventMetrics metrics) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, SignedArticle, EnrichedArticle> get() {
                return new EventClusterer(window, similarity, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES), Serdes.String(),
                        EventIndexSerdes.entries()));
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.index = new EventIndex(
                IndexStore.cached(IndexStore.of(context.getStateStore(ARTICLES)), CACHED_ENTRIES), window, similarity,
                metrics);
        context.schedule(StoryClusterer.PURGE_INTERVAL, PunctuationType.STREAM_TIME, index::purgeBefore);
    }

    @Override
    public void process(FixedKeyRecord<String, SignedArticle> record) {
        EnrichedArticle article = record.value().article();
        RawArticle raw = article.article();
        long eventTime = raw.publishedAt() == null ? record.timestamp() : raw.publishedAt().toEpochMilli();
        String eventId = index.eventOf(raw.id(), article.storyId(), record.value().terms(), eventTime,
                record.timestamp());
        context.forward(record.withValue(article.withStoryAndEvent(article.storyId(), eventId)));
    }
}
