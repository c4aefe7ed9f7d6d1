package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;

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
}
