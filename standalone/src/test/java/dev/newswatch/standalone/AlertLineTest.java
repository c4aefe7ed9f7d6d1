package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.Severity;
import dev.newswatch.common.events.TopicTag;

class AlertLineTest {

    private static final Evidence EVIDENCE = new Evidence(ArticleField.TITLE, "H20", 13, 16,
            "미 상무부, 엔비디아 H20 수출 통제 검토");
    private static final Alert RAISED = new Alert(Alert.SCHEMA_VERSION, "nvidia-china-exports:0123456789abcdef",
            "nvidia-china-exports", "Nvidia and China exports", Severity.HIGH, "0123456789abcdef", "0123456789abcdef",
            new AlertedArticle("0123456789abcdef", "http://127.0.0.1:18080/chipinsight/news/2001.euc-kr.html",
                    "미 상무부, 엔비디아 H20 수출 통제 검토", "칩인사이트", "chipinsight",
                    Instant.parse("2026-11-21T02:30:15Z"), Instant.parse("2026-11-21T02:30:40Z"),
                    Instant.parse("2026-11-21T02:30:50Z")),
            List.of("when.topics: export-controls 0.90"),
            List.of(new EntityTag("nvidia", "Nvidia", EntityKind.COMPANY, null, List.of(EVIDENCE), Salience.ABOUT),
                    new EntityTag("nvidia-h20", "Nvidia H20", EntityKind.CHIP, "nvidia", List.of(EVIDENCE),
                            Salience.ABOUT)),
            List.of(new TopicTag("export-controls", "Export controls", 0.9, List.of(EVIDENCE))),
            List.of(), List.of(), 1, Instant.parse("2026-11-21T02:31:00Z"), null);

    @Test
    void showsSeverityWatchTitleOutletEntitiesTopicsAndUrlOnOneLine() {
        assertThat(AlertLine.format(RAISED)).isEqualTo("ALERT 11:31:00 KST HIGH [nvidia-china-exports] "
                + "미 상무부, 엔비디아 H20 수출 통제 검토 — 칩인사이트 | Nvidia, Nvidia H20 | export-controls"
                + " | http://127.0.0.1:18080/chipinsight/news/2001.euc-kr.html");
    }

    @Test
    void anUpdateNamesTheOutletsThatReportedTheEventSince() {
        AlertedArticle later = new AlertedArticle("fedcba9876543210", "http://127.0.0.1:18080/techbrief/news/9.html",
                "엔비디아 H20 수출 통제", "테크브리프", "techbrief", null, null, null);

        assertThat(AlertLine.format(RAISED.updated(List.of(later), Instant.parse("2026-11-21T02:36:00Z"))))
                .startsWith("UPDATE 11:36:00 KST HIGH [nvidia-china-exports] 미 상무부")
                .contains("| export-controls | also reported by 테크브리프 | http://127.0.0.1:18080/chipinsight/");
    }
}
