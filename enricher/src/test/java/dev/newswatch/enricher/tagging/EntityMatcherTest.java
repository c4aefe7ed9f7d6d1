package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.newswatch.enricher.text.PhraseMatch;
import dev.newswatch.enricher.text.TextNormalizer;
import dev.newswatch.enricher.text.TextSpan;

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
            "어센드칩을 썼다, huawei, 어센드",
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

    @ParameterizedTest
    @CsvSource({
            "엔비디아더러 가격을 낮추라고 했다, nvidia, 엔비디아",
            "화웨이로서는 반가운 소식이다, huawei, 화웨이",
            "캠브리콘한테서 칩을 샀다, cambricon, 캠브리콘",
    })
    void asksNoriAboutEndingsTheSuffixListLacks(String text, String id, String surface) {
        assertThat(ids(text)).containsExactly(id);
        assertThat(surfaces(text)).containsExactly(surface);
    }

    @ParameterizedTest
    @CsvSource({
            "'화웨이는 2027년 960, 2028년 970을 내놓는다', huawei-ascend-960",
            "'어센드 로드맵: 950PR 다음은 960', huawei-ascend-960",
            "'알리바바의 PPU가 데이터센터에 들어갔다', alibaba-ppu",
            "'핑터우거가 설계한 PPU', alibaba-ppu",
            "'바이두는 M100을 내년에 출시한다', baidu-kunlun-m100",
            "'메타엑스의 C550 칩', metax-c550",
            "'알리바바가 문샷에 투자했다', moonshot",
            "'중국 AI 스타트업 문샷(Moonshot)', moonshot",
            "'알파벳, 아마존, 메타는 지출을 늘렸다', google",
            "'엔비디아 H20 판매가 재개됐다', nvidia-h20",
    })
    void findsAnAmbiguousAliasInTheContextItAsksFor(String text, String id) {
        assertThat(ids(text)).contains(id);
    }

    @ParameterizedTest
    @CsvSource({
            "'고속도로 960km 구간을 달렸다', huawei-ascend-960",
            "'화웨이는 협력사에 960억 원을 지원한다', huawei-ascend-960",
            "'화웨이 측은 970개 협력사가 혜택을 본다고 했다', huawei-ascend-970",
            "'물리 연산 전용 칩 PPU가 등장했다', alibaba-ppu",
            "'M100 소총을 개량했다', baidu-kunlun-m100",
            "'수소 트럭 H20을 공개했다', nvidia-h20",
            "'스텔스 폭격기 H20이 공개될 예정이다', nvidia-h20",
            "'물의 화학식은 H2O이고 H-20은 폭격기다', nvidia-h20",
            "'정부는 K-문샷 프로젝트에 1조 원을 투입한다', moonshot",
            "'한국형 문샷 전략이 필요하다', moonshot",
            "'문샷 프로그램에 AI 연구가 포함됐다', moonshot",
            "'알파벳 순서대로 정리했다', google",
            "'어센드 9100C는 없다', huawei-ascend-910c",
            "'Prices ascend as demand grows', huawei",
    })
    void ignoresAnAmbiguousAliasOutsideItsContext(String text, String absentId) {
        assertThat(ids(text)).doesNotContain(absentId);
    }

    @ParameterizedTest
    @CsvSource({
            "'Nvidia's H20 and Huawei's Ascend 910C compete in China.', 'nvidia,nvidia-h20,huawei,huawei-ascend-910c'",
            "'SK hynix ships HBM4 to Nvidia; TSMC packages it.', 'sk-hynix,hbm,nvidia,tsmc'",
            "'华为发布昇腾910C，寒武纪和英伟达H20竞争。', 'huawei,huawei-ascend-910c,cambricon,nvidia,nvidia-h20'",
            "'阿里巴巴旗下平头哥的真武PPU', 'alibaba,t-head,alibaba-ppu'",
            "'ＮＶＩＤＩＡ　Ｈ２０ is full-width', 'nvidia,nvidia-h20'",
    })
    void tagsEnglishChineseAndFullWidthText(String text, String expected) {
        assertThat(ids(text)).containsExactly(expected.split(","));
    }
}
