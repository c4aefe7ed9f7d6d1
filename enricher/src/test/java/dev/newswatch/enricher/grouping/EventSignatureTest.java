package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;

class EventSignatureTest {

    private final ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
            Clock.systemUTC());
    private final EventSignature signature = new EventSignature();

    private List<String> termsOf(String title, String text) {
        return eventTermsOf(title, text).terms();
    }

    private EventTerms eventTermsOf(String title, String text) {
        ArticleEnricher.Tags tags = enricher.tag(title, text);
        return signature.of(title, text, tags.entities(), tags.topics());
    }

    @Test
    void amountsWrittenDifferentlyByTwoOutletsAreOneTerm() {
        List<String> first = termsOf("AMD, 서버 업체 인수", "AMD가 49억 달러(약 6조5523억원)에 서버 업체를 인수한다고 19일 밝혔다.");
        List<String> second = termsOf("AMD 인수 발표", "AMD는 19일(현지시간) 서버 업체를 49억달러(약 6조5천억원)에 사들인다고 발표했다.");

        assertThat(first).contains("a:usd:49e8", "a:krw:65e11", "d:19");
        assertThat(second).contains("a:usd:49e8", "a:krw:65e11", "d:19");
        assertThat(termsOf("독일 투자", "33억 유로(4조7000억원)를 들인다.")).contains("a:eur:33e8", "a:krw:47e11");
    }

    @Test
    void keepsCompaniesAsEntitiesModelNamesAndContentNounsAndDropsAddressesAndNewsWords() {
        List<String> terms = termsOf("알리바바, 오픈소스 모델 'Qwen3' 공개",
                "[서울=뉴스] 홍길동 기자 = 알리바바가 10일 새 모델 Qwen3-235B를 공개했다. 알리바바는 벤치마크에서 앞섰다고 "
                        + "밝혔다. gildong@news.example https://news.example/1");

        assertThat(terms).contains("e:alibaba", "m:qwen3", "m:qwen3-235b", "n:벤치마크", "n:모델")
                .doesNotContain("n:기자", "m:gildong", "m:news.example", "m:https")
                .noneMatch(term -> term.startsWith("n:") && term.contains("알리"));
    }

    @Test
    void readsOnlyTheOpeningOfALongText() {
        String opening = "화웨이가 새 칩을 공개했다. ".repeat(EventSignature.OPENING_CHARS / 15 + 1);
        List<String> terms = termsOf("화웨이 신제품", opening + "멀리 뒤에 나오는 배경 설명의 우라늄 이야기.");

        assertThat(terms).doesNotContain("n:우라늄");
    }

    @Test
    void putsTheActorAndTheTermsOfTitleAndLeadFirstAsProminentAndTheTailAfter() {
        String tail = " 배경으로는 여러 이야기가 이어진다.".repeat(EventSignature.LEAD_CHARS / 15) + " 우라늄 광산 이야기도 나온다.";
        EventTerms terms = eventTermsOf("화웨이, 새 AI 칩 공개",
                "화웨이가 15일 새 인공지능 칩을 공개했다. 칩은 연말 출하된다." + tail);
        List<String> prominent = terms.terms().subList(0, terms.prominent());

        assertThat(prominent).contains("s:e:huawei", "e:huawei", "d:15").doesNotContain("n:우라늄");
        assertThat(terms.terms()).contains("n:우라늄");
    }

    @Test
    void aTermRepeatedInTheOpeningIsProminentWhereverItStands() {
        String filler = " 배경으로는 여러 이야기가 이어진다.".repeat(EventSignature.LEAD_CHARS / 15);
        EventTerms terms = eventTermsOf("텐센트 발표", "텐센트가 새 모델을 발표했다." + filler
                + " 훈위안은 크다. 훈위안은 빠르다. 훈위안은 싸다. 우라늄 이야기.");
        List<String> prominent = terms.terms().subList(0, terms.prominent());

        assertThat(prominent).contains("n:훈위안").doesNotContain("n:우라늄");
    }

    @Test
    void readsTheReportingPeriodBeforeAResultsWordOnly() {
        assertThat(EventSignature.periods("삼성전자가 31일 2분기 실적발표 콘퍼런스콜에서 3분기 중 양산 공급 예정이라고 했다"))
                .containsExactly("p:2q");
        assertThat(EventSignature.periods("SK하이닉스는 3분기 잠정 경영실적 컨퍼런스콜에서")).containsExactly("p:3q");
        assertThat(EventSignature.periods("상반기 매출이 늘었다")).containsExactly("p:1h");
        assertThat(EventSignature.periods("올 4분기부터 공급이 시작될 것으로 예상된다")).isEmpty();
    }

    @Test
    void readsTheYearOfAnOccasionNotOfADate() {
        assertThat(EventSignature.occasions("모바일월드콩그레스(MWC) 2025 개막을 앞두고")).containsExactly("o:2025");
        assertThat(EventSignature.occasions("'SK AI 서밋 2024'에서 청사진을 공개했다")).containsExactly("o:2024");
        assertThat(EventSignature.occasions("지난 2024년 3월, 기사등록 2025.01.14, 역량을 2026년까지")).isEmpty();
    }
}
