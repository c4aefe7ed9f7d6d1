package dev.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.WebhookFormat;
import dev.newswatch.common.json.Json;

class SlackMessageTest {

    @Test
    void theMessageLinksTheTitleAndEscapesWhatSlackReadsAsMarkup() throws Exception {
        Alert alert = Alerts.alert("nvidia-china-exports", "a1", "엔비디아 <H20> & 수출 | 통제",
                Instant.parse("2026-11-20T01:00:00Z"));

        JsonNode message = Json.mapper().readTree(SlackMessage.of(alert));

        assertThat(message.get("text").asText()).isEqualTo("*Watch nvidia-china-exports* (high) "
                + "<https://www.chipinsight.example/news/a1|엔비디아 &lt;H20&gt; &amp; 수출 ¦ 통제> — 칩인사이트");
        assertThat(message.size()).isEqualTo(1);
    }

    @Test
    void anUpdateNamesTheOutletsThatReportedTheEventSince() throws Exception {
        Instant raised = Instant.parse("2026-11-20T01:00:00Z");
        Alert alert = Alerts.alert("w", "a1", "화웨이 어센드 950 공개", raised).updated(List.of(
                Alerts.article("a2", "화웨이, 950 출시", "테크브리프", raised.plusSeconds(60)),
                Alerts.article("a3", "화웨이 신형 칩", "R&D 뉴스", raised.plusSeconds(90))), raised.plusSeconds(120));

        assertThat(Json.mapper().readTree(SlackMessage.of(alert)).get("text").asText())
                .endsWith("— 칩인사이트\nalso reported by 테크브리프, R&amp;D 뉴스");
    }

    @Test
    void theJsonFormatSendsTheAlertRecordAsItIs() {
        byte[] record = "{\"id\":\"w:a1\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookBody.of(WebhookFormat.JSON, Alerts.alert("w", "a1", "t", Instant.EPOCH), record))
                .isSameAs(record);
    }
}
