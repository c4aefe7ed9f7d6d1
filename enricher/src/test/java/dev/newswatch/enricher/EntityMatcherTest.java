package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityMatcherTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final EntityMatcher MATCHER = new EntityMatcher(ShippedConfig.entities(), NORMALIZER);

    private static List<String> ids(String text) {
        return MATCHER.find(NORMALIZER.normalize(text)).stream().map(match -> match.payload().id()).toList();
    }

    private static List<String> surfaces(String text) {
        return MATCHER.find(NORMALIZER.normalize(text)).stream().map(match -> match.span().of(text)).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "화웨이는 새 칩을 내놓았다, huawei, 화웨이",
            "엔비디아가 답했다, nvidia, 엔비디아",
            "알리바바의 자회사, alibaba, 알리바바",
            "H20칩 판매가 줄었다, nvidia-h20, H20",
            "H20을 사들였다, nvidia-h20, H20",
            "캄브리콘측에서는 부인했다, cambricon, 캄브리콘",
            "寒武纪发布新芯片, cambricon, 寒武纪",
            "SK하이닉스와 삼성전자, sk-hynix, SK하이닉스",
            "Meta's new cluster, meta, Meta",
            "메타는 데이터센터를 짓는다, meta, 메타",
    })
    void findsANameFollowedByAParticleOrSuffix(String text, String id, String surface) {
        assertThat(ids(text)).startsWith(id);
        assertThat(surfaces(text)).startsWith(surface);
    }

    @ParameterizedTest
    @CsvSource({
            "엔비디아 H200 수출, nvidia-h20",
            "메타버스 플랫폼을 키운다, meta",
            "파라메타 값을 바꿨다, meta",
            "H-20 폭격기가 공개됐다, nvidia-h20",
            "인텔리전스 기능을 넣었다, intel",
            "GB200 랙을 들였다, nvidia-b200",
            "MetaX의 GPU, meta",
            "삼성바이오로직스가 상장했다, samsung-electronics",
    })
    void doesNotFindANameInsideALongerWord(String text, String absentId) {
        assertThat(ids(text)).doesNotContain(absentId);
    }

    @Test
    void findsH200ButNotH20InH200() {
        assertThat(ids("H200과 H20")).containsExactly("nvidia-h200", "nvidia-h20");
    }

    @ParameterizedTest
    @CsvSource({"어센드910C", "어센드 910C", "Ascend-910C", "ascend 910c", "昇腾910C", "아센드 910C를"})
    void matchesSpacingAndScriptVariants(String text) {
        assertThat(ids(text)).containsExactly("huawei-ascend-910c");
    }

    @Test
    void reportsMatchesInOriginalOffsets() {
        String text = "중국 화웨이는 어센드  910C를 팔았다";
        List<PhraseMatch<EntityDefinition>> matches = MATCHER.find(NORMALIZER.normalize(text));

        assertThat(matches).extracting(match -> match.span().of(text)).containsExactly("화웨이", "어센드  910C");
        assertThat(matches.get(1).span()).isEqualTo(new TextSpan(8, 17));
    }

    @Test
    void namesBothChipsOfAMiddleDotPair() {
        assertThat(ids("화웨이는 어센드 950PR·950DT를 내놓는다"))
                .containsExactly("huawei", "huawei-ascend-950pr", "huawei-ascend-950dt");
    }
}
