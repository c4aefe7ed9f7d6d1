package dev.newswatch.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;

class JsonSerdeTest {

    private final JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);

    @Test
    void roundTripsAnArticleWithKoreanTextAndIsoInstants() {
        RawArticle article = new RawArticle(RawArticle.SCHEMA_VERSION, "a1b2c3d4e5f60718", "techbrief", "테크브리프",
                "https://example.kr/news/1", "화웨이, 새 AI 칩 공개", Instant.parse("2026-11-20T00:25:00Z"),
                Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-20T00:26:00Z"), "ko", "김기자", "반도체", "화웨이가 새 칩을 공개했다.", "f00d");

        byte[] json = serde.serialize("news.raw", article);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"schemaVersion\":1", "\"publishedAt\":\"2026-11-20T00:25:00Z\"", "화웨이, 새 AI 칩 공개");
        assertThat(serde.deserialize("news.raw", json)).isEqualTo(article);
    }

    @Test
    void invalidJsonNamesTheTopicAndType() {
        assertThatThrownBy(() -> serde.deserialize("news.raw", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("record on news.raw is not a valid RawArticle");
    }

    @Test
    void aRecordWithoutRequiredFieldsIsRejected() {
        byte[] noId = "{\"schemaVersion\":1,\"url\":\"https://example.kr/1\",\"title\":\"t\",\"sourceId\":\"s\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserialize("news.raw", noId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no id");
    }
}
