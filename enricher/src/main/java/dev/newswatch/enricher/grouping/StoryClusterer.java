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

/**
 * Runs the {@link StoryIndex} over two persistent, changelogged key-value stores, so it survives restarts and
 * moves with the task: {@value #SIGNATURES} (article id to {@link StoryEntry}) and {@value #BANDS} (LSH band key to
 * the articles in that band). A stream-time punctuation deletes expired entries. It must see every article,
 * whatever partition of news.raw it came from: see {@code EnricherTopology}.
 */
public final class StoryClusterer implements FixedKeyProcessor<String, SignedArticle, SignedArticle> {

    public static final String SIGNATURES = "story-signatures";
    public static final String BANDS = "story-bands";

    /** How often, in stream time, expired entries are deleted; look-ups never see them either way. */
    public static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    /** Signatures kept decoded in memory (half a kilobyte each): the candidates of a copy are recent articles. */
    static final int CACHED_SIGNATURES = 4_096;
    /** Bands kept decoded in memory: an article reads its forty bands to find candidates, then again to join them. */
    static final int CACHED_BANDS = 16_384;

    private final Duration window;
    private final double similarity;
    private final StoryMetrics metrics;
    private FixedKeyProcessorContext<String, SignedArticle> context;
    private StoryIndex index;

    private StoryClusterer(Duration window, double similarity, StoryMetrics metrics) {
        this.window = window;
        this.similarity = similarity;
        this.metrics = metrics;
    }

    /**
     * @param window     how long after an article a copy still joins its story
     * @param similarity least estimated Jaccard similarity of two articles' shingles for one story
     */
    public static FixedKeyProcessorSupplier<String, SignedArticle, SignedArticle> supplier(Duration window,
            double similarity, StoryMetrics metrics) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, SignedArticle, SignedArticle> get() {
                return new StoryClusterer(window, similarity, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // A band's members are rewritten by every article of one commit in that band: cached, only their
                // last value goes to the changelog. Signatures are written once each.
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGNATURES), Serdes.String(),
                                StoryIndexSerdes.entries()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BANDS), Serdes.String(),
                                StoryIndexSerdes.bands()).withCachingEnabled());
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SignedArticle> context) {
        this.context = context;
        this.index = new StoryIndex(
                IndexStore.cached(IndexStore.of(context.getStateStore(SIGNATURES)), CACHED_SIGNATURES),
                IndexStore.cached(IndexStore.of(context.getStateStore(BANDS)), CACHED_BANDS), window, similarity,
                metrics);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, index::purgeBefore);
    }

    @Override
    public void process(FixedKeyRecord<String, SignedArticle> record) {
        SignedArticle signed = record.value();
        String storyId = index.storyOf(signed.article().article().id(), signed.signature(), record.timestamp());
        context.forward(record.withValue(signed.withStoryId(storyId)));
    }
}
