package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.grouping.StoryFixtures;

class ArticleTextLimitTest {

    private final AtomicInteger cuts = new AtomicInteger();
    private final ArticleTextLimit limit = new ArticleTextLimit(2_000, cuts::incrementAndGet);

    @Test
    void leavesAnOrdinaryArticleAlone() {
        assertThat(limit.apply(StoryFixtures.WIRE)).isSameAs(StoryFixtures.WIRE);
        assertThat(cuts).hasValue(0);
    }

    @Test
    void cutsTitleAndTextToTheirLimitsWithoutSplittingASurrogatePair() {
        String text = "가".repeat(1_999) + "😀" + "나".repeat(100);
        RawArticle long_ = StoryFixtures.article("long", "demo", "데모뉴스", "제".repeat(5_000), text);

        RawArticle cut = limit.apply(long_);

        assertThat(cut.title()).hasSize(ArticleTextLimit.TITLE_CHARS);
        assertThat(cut.text()).isEqualTo("가".repeat(1_999));
        assertThat(cut.id()).isEqualTo("long");
        assertThat(cuts).hasValue(1);
    }

    @Test
    void endsRunsWithoutASentenceEndAtTheirNextSpaceKeepingOffsets() {
        String run = "화웨이 어센드 ".repeat(300);
        RawArticle unpunctuated = StoryFixtures.article("run", "demo", "데모뉴스", "제목", run.substring(0, 1_900));

        String text = limit.apply(unpunctuated).text();

        assertThat(text).hasSize(1_900).contains("\n");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(
                ArticleTextLimit.SENTENCE_CHARS + 10));
        assertThat(text.replace('\n', ' ')).isEqualTo(run.substring(0, 1_900));
    }
}
