package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.EnricherSettings;

class StorySignatureTest {

    /** The first slot of the wire story's signature as the shipped hash functions compute it. */
    private static final int PINNED_FIRST_SLOT = -2_144_116_026;

    private final StorySignature signatures = new StorySignature();
    private final StoryText storyText = new StoryText();

    private int[] signature(RawArticle article) {
        return signatures.of(article.title(), article.text());
    }

    @Test
    void stripsDatelinesBylinesAddressesSentinelsCopyrightAndPortalHeaders() {
        String wire = storyText.of(StoryFixtures.WIRE.title(), StoryFixtures.WIRE.text());

        assertThat(wire).startsWith("화웨이ai칩어센드950pr양산착수").contains("중국화웨이가자체개발한")
                .endsWith("70만개를넘을것으로내다봤다")
                .doesNotContain("서울", "연합뉴스", "김하늘", "기자", "haneul", "끝", "저작권", "무단");
        assertThat(storyText.of(StoryFixtures.PORTAL_COPY.title(), StoryFixtures.PORTAL_COPY.text()))
                .isEqualTo(wire);
    }

    @Test
    void stripsBylinesOfEveryShape() {
        assertThat(storyText.of("", "김하늘·이바다 기자 = 본문이다. 박서준 선임기자= 둘째다. 이도윤 특파원 셋째다."))
                .isEqualTo("본문이다둘째다셋째다");
    }

    @Test
    void keepsWordsThatOnlyLookLikeBoilerplate() {
        assertThat(storyText.of("기자회견", "화웨이는 기자회견에서 전기자동차 출하 일정을 밝혔다. 공급은 끝내 미뤄졌다."))
                .isEqualTo("기자회견화웨이는기자회견에서전기자동차출하일정을밝혔다공급은끝내미뤄졌다");
        assertThat(storyText.of("", "수정된 계획에 따르면 출하는 내년이다."))
                .isEqualTo("수정된계획에따르면출하는내년이다");
    }

    @Test
    void ignoresSpacingPunctuationAndFullWidthForms() {
        int[] original = signatures.of("엔비디아 H20 수출 재개", StoryFixtures.EXPORT_REVIEW.text());
        int[] respaced = signatures.of("엔비디아H20  수출재개!", StoryFixtures.EXPORT_REVIEW.text()
                .replace(" ", "  ").replace("H20", "Ｈ２０").replace(".", " ."));

        assertThat(StorySignature.similarity(original, respaced)).isEqualTo(1.0);
    }

    @Test
    void scoresEveryPairOfCopiesAboveTheDefaultThresholdAndEveryOtherPairWellBelow() {
        double threshold = EnricherSettings.defaults().storySimilarity();
        List<RawArticle> copies = new ArrayList<>(StoryFixtures.COPIES);
        copies.add(StoryFixtures.WIRE_RE_EDIT);
        for (RawArticle a : copies) {
            for (RawArticle b : copies) {
                assertThat(StorySignature.similarity(signature(a), signature(b)))
                        .as("%s and %s", a.id(), b.id()).isGreaterThan(threshold + 0.05);
            }
        }
        List<RawArticle> distinct = new ArrayList<>(StoryFixtures.OTHER_STORIES);
        distinct.add(StoryFixtures.WIRE);
        for (RawArticle a : distinct) {
            for (RawArticle b : distinct) {
                if (a != b) {
                    assertThat(StorySignature.similarity(signature(a), signature(b)))
                            .as("%s and %s", a.id(), b.id()).isLessThan(threshold - 0.1);
                }
            }
        }
    }

    @Test
    void makesCopiesCandidatesThroughASharedBandAndKeepsDifferentStoriesOut() {
        List<String> wire = StorySignature.bandKeys(signature(StoryFixtures.WIRE));

        assertThat(wire).hasSize(StorySignature.BANDS).doesNotHaveDuplicates();
        for (RawArticle copy : StoryFixtures.COPIES) {
            assertThat(StorySignature.bandKeys(signature(copy))).as(copy.id()).containsAnyElementsOf(wire);
        }
        for (RawArticle other : StoryFixtures.OTHER_STORIES) {
            assertThat(StorySignature.bandKeys(signature(other))).as(other.id()).doesNotContainAnyElementsOf(wire);
        }
    }

    @Test
    void givesNoSignatureToTooLittleText() {
        assertThat(signatures.of("[속보] 엔비디아, H20 중국 판매 재개", "")).isNull();
        assertThat(signatures.of("", "(서울=연합뉴스) 김하늘 기자 = (끝)")).isNull();
    }

    @Test
    void isTheSameForTheSameTextInEveryRun() {
        int[] signature = signature(StoryFixtures.WIRE);

        assertThat(signature).hasSize(StorySignature.SLOTS).isEqualTo(signature(StoryFixtures.WIRE));
        // Pinned: stored signatures must stay comparable after a restart or an upgrade.
        assertThat(signature[0]).isEqualTo(PINNED_FIRST_SLOT);
    }

}
