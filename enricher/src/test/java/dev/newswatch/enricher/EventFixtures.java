package dev.newswatch.enricher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.newswatch.common.events.RawArticle;

/**
 * Korean news written for these tests: one development (the US grants Nvidia licences to sell H20 accelerators
 * to China) reported by three outlets in their own words, hours apart, and a different development on the same
 * companies and chip a month later (China tells its firms to stop buying the H20).
 */
final class EventFixtures {

    static final Instant GRANTED = Instant.parse("2026-08-12T01:00:00Z");
    static final Instant BANNED = GRANTED.plus(Duration.ofDays(31));

    static final RawArticle WIRE = article("wire-h20-licence", "yonhap", "연합뉴스", GRANTED,
            "美 상무부, 엔비디아 H20 中 수출 라이선스 발급…매출 15% 납부 조건", """
            (워싱턴=연합뉴스) 김하늘 특파원 = 미국 상무부가 엔비디아의 인공지능(AI) 가속기 H20을 중국에 판매할 수 있도록 \
            수출 라이선스를 발급했다고 11일(현지시간) 밝혔다.

            상무부 산하 산업안보국(BIS)은 엔비디아가 중국 판매 매출의 15%를 미국 정부에 납부하는 조건을 붙였다. \
            AMD의 MI308도 같은 조건으로 라이선스를 받았다.

            엔비디아는 지난 4월 H20 수출이 막히면서 분기 매출에서 45억달러를 손실 처리한 바 있다.""");

    static final RawArticle DAILY = article("daily-h20-licence", "econdaily", "경제일보", GRANTED.plusSeconds(3 * 3600),
            "엔비디아, H20 중국 판매 길 다시 열렸다", """
            [경제일보 박서준 기자] 엔비디아가 중국 수출용 AI 칩 H20을 다시 팔 수 있게 됐다. 미 상무부 산업안보국(BIS)이 \
            11일(현지시간) 엔비디아에 라이선스를 내주면서다.

            조건은 까다롭다. 엔비디아는 중국에서 올린 매출의 15%를 미 정부에 내야 한다. 업계는 이번 라이선스로 엔비디아가 \
            45억달러 규모의 재고를 털어낼 수 있을 것으로 본다. AMD MI308 역시 라이선스를 받았다.""");

    static final RawArticle PORTAL = article("portal-h20-licence", "techportal", "테크포털", GRANTED.plusSeconds(9 * 3600),
            "\"매출 15% 내라\"…美, 엔비디아·AMD 대중 수출 조건부 허용", """
            미국 정부가 엔비디아 H20과 AMD MI308의 중국 수출 라이선스를 승인했다. 다만 두 회사는 중국 매출의 15%를 \
            정부에 납부해야 한다.

            11일(현지시간) 상무부 산업안보국(BIS)에 따르면 라이선스는 엔비디아가 요청한 물량 대부분에 대해 발급됐다. \
            엔비디아는 앞서 H20 재고 관련 손실로 45억달러를 반영했다.""");

    static final RawArticle BAN = article("wire-h20-ban", "yonhap", "연합뉴스", BANNED,
            "中, 자국 기업에 엔비디아 H20 구매 중단 지시…\"국산 칩 써라\"", """
            (베이징=연합뉴스) 이바다 특파원 = 중국 국가인터넷정보판공실이 바이트댄스와 알리바바 등 자국 빅테크에 엔비디아 \
            H20 주문을 멈추라고 지시했다고 12일 파이낸셜타임스가 보도했다.

            당국은 H20에 보안 위험이 있다며 화웨이 어센드 910C 등 국산 AI 칩을 쓰라고 권고했다. 엔비디아는 \
            H20 생산 업체들에 작업 중단을 통보한 것으로 전해졌다.""");

    static final List<RawArticle> REPORTS = List.of(WIRE, DAILY, PORTAL);

    private EventFixtures() {
    }

    private static RawArticle article(String id, String sourceId, String outlet, Instant published, String title,
            String text) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, sourceId, outlet, "https://" + sourceId + ".example/" + id,
                title, published, null, published.plusSeconds(60), "ko", null, null, text, "fp-" + id);
    }
}
