package dev.newswatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;

class TopicsTest {

    @Test
    void aTypedTopicCarriesItsNameAndReadsWhatItWrites() {
        RawArticle article = new RawArticle(RawArticle.SCHEMA_VERSION, "a1b2c3d4e5f60718", "techbrief", "테크브리프",
                "https://example.kr/news/1", "화웨이, 새 AI 칩 공개", Instant.parse("2026-11-20T00:25:00Z"),
                Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-20T00:26:00Z"), "ko", "김기자", "반도체",
                "화웨이가 새 칩을 공개했다.", "f00d");

        assertThat(Topics.RAW.name()).isEqualTo(Topics.RAW_ARTICLES).isEqualTo("news.raw");
        assertThat(Topics.RAW.deserialize(Topics.RAW.serialize(article))).isEqualTo(article);
        assertThat(Topics.RAW.keySerde().deserializer().deserialize(Topics.RAW.name(),
                Topics.RAW.keySerde().serializer().serialize(Topics.RAW.name(), "기사-1"))).isEqualTo("기사-1");
    }

    @Test
    void aValueThatIsNotTheTopicsTypeNamesTheTopic() {
        assertThatThrownBy(() -> Topics.ENRICHED.deserialize("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("record on news.enriched is not a valid EnrichedArticle");
    }

    @Test
    void deadLetterTopicsKeepTheOriginalBytes() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThat(Topics.RAW_DEAD_LETTERS.deserialize(Topics.RAW_DEAD_LETTERS.serialize(poison))).isEqualTo(poison);
        assertThat(Topics.ENRICHED_DEAD_LETTERS.name()).isEqualTo("news.enriched.dlq");
    }
}
