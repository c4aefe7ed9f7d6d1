package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.json.JsonSerde;

class SignedArticleTest {

    private static final JsonSerde<SignedArticle> SERDE = JsonSerde.of(SignedArticle.class);
    private static final EnrichedArticle ARTICLE = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION,
            StoryFixtures.WIRE, null, List.of(), List.of(), Instant.parse("2026-11-22T06:01:00Z"));
    private static final EventTerms TERMS = new EventTerms(List.of("e:huawei", "n:양산"), 1);

    @Test
    void carriesTheEventTermsButNotTheStorySignatureWhichTheIndexTaskComputes() {
        SignedArticle signed = new SignedArticle(ARTICLE, TERMS);

        byte[] record = SERDE.serialize("story-index-repartition", signed);
        SignedArticle read = SERDE.deserialize("story-index-repartition", record);

        assertThat(new String(record, StandardCharsets.UTF_8)).doesNotContain("signature");
        assertThat(read.terms()).isEqualTo(TERMS);
        assertThat(read.signature()).isNotNull()
                .isEqualTo(new StorySignature().of(StoryFixtures.WIRE.title(), StoryFixtures.WIRE.text()));
    }

    @Test
    void readsARecordWrittenWhenTheSignatureWasCarried() {
        String carried = new String(SERDE.serialize("story-index-repartition", new SignedArticle(ARTICLE, TERMS)),
                StandardCharsets.UTF_8).replace("\"terms\":", "\"signature\":[1,2,3],\"terms\":");

        SignedArticle read = SERDE.deserialize("story-index-repartition", carried.getBytes(StandardCharsets.UTF_8));

        assertThat(read.article()).isEqualTo(ARTICLE);
        assertThat(read.terms()).isEqualTo(TERMS);
    }
}
