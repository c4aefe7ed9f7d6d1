package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.capex;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.huawei;
import static dev.newswatch.alerts.Articles.microsoft;
import static dev.newswatch.alerts.Articles.nvidiaH20;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;

class WatchMatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
    private static final Watch CHINA_CHIPS = new Watch("china-ai-chips", "China AI chips", "",
            List.of("huawei", "huawei-ascend-910c", "cambricon"), List.of());
    private static final Watch NVIDIA_EXPORTS = new Watch("nvidia-china-exports", "Nvidia China exports", "",
            List.of("nvidia", "nvidia-h20"), List.of("export-controls"));
    private static final Watch CAPEX = new Watch("ai-infra-capex", "AI infrastructure capex", "",
            List.of(), List.of("capex", "data-center"));

    private final WatchMatcher matcher = new WatchMatcher(List.of(CHINA_CHIPS, NVIDIA_EXPORTS, CAPEX),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void entityOnlyWatchFiresOnAnyListedEntityAndCarriesOnlyThose() {
        EnrichedArticle article = article("a1", List.of(huawei(), microsoft()), List.of());

        List<Alert> alerts = matcher.match(article);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("china-ai-chips:a1");
            assertThat(alert.watchId()).isEqualTo("china-ai-chips");
            assertThat(alert.watchName()).isEqualTo("China AI chips");
            assertThat(alert.schemaVersion()).isEqualTo(Alert.SCHEMA_VERSION);
            assertThat(alert.article()).isEqualTo(AlertedArticle.of(article.article()));
            assertThat(alert.entities()).extracting(EntityTag::id).containsExactly("huawei");
            assertThat(alert.topics()).isEmpty();
            assertThat(alert.alertedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void entityAndTopicWatchNeedsBoth() {
        EnrichedArticle entityOnly = article("a2", List.of(nvidiaH20()), List.of());
        EnrichedArticle both = article("a3", List.of(nvidiaH20()), List.of(exportControls()));

        assertThat(matcher.match(entityOnly)).isEmpty();
        assertThat(matcher.match(both)).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("nvidia-china-exports:a3");
            assertThat(alert.entities()).extracting(EntityTag::id).containsExactly("nvidia-h20");
            assertThat(alert.topics()).extracting(TopicTag::id).containsExactly("export-controls");
        });
    }

    @Test
    void topicOnlyWatchCarriesTheMatchedTopicsAndAllEntitiesOfTheArticle() {
        EnrichedArticle article = article("a4", List.of(microsoft()), List.of(capex(), exportControls()));

        assertThat(matcher.match(article)).singleElement().satisfies(alert -> {
            assertThat(alert.watchId()).isEqualTo("ai-infra-capex");
            assertThat(alert.topics()).extracting(TopicTag::id).containsExactly("capex");
            assertThat(alert.entities()).extracting(EntityTag::id).containsExactly("microsoft");
        });
    }

    @Test
    void articleMatchingNoWatchGivesNoAlerts() {
        assertThat(matcher.match(article("a5", List.of(microsoft()), List.of(exportControls())))).isEmpty();
        assertThat(matcher.match(article("a6", List.of(), List.of()))).isEmpty();
    }

    @Test
    void oneAlertPerMatchingWatchInWatchOrder() {
        EnrichedArticle article = article("a7", List.of(nvidiaH20(), huawei()), List.of(exportControls(), capex()));

        assertThat(matcher.match(article)).extracting(Alert::id)
                .containsExactly("china-ai-chips:a7", "nvidia-china-exports:a7", "ai-infra-capex:a7");
    }

    @Test
    void evidenceIsCarriedOverUnchanged() {
        EnrichedArticle article = article("a8", List.of(nvidiaH20()), List.of(exportControls()));

        Alert alert = matcher.match(article).get(0);

        assertThat(alert.entities().get(0).evidence()).isEqualTo(nvidiaH20().evidence());
        assertThat(alert.entities().get(0).evidence().get(0).sentence()).isEqualTo(Articles.EXPORT_SENTENCE);
        assertThat(alert.entities().get(0).evidence().get(0).matched()).isEqualTo("엔비디아 H20");
        assertThat(alert.topics().get(0).evidence()).isEqualTo(exportControls().evidence());
    }
}
