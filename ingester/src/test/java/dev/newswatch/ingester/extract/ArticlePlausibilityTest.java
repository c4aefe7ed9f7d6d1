package dev.newswatch.ingester.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ArticlePlausibilityTest {

    @Test
    void aMaintenanceNoticeIsNoArticle() {
        assertThat(ArticlePlausibility.problem("서비스 점검 중입니다.")).get().asString().contains("too short");
    }

    @Test
    void randomCharactersAreNoArticle() {
        Random random = new Random(7);
        StringBuilder garbage = new StringBuilder();
        for (int n = 0; n < 2_000; n++) {
            garbage.append((char) random.nextInt(0x3000));
        }
        assertThat(ArticlePlausibility.problem(garbage.toString())).get().asString().contains("writing systems");
    }

    @Test
    void koreanNewsWithLatinAndHanjaIsAnArticle() {
        assertThat(ArticlePlausibility.problem("""
                SK하이닉스가 차세대 HBM4 양산 일정을 앞당긴다. 회사 관계자는 "시장 수요가 예상보다 빠르게 늘어 일정을
                서두르게 됐다"고 설명했다. 業界에 따르면 투자 규모는 약 2조원으로, NVIDIA와 AMD 공급 물량이 포함된다.
                """)).isEmpty();
    }

    @Test
    void aShortBriefIsStillAnArticle() {
        assertThat(ArticlePlausibility.problem("[속보] 한국은행, 기준금리 연 3.25%로 동결… 시장 예상 부합")).isEmpty();
    }
}
