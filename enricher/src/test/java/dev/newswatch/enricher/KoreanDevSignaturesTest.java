package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.enricher.grouping.ArticleSigner;
import dev.newswatch.enricher.grouping.SignedArticle;
import dev.newswatch.enricher.grouping.StorySignature;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;

/**
 * The story signature is computed in the grouping task from the article as the story-index repartition topic
 * delivers it, no longer where the tagging ran: over the real Korean articles, the topic's JSON gives back an article
 * whose signature is the one computed from the article itself, so every story decision stays as it was.
 */
class KoreanDevSignaturesTest {

    @Test
    void theGroupingTaskComputesTheSignatureTheTaggingTaskWouldHave() {
        List<RawArticle> articles = KoreanDevArticles.load("KoreanDevSignaturesTest", Instant.now());
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
                Clock.systemUTC());
        ArticleSigner signer = new ArticleSigner();
        StorySignature story = new StorySignature();
        JsonSerde<SignedArticle> repartition = JsonSerde.of(SignedArticle.class);

        int signed = 0;
        for (RawArticle article : articles) {
            SignedArticle sent = signer.sign(enricher.enrich(article));
            SignedArticle received = repartition.deserialize("story-index-repartition",
                    repartition.serialize("story-index-repartition", sent));
            int[] where = story.of(article.title(), article.text());
            assertThat(received.signature()).as(article.id()).isEqualTo(where);
            assertThat(received.terms()).as(article.id()).isEqualTo(sent.terms());
            signed += where == null ? 0 : 1;
        }
        assertThat(signed).as("articles long enough to be signed").isGreaterThan(articles.size() / 2);
    }
}
