package dev.newswatch.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.json.JsonSerde;

class EnrichedArticleTest {

    private final JsonSerde<EnrichedArticle> serde = JsonSerde.of(EnrichedArticle.class);
    private final RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "a2", "techbrief", "테크브리프",
            "https://example.kr/news/2", "엔비디아, H20 판매 재개", Instant.parse("2026-11-20T00:25:00Z"), null,
            Instant.parse("2026-11-20T00:26:00Z"), "ko", null, null, "엔비디아가 H20 판매를 재개했다.", "f00e");

    @Test
    void roundTripsItsStoryAndEventIds() {
        EnrichedArticle article = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, "a1", "a0", List.of(),
                List.of(), Instant.parse("2026-11-20T00:27:00Z"));

        byte[] json = serde.serialize("news.enriched", article);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"storyId\":\"a1\"", "\"eventId\":\"a0\"");
        assertThat(serde.deserialize("news.enriched", json)).isEqualTo(article);
    }

    @Test
    void aRecordWrittenBeforeEventIdsReadsWithItsStoryAsItsEvent() {
        EnrichedArticle article = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, "a1", "a0", List.of(),
                List.of(), Instant.parse("2026-11-20T00:27:00Z"));
        String withoutEventId = new String(serde.serialize("news.enriched", article), StandardCharsets.UTF_8)
                .replace("\"eventId\":\"a0\",", "");
        assertThat(withoutEventId).doesNotContain("eventId");

        EnrichedArticle read = serde.deserialize("news.enriched", withoutEventId.getBytes(StandardCharsets.UTF_8));

        assertThat(read.storyId()).isEqualTo("a1");
        assertThat(read.eventId()).isEqualTo("a1");
    }

    @Test
    void salienceIsWrittenAndReadAsTheLowerCaseWordRecordsOnTheTopicCarry() {
        Evidence evidence = new Evidence(ArticleField.TITLE, "엔비디아", 0, 4, "엔비디아, H20 판매 재개");
        EnrichedArticle article = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, "a1", "a0",
                List.of(new EntityTag("nvidia", "Nvidia", EntityKind.COMPANY, null, List.of(evidence), Salience.ABOUT),
                        new EntityTag("nvidia-h20", "Nvidia H20", EntityKind.CHIP, "nvidia", List.of(evidence),
                                Salience.MENTION)),
                List.of(), Instant.parse("2026-11-20T00:27:00Z"));

        String json = new String(serde.serialize("news.enriched", article), StandardCharsets.UTF_8);

        assertThat(json).contains("\"salience\":\"about\"", "\"salience\":\"mention\"");
        assertThat(serde.deserialize("news.enriched", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(article);
    }
}
