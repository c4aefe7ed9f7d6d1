package dev.newswatch.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import dev.newswatch.common.events.RawArticle;

/**
 * Realistic Korean AI-chip news of 3-5 KB (UTF-8), generated in memory from sentence templates written for this
 * project: a wire dateline and byline, a headline, paragraphs of three to four sentences naming companies, chips,
 * cities, money and shares, with the particles (이/가, 은/는, 을/를, 과/와) that follow each name, and the (끝)
 * sentinel. The same seed gives the same articles.
 *
 * <p>Articles from {@link #KoreanArticles(long)} share their sentence templates, so the story index takes them all
 * for copies of one story: its worst case, and an alert per watch for the whole run. Those from
 * {@link #distinctStories(long)} are each a story of their own, as most real news is: a paragraph holds at most
 * one template sentence (every other one, on average) and otherwise sentences of made-up words (random syllables
 * of the templates, with the right particles), which leaves two articles a small fraction of their shingles in
 * common; each names 화웨이 in its first sentence, so each matches the shipped watch on Chinese AI chips.
 */
public final class KoreanArticles {

    static final int LEAST_BYTES = 3_000;
    static final int MOST_BYTES = 5_000;

    private static final String[] COMPANIES = {"화웨이", "엔비디아", "알리바바", "바이두", "텐센트", "바이트댄스", "캠브리콘",
        "SMIC", "딥시크", "무어스레드", "비런", "메타엑스", "오픈AI", "AMD", "인텔", "TSMC", "삼성전자", "SK하이닉스",
        "마이크로소프트", "구글", "아마존", "메타", "오라클", "샤오미", "즈푸"};
    private static final String[] CHIPS = {"어센드 910B", "어센드 910C", "어센드 950PR", "H20", "H100", "H200", "B200",
        "GB200", "B30A", "HBM3E", "클라우드매트릭스 384"};
    private static final String[] CITIES = {"선전", "베이징", "상하이", "항저우", "산타클래라", "서울", "워싱턴", "타이베이"};
    private static final String[] REPORTERS = {"김하늘", "박서준", "이도윤", "정민수", "최서연", "한지우", "오세린"};
    private static final String[] TITLES = {
        "{co}, {chip} 양산 돌입…{co2} 견제 본격화",
        "美, {chip} 대중 수출 통제 강화 검토…{co} 타격 불가피",
        "{co}, 데이터센터에 {n}억 달러 투자…AI 인프라 경쟁 가열",
        "{co} 새 AI 모델 공개…\"추론 비용 {pct}% 절감\"",
        "{co}, {n}억 위안 투자 유치…기업가치 {n2}억 달러",
        "[분석] {co}{과} {co2}, 중국 AI 칩 시장 주도권 다툼"};
    private static final String[] SENTENCES = {
        "{co}{이} 차세대 AI 가속기 {chip}의 양산을 {month}월부터 시작한다고 밝혔다.",
        "미국 상무부는 {chip}{을} 포함한 첨단 반도체의 대중국 수출 통제를 한층 강화하는 방안을 검토하고 있다.",
        "{co}{은} 올해 데이터센터 투자 규모를 전년보다 {pct}% 늘린 {n}억 달러로 잡았다.",
        "업계에서는 {co}의 {chip} 출하량이 올해 {n}만 개를 넘어설 것으로 보고 있다.",
        "{city}에 새로 짓는 데이터센터는 약 {n}메가와트 규모의 전력을 쓰게 된다.",
        "{co}{은} 자체 개발한 대규모 언어모델의 새 버전을 공개하며 추론 비용을 {pct}% 낮췄다고 설명했다.",
        "시장조사업체들은 중국 AI 칩 시장에서 {co}의 점유율이 {pct}%까지 오를 수 있다고 전망했다.",
        "{co}{은} 이번 투자 유치로 {n}억 위안을 확보했으며 기업가치는 {n2}억 달러로 평가받았다.",
        "고대역폭메모리(HBM) 공급은 여전히 빠듯해 {co}{과} {co2}의 물량 확보 경쟁이 치열하다.",
        "한 증권사 연구원은 \"{chip} 수요가 예상보다 강해 하반기 실적 개선이 기대된다\"고 말했다.",
        "{co}의 주가는 이날 {pct}% 오른 채 거래를 마쳤다.",
        "정부 관계자는 반도체 공급망 안정을 위해 관련 부처와 협의를 이어가겠다고 밝혔다.",
        "{co} 측은 구체적인 고객사 이름을 밝히지 않았지만 주요 클라우드 기업들이 시험 물량을 받은 것으로 알려졌다.",
        "{co}{은} {city}에서 열린 개발자 회의에서 {chip} 기반 서버 랙을 처음 선보였다.",
        "전문가들은 소프트웨어 생태계가 하드웨어 성능만큼 중요하다고 지적한다.",
        "미국 의회 일각에서는 {chip}의 중국 판매를 전면 금지해야 한다는 목소리도 나온다.",
        "{co}{은} 지난 분기 매출이 {n}억 달러로 시장 예상치를 웃돌았다고 발표했다.",
        "회사는 내년까지 {city} 인근에 두 번째 생산 라인을 갖출 계획이다.",
        "이에 따라 {co2}도 가격 인하와 공급 확대를 검토하고 있는 것으로 전해졌다.",
        "중국 정부는 국영 통신사와 공공기관에 자국산 AI 칩 사용을 권고하고 있다.",
        "{co}{이} 공개한 벤치마크 결과에 따르면 {chip}{은} 이전 세대보다 학습 속도가 {pct}% 빨라졌다.",
        "다만 수율 문제가 해결되지 않으면 계획한 물량을 맞추기 어렵다는 관측도 있다.",
        "{co}{과} {co2}{은} AI 인프라 구축을 위한 장기 공급 계약을 맺었다고 {month}일 발표했다.",
        "한국 반도체 업계는 이번 조치가 메모리 수출에 미칠 영향을 면밀히 살피고 있다.",
        "투자자들은 {co}의 설비투자 확대가 수익성에 부담이 될지 주목하고 있다.",
        "{co}{은} 오픈소스로 공개한 모델이 여러 평가에서 상위권에 올랐다고 강조했다.",
        "지난해 공개한 {chip}{은} 전력 효율이 낮다는 지적을 받은 바 있다.",
        "{city} 증시에서는 AI 반도체 관련주가 일제히 강세를 보였다.",
        "{co2} 관계자는 \"고객 수요에 맞춰 생산 능력을 단계적으로 늘리겠다\"고 말했다.",
        "업계는 {month}월 발표될 추가 규제안의 범위에 촉각을 곤두세우고 있다."};
    /** The first sentence of a distinct story, naming its lead company. */
    private static final String LEAD = "{co}{이} 새 AI 가속기 {chip}의 공급 계획을 {month}일 공개했다.";

    /** The Hangul syllables of the templates, which the made-up words are spelled with. */
    private static final char[] SYLLABLES = Stream.concat(Arrays.stream(TITLES), Arrays.stream(SENTENCES))
            .flatMapToInt(String::chars).filter(c -> c >= '가' && c <= '힣').distinct()
            .collect(StringBuilder::new, (out, c) -> out.append((char) c), StringBuilder::append)
            .toString().toCharArray();
    private static final String[] PARTICLE_SLOTS = {"{이}", "{은}", "{을}", "{과}", "의", "에서", "도"};
    private static final String[] VERBS = {"밝혔다", "전했다", "설명했다", "강조했다", "덧붙였다", "내다봤다"};
    /** The company every distinct story names first, one the shipped watch china-ai-chips watches. */
    static final String LEAD_COMPANY = "화웨이";

    private final Random random;
    private final boolean distinctStories;
    private int counter;

    /** Articles that all read as copies of one story. */
    public KoreanArticles(long seed) {
        this(seed, false);
    }

    private KoreanArticles(long seed, boolean distinctStories) {
        this.random = new Random(seed);
        this.distinctStories = distinctStories;
    }

    /** Articles that are each a story of their own and each name {@link #LEAD_COMPANY}. */
    public static KoreanArticles distinctStories(long seed) {
        return new KoreanArticles(seed, true);
    }

    /** {@code count} new articles. */
    public List<RawArticle> next(int count) {
        List<RawArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(next());
        }
        return articles;
    }

    public RawArticle next() {
        String id = HexFormat.of().toHexDigits(random.nextLong());
        String title = fill(pick(TITLES));
        // Room for the last paragraph, which may overshoot the target by up to about 600 bytes.
        int target = LEAST_BYTES + random.nextInt(MOST_BYTES - LEAST_BYTES - 700);
        StringBuilder text = new StringBuilder();
        text.append('(').append(pick(CITIES)).append("=뉴스와치) ").append(pick(REPORTERS)).append(" 기자 = ");
        if (distinctStories) {
            text.append(fill(LEAD, LEAD_COMPANY)).append(' ');
        }
        while (utf8Bytes(text) < target) {
            int sentences = 3 + random.nextInt(2);
            for (int i = 0; i < sentences; i++) {
                boolean madeUp = distinctStories && (i > 0 || random.nextBoolean());
                String sentence = madeUp ? madeUpSentence() : fill(pick(SENTENCES));
                text.append(sentence).append(i + 1 < sentences ? " " : "\n\n");
            }
        }
        text.append("(끝)");
        Instant published = Instant.parse("2026-11-22T00:00:00Z").plusSeconds(counter++ * 60L);
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, "newswatch-bench", "뉴스와치",
                "https://bench.example/news/" + id, title, published, null, published.plusSeconds(30), "ko", null,
                null, text.toString(), "fp-" + id);
    }

    /** Four to seven made-up words, each with a particle, and a verb of reporting. */
    private String madeUpSentence() {
        StringBuilder template = new StringBuilder();
        int words = 4 + random.nextInt(4);
        for (int word = 0; word < words; word++) {
            int syllables = 2 + random.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                template.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            template.append(pick(PARTICLE_SLOTS)).append(' ');
        }
        return fill(template.append(pick(VERBS)).append('.').toString());
    }

    private String fill(String template) {
        return fill(template, pick(COMPANIES));
    }

    private String fill(String template, String company) {
        String other = pick(COMPANIES);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            String slot = template.substring(open + 1, close);
            switch (slot) {
                case "co" -> out.append(company);
                case "co2" -> out.append(other);
                case "chip" -> out.append(pick(CHIPS));
                case "city" -> out.append(pick(CITIES));
                case "n" -> out.append(1 + random.nextInt(900));
                case "n2" -> out.append(String.format(Locale.ROOT, "%,d", 1_000 + random.nextInt(90_000)));
                case "pct" -> out.append(1 + random.nextInt(60));
                case "month" -> out.append(1 + random.nextInt(12));
                case "이" -> out.append(hasFinalConsonant(out) ? "이" : "가");
                case "은" -> out.append(hasFinalConsonant(out) ? "은" : "는");
                case "을" -> out.append(hasFinalConsonant(out) ? "을" : "를");
                case "과" -> out.append(hasFinalConsonant(out) ? "과" : "와");
                default -> throw new IllegalStateException("unknown slot " + slot);
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** Whether the word just written ends in a final consonant (받침), as read aloud, which picks the particle. */
    private static boolean hasFinalConsonant(CharSequence written) {
        char last = written.charAt(written.length() - 1);
        if (last >= '가' && last <= '힣') {
            return (last - '가') % 28 != 0;
        }
        // Latin and digits as Koreans read them: 영(0) 일 삼 육 칠 팔, 엠(M) 엘(L) 엔(N) end in a consonant.
        return "013678LMNlmn".indexOf(last) >= 0;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static int utf8Bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
