package dev.newswatch.enricher.grouping;

import java.time.Instant;
import java.util.List;

import dev.newswatch.common.events.RawArticle;

/**
 * Korean news written for these tests: one wire story in five versions (the wire original, another agency's
 * rewrite with its paragraphs re-ordered, a portal copy with its header, an economic daily's heavier rewrite,
 * and a re-edit of the original under the same article id) and four different stories about the same companies.
 */
public final class StoryFixtures {

    public static final Instant PUBLISHED = Instant.parse("2026-11-22T06:00:00Z");

    public static final RawArticle WIRE = article("yna-950pr", "yonhap", "연합뉴스",
            "화웨이, AI 칩 '어센드 950PR' 양산 착수…SK하이닉스 HBM 공급 협의", """
            (서울=연합뉴스) 김하늘 기자 = 중국 화웨이가 자체 개발한 인공지능(AI) 가속기 '어센드 950PR'의 양산에 착수했다고 22일 밝혔다.

            화웨이는 이날 선전 본사에서 열린 협력사 행사에서 어센드 950PR이 올해 1분기부터 데이터센터 고객사에 공급되고 있다고 설명했다. 회사 측은 전작인 어센드 910C보다 추론 성능이 두 배 이상 높아졌다고 강조했다.

            업계에서는 화웨이가 고대역폭메모리(HBM) 확보를 위해 SK하이닉스 등 한국 메모리 업체와도 공급 방안을 협의하고 있는 것으로 보고 있다. 다만 미국의 대중국 수출 통제 때문에 실제 계약으로 이어질지는 불투명하다.

            중국 정부는 엔비디아 H20 대신 자국산 칩을 쓰라고 주요 클라우드 기업에 권고해 왔다. 시장조사업체들은 화웨이의 올해 AI 칩 출하량이 70만 개를 넘을 것으로 내다봤다.

            haneul@yna.example
            (끝)
            <저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>""");

    public static final RawArticle AGENCY_REWRITE = article("nsis-950pr", "newsis", "뉴시스",
            "中 화웨이 '어센드 950PR' 양산 돌입…\"910C보다 추론 성능 2배\"", """
            [서울=뉴시스] 박서준 기자 = 중국 화웨이가 자체 개발한 AI 가속기 '어센드 950PR'의 양산에 들어갔다고 22일 밝혔다.

            회사 측은 전작인 어센드 910C보다 추론 성능이 두 배 이상 높아졌다고 강조했다. 화웨이는 이날 선전 본사에서 열린 협력사 행사에서 어센드 950PR이 올해 1분기부터 데이터센터 고객사에 공급되고 있다고 설명했다.

            시장조사업체들은 화웨이의 올해 AI 칩 출하량이 70만 개를 넘을 것으로 내다봤다. 중국 정부는 엔비디아 H20 대신 자국산 칩을 쓰라고 주요 클라우드 기업에 권고해 왔다.

            업계는 화웨이가 고대역폭메모리(HBM)를 확보하려고 SK하이닉스 등 한국 메모리 업체와 공급 방안을 협의 중인 것으로 본다. 다만 미국의 대중국 수출 통제로 실제 계약까지 이어질지는 불투명하다.

            psj@newsis.example
            ⓒ 뉴시스, 무단 전재 및 재배포 금지""");

    public static final RawArticle PORTAL_COPY = article("portal-950pr", "portal", "포털뉴스",
            "[종합] 화웨이, AI 칩 '어센드 950PR' 양산 착수…SK하이닉스 HBM 공급 협의", """
            입력 2026.11.22. 오전 7:10  수정 2026.11.22. 오전 7:42
            기사제공 연합뉴스
            [사진=연합뉴스]
            중국 화웨이가 자체 개발한 인공지능(AI) 가속기 '어센드 950PR'의 양산에 착수했다고 22일 밝혔다.

            화웨이는 이날 선전 본사에서 열린 협력사 행사에서 어센드 950PR이 올해 1분기부터 데이터센터 고객사에 공급되고 있다고 설명했다. 회사 측은 전작인 어센드 910C보다 추론 성능이 두 배 이상 높아졌다고 강조했다.

            업계에서는 화웨이가 고대역폭메모리(HBM) 확보를 위해 SK하이닉스 등 한국 메모리 업체와도 공급 방안을 협의하고 있는 것으로 보고 있다. 다만 미국의 대중국 수출 통제 때문에 실제 계약으로 이어질지는 불투명하다.

            중국 정부는 엔비디아 H20 대신 자국산 칩을 쓰라고 주요 클라우드 기업에 권고해 왔다. 시장조사업체들은 화웨이의 올해 AI 칩 출하량이 70만 개를 넘을 것으로 내다봤다.

            Copyright ⓒ 연합뉴스. All rights reserved. 무단 전재 및 재배포 금지.""");

    static final RawArticle DAILY_REWRITE = article("hk-950pr", "hankyung", "한국경제",
            "화웨이 AI 칩 '어센드 950PR' 본격 양산…HBM 확보 위해 SK하이닉스와 협의", """
            [베이징=한국경제] 이도윤 특파원 = 중국 화웨이가 인공지능(AI) 가속기 '어센드 950PR'을 본격 양산하기 시작했다고 22일 밝혔다.

            화웨이는 선전 본사에서 열린 협력사 행사에서 어센드 950PR이 올해 1분기부터 데이터센터 고객사에 공급되고 있다고 설명했다. 전작 어센드 910C와 비교해 추론 성능이 두 배 이상 높아졌다는 게 회사 측 설명이다.

            업계에서는 화웨이가 고대역폭메모리(HBM) 확보를 위해 SK하이닉스 등 한국 메모리 업체와 공급 방안을 협의하고 있는 것으로 보고 있다. 미국의 대중국 수출 통제 때문에 실제 계약으로 이어질지는 불투명하다는 관측이 많다.

            시장조사업체들은 화웨이의 올해 AI 칩 출하량이 70만 개를 넘을 것으로 내다봤다.

            이도윤 특파원 dylee@hankyung.example""");

    /** The wire original again, edited after publication: same article id, one sentence added. */
    public static final RawArticle WIRE_RE_EDIT = article("yna-950pr", "yonhap", "연합뉴스",
            "화웨이, AI 칩 '어센드 950PR' 양산 착수…SK하이닉스 HBM 공급 협의(종합)", WIRE.text().replace(
                    "내다봤다.", "내다봤다. 화웨이는 내년 후속 제품인 어센드 950DT도 내놓을 예정이다."));

    public static final List<RawArticle> COPIES = List.of(WIRE, AGENCY_REWRITE, PORTAL_COPY, DAILY_REWRITE);

    public static final RawArticle EXPORT_REVIEW = article("yna-h20-review", "yonhap", "연합뉴스",
            "美 상무부, 엔비디아 H20 대중국 수출 허가 재검토…화웨이 견제", """
            (워싱턴=연합뉴스) 정민수 특파원 = 미국 상무부가 엔비디아의 중국 수출용 AI 칩 H20에 대한 수출 허가를 다시 검토하고 있다고 21일(현지시간) 밝혔다.

            상무부 관계자는 화웨이의 어센드 칩 생산 능력이 빠르게 커지고 있어 기존 허가 기준을 손볼 필요가 있다고 말했다. 엔비디아는 중국 매출 비중이 이미 크게 줄었다며 추가 규제가 미국 기업의 경쟁력만 떨어뜨릴 것이라고 반박했다.

            의회 일각에서는 HBM과 같은 첨단 메모리까지 통제 대상을 넓혀야 한다는 주장도 나온다. SK하이닉스와 삼성전자는 규제 범위가 확정되는 대로 대응 방안을 내놓겠다는 입장이다.
            (끝)""");

    public static final RawArticle PHONE_LAUNCH = article("yna-mate", "yonhap", "연합뉴스",
            "화웨이, 새 스마트폰 메이트 80 공개…자체 칩 기린 탑재", """
            (서울=연합뉴스) 김하늘 기자 = 화웨이가 22일 중국 선전에서 신형 스마트폰 '메이트 80' 시리즈를 공개했다.

            새 제품에는 화웨이 자회사 하이실리콘이 설계한 기린 칩이 들어갔다. 화웨이는 카메라와 배터리 성능을 크게 개선했다고 소개했다.

            업계에서는 화웨이가 중국 내 고급 스마트폰 시장에서 애플과 점유율 격차를 좁힐 것으로 본다. 판매는 다음 달 초 시작된다.

            haneul@yna.example
            (끝)
            <저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>""");

    static final RawArticle HBM_PLANT = article("yna-hbm-plant", "yonhap", "연합뉴스",
            "SK하이닉스, 청주에 HBM 전용 공장 착공…20조원 투자", """
            (서울=연합뉴스) 김하늘 기자 = SK하이닉스가 충북 청주에 고대역폭메모리(HBM) 전용 생산 공장을 착공했다고 22일 밝혔다.

            회사는 2028년까지 약 20조원을 투자해 차세대 HBM 생산 능력을 두 배로 늘릴 계획이다. 엔비디아와 AMD 등 주요 고객사의 주문이 이미 내년 물량까지 채워졌다고 회사 측은 설명했다.

            업계에서는 화웨이 등 중국 업체의 HBM 수요도 커지고 있지만 미국의 수출 통제 때문에 당장 공급이 어렵다고 본다.

            haneul@yna.example
            (끝)""");

    static final RawArticle RIVALRY_ANALYSIS = article("yna-rivalry", "yonhap", "연합뉴스",
            "[분석] 화웨이 어센드와 엔비디아 H20, 중국 AI 칩 시장 승자는", """
            (서울=연합뉴스) 이서연 기자 = 중국 AI 칩 시장에서 화웨이 어센드 910C와 엔비디아 H20의 경쟁이 치열해지고 있다.

            엔비디아 H20은 미국 수출 규정에 맞춰 성능을 낮춘 제품이지만 쿠다(CUDA) 생태계 덕분에 여전히 인기가 높다. 반면 화웨이는 자체 소프트웨어 캔(CANN)을 앞세워 개발자를 끌어모으고 있다.

            전문가들은 HBM 공급이 두 회사의 승부를 가를 변수라고 지적한다. SK하이닉스 관계자는 중국향 HBM 공급은 규정을 철저히 따르고 있다고 말했다.

            (끝)""");

    public static final List<RawArticle> OTHER_STORIES = List.of(EXPORT_REVIEW, PHONE_LAUNCH, HBM_PLANT, RIVALRY_ANALYSIS);

    private StoryFixtures() {
    }

    public static RawArticle article(String id, String sourceId, String outlet, String title, String text) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, sourceId, outlet, "https://" + sourceId + ".example/" + id,
                title, PUBLISHED, null, PUBLISHED.plusSeconds(60), "ko", null, null, text, "fp-" + id);
    }
}
