package dev.newswatch.enricher;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.GuardedStage;
import dev.newswatch.common.streams.StageOutcome;

/** news.raw → enrich → news.enriched, with records that cannot be enriched going, untouched, to news.raw.dlq. */
public final class EnricherTopology {

    private static final String OUTCOME = "enrich-outcome-";
    private static final String FAILED = "failed";
    private static final String ENRICHED = "enriched";

    private EnricherTopology() {
    }

    public static Topology build(ArticleEnricher enricher, EnricherMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<String, StageOutcome<EnrichedArticle>>> outcomes = builder
                .stream(Topics.RAW_ARTICLES, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-raw-articles"))
                .processValues(GuardedStage.of("enrich", JsonSerde.of(RawArticle.class), enricher::enrich,
                        metrics::deadLetter), Named.as("enrich"))
                .split(Named.as(OUTCOME))
                .branch((key, outcome) -> outcome.failed(), Branched.as(FAILED))
                .defaultBranch(Branched.as(ENRICHED));

        outcomes.get(OUTCOME + FAILED)
                .mapValues(StageOutcome::original, Named.as("original-bytes"))
                .to(Topics.RAW_ARTICLES_DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("write-dead-letters"));

        outcomes.get(OUTCOME + ENRICHED)
                .mapValues(StageOutcome::output, Named.as("enriched-article"))
                .selectKey((key, article) -> article.article().id(), Named.as("key-by-article-id"))
                .peek((id, article) -> metrics.enriched(article), Named.as("count-enriched"))
                .to(Topics.ENRICHED_ARTICLES, Produced.with(Serdes.String(), JsonSerde.of(EnrichedArticle.class))
                        .withName("write-enriched-articles"));
        return builder.build();
    }
}
