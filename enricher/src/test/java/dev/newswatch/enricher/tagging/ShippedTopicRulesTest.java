package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newswatch.common.events.TopicTag;

/**
 * The labelling guide's topic rules (../shared/data/korean-dev/LABELING.md), each on sentences written here, held
 * against the shipped {@code config/topics.yml}: what counts and what, though it looks alike, does not.
 */
class ShippedTopicRulesTest {

    private static final ArticleEnricher ENRICHER = ArticleEnricher.of(ShippedConfig.entities(),
            ShippedConfig.topics(), Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> rules() {
        return Stream.of(
                tagged("export-controls", "a sanction stated as background", "엔비디아 실적 발표",
                        "엔비디아는 미국의 제재로 중국 매출이 줄었다고 밝혔다."),
                tagged("export-controls", "China ordering firms to stop buying a chip", "중국, 엔비디아 칩 제동",
                        "중국 당국이 자국 기업들에 엔비디아 칩 구매를 금지했다."),
                tagged("export-controls", "a licence granted", "H20 판매 재개",
                        "미국 상무부가 엔비디아에 H20의 중국 판매를 허가했다."),
                tagged("export-controls", "a mineral export control", "중국 광물 통제",
                        "중국 상무부는 갈륨과 게르마늄의 수출을 통제하기로 했다."),
                tagged("export-controls", "a ban on exports to China", "대중 수출 봉쇄",
                        "바이든 행정부는 첨단 반도체의 대중 수출을 막았다."),
                untagged("export-controls", "tariffs alone", "반도체 관세",
                        "미국이 수입 반도체에 25% 관세를 부과한다고 밝혔다."),
                untagged("export-controls", "antitrust", "엔비디아 조사",
                        "중국 시장감독총국이 반독점법 위반 혐의로 엔비디아를 조사한다고 밝혔다."),
                tagged("capex", "a restated multi-year plan with an amount", "클라우드 투자",
                        "회사는 앞서 발표한 3년간 500억 달러 규모의 데이터센터 투자 계획을 재확인했다."),
                tagged("capex", "an amount for infrastructure without the word 설비투자", "구글 투자",
                        "구글은 올해 AI 인프라에 750억 달러를 쓸 계획이다."),
                tagged("capex", "a cut in capex", "메타 긴축", "메타는 올해 설비투자를 20% 줄이기로 했다."),
                untagged("capex", "R&D", "화웨이 실적", "화웨이는 지난해 연구개발에 200억 달러를 투입했다."),
                untagged("capex", "a raise from investors", "문샷 투자 유치",
                        "문샷AI가 10억 달러 규모의 투자를 유치했다."),
                tagged("chip-launch", "a named chip launched", "화웨이 신제품",
                        "화웨이가 새 AI 칩 어센드 950PR을 출시했다."),
                tagged("chip-launch", "a chip named by its model code", "AMD의 AI 가속기 전략",
                        "AMD가 MI400 시리즈를 공개했다."),
                tagged("chip-launch", "a dated shipment plan", "HBM4 일정",
                        "SK하이닉스는 HBM4를 내년 하반기 고객에게 출하할 계획이라고 밝혔다."),
                untagged("chip-launch", "a sample shipment", "HBM4 샘플",
                        "삼성전자가 HBM4 샘플을 고객사에 출하했다."),
                untagged("chip-launch", "a historical launch", "엔비디아 주가",
                        "엔비디아는 지난해 중국용 H20 칩을 출시했다. 회사의 주가는 올랐다."),
                untagged("chip-launch", "a phone launch", "화웨이 신제품",
                        "화웨이가 새 스마트폰 메이트 80을 출시했다."),
                tagged("ai-model-release", "a model released in the news window", "알리바바 신모델",
                        "알리바바가 새 AI 모델 큐원3를 공개했다."),
                untagged("ai-model-release", "a release told as history", "딥시크 1년",
                        "딥시크는 지난해 R1 모델을 공개해 주목받았다."),
                untagged("ai-model-release", "a rumoured model", "딥시크 차기작",
                        "업계는 딥시크가 다음 달 새 모델을 공개할 것으로 예상한다."),
                untagged("ai-model-release", "an app launch", "알리바바 앱",
                        "알리바바가 AI 모델을 담은 새 챗봇 앱을 출시했다."),
                tagged("funding", "a raise from investors", "문샷 투자 유치",
                        "문샷AI가 10억 달러 규모의 투자를 유치했다."),
                tagged("funding", "an amount raised", "xAI 자금",
                        "일론 머스크의 xAI가 60억 달러를 조달했다."),
                untagged("funding", "a hoped-for inflow of investment", "지역 경제",
                        "시는 이번 사업으로 10조 원의 투자 유치가 기대된다고 밝혔다."),
                untagged("funding", "a past investment in passing", "알리바바 실적",
                        "알리바바는 지난해 여러 스타트업에 투자한 바 있다."),
                tagged("data-center", "a data centre being built", "MS 위스콘신",
                        "마이크로소프트가 위스콘신에 새 데이터센터를 짓는다."),
                untagged("data-center", "a chip positioned for data centres", "새 가속기",
                        "이 가속기는 데이터센터용으로 설계됐다."));
    }

    private static Arguments tagged(String topic, String rule, String title, String text) {
        return Arguments.of(topic, true, rule, title, text);
    }

    private static Arguments untagged(String topic, String rule, String title, String text) {
        return Arguments.of(topic, false, rule, title, text);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("rules")
    void followsTheGuide(String topic, boolean expected, String rule, String title, String text) {
        List<String> topics = ENRICHER.tag(title, text).topics().stream().map(TopicTag::id).toList();

        assertThat(topics.contains(topic)).as(rule + " -> " + topics).isEqualTo(expected);
    }
}
