package dev.newswatch.enricher;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DeadLetterRouting;
import dev.newswatch.common.streams.TopicStreams;
import dev.newswatch.enricher.grouping.ArticleSigner;
import dev.newswatch.enricher.grouping.EventClusterer;
import dev.newswatch.enricher.grouping.SignedArticle;
import dev.newswatch.enricher.grouping.StoryClusterer;
import dev.newswatch.enricher.tagging.ArticleEnricher;

/**
 * news.raw → cut over-long text → enrich → refuse what is too large to write → event terms → story index (which
 * computes the story signature) → event index → news.enriched, with records that cannot be enriched going,
 * untouched, to news.raw.dlq.
 *
 * <p>Why the story index sits behind a single-partition repartition topic: news.raw is keyed by article id, so
 * the copies of one story arrive on different partitions and tasks. Tagging and finding the event terms (Nori),
 * the expensive parts, still run on every partition; the articles with their terms are then re-keyed to one
 * constant key through {@code <application-id>-story-index-repartition} with one partition, so one task with one
 * index sees every article in one order and "the first copy" is well defined. Keying by LSH band instead would
 * spread one article's bands over several tasks and need a second round trip and a join to settle on one story id;
 * a global store fed from news.enriched is filled asynchronously (and no processor may write it), so two copies
 * published a second apart would miss each other and start two stories. The price is that story assignment (the
 * story signature, a fifth of a millisecond, and a few store look-ups per article) runs in one task.
 *
 * <p>The event index follows in the same task for the same reason: reports of one development by different
 * outlets arrive on different partitions, and "the first report" must be well defined. It costs a look-up and a
 * write per event term of an article (some hundred) and a look-up per candidate.
 */
final class EnricherTopology {

    private static final String STORY_INDEX = "story-index";

    private EnricherTopology() {
    }

    public static Topology build(ArticleEnricher enricher, EnricherMetrics metrics, EnricherSettings settings) {
        ArticleTextLimit limit = new ArticleTextLimit(settings.maxTextChars(), metrics::textCut);
        EnrichedSizeLimit sizeLimit = new EnrichedSizeLimit();
        ArticleSigner signer = new ArticleSigner();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, EnrichedArticle> enriched = DeadLetterRouting.guard(
                TopicStreams.readUndecoded(builder, Topics.RAW, "read-raw-articles"), Topics.RAW, "enrich",
                raw -> sizeLimit.check(enricher.enrich(limit.apply(raw))), metrics::deadLetter,
                Topics.RAW_DEAD_LETTERS);

        KStream<String, EnrichedArticle> grouped = enriched
                .mapValues(signer::sign, Named.as("find-event-terms"))
                .selectKey((key, signed) -> STORY_INDEX, Named.as("key-by-story-index"))
                .repartition(Repartitioned.<String, SignedArticle>as(STORY_INDEX)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(SignedArticle.class))
                        .withNumberOfPartitions(1))
                .processValues(StoryClusterer.supplier(settings.storyWindow(), settings.storySimilarity(),
                        metrics.stories()), Named.as("assign-story"))
                .processValues(EventClusterer.supplier(settings.eventWindow(), settings.eventSimilarity(),
                        metrics.events()), Named.as("assign-event"))
                .selectKey((key, article) -> article.article().id(), Named.as("key-by-article-id"))
                .peek((id, article) -> metrics.enriched(article), Named.as("count-enriched"));
        TopicStreams.write(grouped, Topics.ENRICHED, "write-enriched-articles");
        return builder.build();
    }
}
