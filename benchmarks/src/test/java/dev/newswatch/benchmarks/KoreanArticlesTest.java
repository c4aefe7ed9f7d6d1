package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.enricher.grouping.StorySignature;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;

class KoreanArticlesTest {

    @Test
    void generatesKoreanArticlesOfThreeToFiveKilobytes() {
        List<RawArticle> articles = new KoreanArticles(1L).next(300);

        assertThat(articles).extracting(RawArticle::id).doesNotHaveDuplicates();
        for (RawArticle article : articles) {
            int bytes = (article.title() + article.text()).getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as(article.id()).isBetween(KoreanArticles.LEAST_BYTES, KoreanArticles.MOST_BYTES);
            assertThat(article.text()).contains("=뉴스와치)", " 기자 = ").endsWith("(끝)").doesNotContain("{", "}");
        }
    }

    @Test
    void givesTheSameArticlesForTheSameSeed() {
        assertThat(new KoreanArticles(5L).next(3)).isEqualTo(new KoreanArticles(5L).next(3));
    }

    @Test
    void putsTheParticleThatFollowsEachName() {
        String all = String.join(" ", new KoreanArticles(2L).next(200).stream().map(RawArticle::text).toList());

        assertThat(all).contains("화웨이가", "엔비디아는", "TSMC는", "SK하이닉스가")
                .doesNotContain("화웨이이", "화웨이은", "엔비디아은", "삼성전자이 ", "삼성전자은");
    }

    @Test
    void distinctStoriesAreTooUnlikeEachOtherForTheStoryIndexToGroupThem() {
        List<int[]> signatures = KoreanArticles.distinctStories(3L).next(150).stream()
                .map(article -> new StorySignature().of(article.title(), article.text())).toList();
        double storySimilarity = EnricherSettings.defaults().storySimilarity();

        double mostSimilar = 0;
        for (int i = 0; i < signatures.size(); i++) {
            for (int j = i + 1; j < signatures.size(); j++) {
                mostSimilar = Math.max(mostSimilar, StorySignature.similarity(signatures.get(i), signatures.get(j)));
            }
        }
        System.out.printf("most similar pair of 150 distinct stories: %.3f%n", mostSimilar);
        assertThat(mostSimilar).isLessThan(storySimilarity * 2 / 3);
    }

    @Test
    void everyDistinctStoryIsTaggedWithItsLeadCompany() {
        Path config = Path.of("..", "config");
        ArticleEnricher enricher = ArticleEnricher.of(EntityDictionary.load(config.resolve("entities.yml")),
                TopicRules.load(config.resolve("topics.yml")), Clock.systemUTC());

        for (RawArticle article : KoreanArticles.distinctStories(4L).next(100)) {
            assertThat(enricher.enrich(article).entities()).extracting(EntityTag::id).as(article.id())
                    .contains("huawei");
            int bytes = (article.title() + article.text()).getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isBetween(KoreanArticles.LEAST_BYTES, KoreanArticles.MOST_BYTES);
            assertThat(article.text()).startsWith("(").contains(KoreanArticles.LEAD_COMPANY + "가 ").endsWith("(끝)")
                    .doesNotContain("{", "}");
        }
    }
}
