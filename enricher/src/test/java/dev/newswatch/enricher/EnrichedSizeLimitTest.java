package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.enricher.grouping.StoryFixtures;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;

class EnrichedSizeLimitTest {

    private static final ArticleEnricher ENRICHER = ArticleEnricher.of(ShippedConfig.entities(),
            ShippedConfig.topics(), Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC));
    private final EnrichedSizeLimit limit = new EnrichedSizeLimit();

    @Test
    void passesAnOrdinaryArticle() {
        EnrichedArticle article = ENRICHER.enrich(StoryFixtures.WIRE);

        assertThat(limit.check(article)).isSameAs(article);
    }

    @Test
    void refusesAnArticleWhoseJsonWouldBeLargerThanARecordMayBe() {
        // Bypasses ArticleTextLimit, which keeps such a text from reaching the enricher in the topology.
        EnrichedArticle article = ENRICHER.enrich(DenseArticles.article("oversized", 600_000));

        assertThatThrownBy(() -> limit.check(article)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversized").hasMessageContaining("bytes of JSON");
    }
}
