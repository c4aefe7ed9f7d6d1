package dev.newswatch.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.Topics;

class AlertTest {

    @Test
    void aVersionOneAlertReadsWithItsStoryAsItsEventAsRaisedAndOfMediumSeverity() {
        String version1 = """
                {"schemaVersion": 1, "id": "capex:a1", "watchId": "capex", "watchName": "Capex", "storyId": "a1",
                 "article": {"id": "a1", "url": "https://example.kr/1", "title": "투자", "outlet": "테크브리프"},
                 "entities": [], "topics": [], "alertedAt": "2026-11-21T02:31:00Z"}
                """;

        Alert alert = Topics.ALL_ALERTS.deserialize(version1.getBytes(StandardCharsets.UTF_8));

        assertThat(alert.schemaVersion()).isEqualTo(1);
        assertThat(alert.eventId()).isEqualTo("a1");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.revision()).isEqualTo(1);
        assertThat(alert.updatedAt()).isEqualTo(alert.alertedAt());
        assertThat(alert.matched()).isEmpty();
        assertThat(alert.alsoReportedBy()).isEmpty();
        assertThat(alert.article().enrichedAt()).isNull();
    }

    @Test
    void anUpdateKeepsTheAlertAndTheFirstArticleAndCountsItsRevision() {
        AlertedArticle first = new AlertedArticle("a1", "https://example.kr/1", "투자", "테크브리프", "techbrief",
                null, null, null);
        AlertedArticle later = new AlertedArticle("b2", "https://example.kr/2", "투자", "칩인사이트", "chipinsight",
                null, null, null);
        Alert raised = new Alert(Alert.SCHEMA_VERSION, Alert.idFor("capex", "e1"), "capex", "Capex", Severity.LOW,
                "e1", "a1", first, List.of("when.topics: capex 0.90"), List.of(), List.of(), List.of(), List.of(), 1,
                Instant.parse("2026-11-21T02:31:00Z"), null);

        Alert updated = raised.updated(List.of(later), Instant.parse("2026-11-21T02:36:00Z"));

        assertThat(updated.id()).isEqualTo("capex:e1").isEqualTo(raised.id());
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.article()).isEqualTo(first);
        assertThat(updated.alsoReportedBy()).containsExactly(later);
        assertThat(updated.alertedAt()).isEqualTo(raised.alertedAt());
        assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2026-11-21T02:36:00Z"));
        assertThat(Topics.ALL_ALERTS.deserialize(Topics.ALL_ALERTS.serialize(updated))).isEqualTo(updated);
    }

    @Test
    void aWatchReadsBackFromItsTopicAndAConditionLeavingOutAboutReadsAsFalse() {
        Watch watch = new Watch(Watch.SCHEMA_VERSION, "hbm", "HBM", "", Severity.HIGH, true,
                new WatchCondition(null, null, new WatchCondition(null, null, null, null, null, null, null, null, null,
                        null, List.of("주가"), null), List.of("sk-hynix"), List.of("hbm"), null, null, null, null, null,
                        null, true), new WebhookTarget(URI.create("https://hooks.example.com/hbm"), WebhookFormat.SLACK,
                false));

        byte[] written = Topics.WATCHES.serialize(watch);

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"not\":{\"keywords\":[\"주가\"]}")
                .contains("\"webhook\":{\"url\":\"https://hooks.example.com/hbm\",\"format\":\"slack\"");
        assertThat(Topics.WATCHES.deserialize(written)).isEqualTo(watch);
    }
}
