package dev.newswatch.ingester;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.newswatch.ingester.url.CanonicalUrls;
import dev.newswatch.testsupport.FaultySite;

/**
 * A news site on 127.0.0.1 whose RSS feed ({@code /rss.xml}) lists {@code items} articles, {@code /news/1} to
 * {@code /news/N}, newest first. Every article page is generated: a distinct headline and three paragraphs in
 * the shape of Korean business news. Like a real outlet's server, the feed carries an ETag and Last-Modified and
 * answers a matching conditional GET with 304.
 */
final class GeneratedNewsSite implements AutoCloseable {

    static final String FEED_PATH = "/rss.xml";

    private static final List<String> COMPANIES = List.of("삼성전자", "SK하이닉스", "LG에너지솔루션", "네이버", "카카오",
            "현대자동차", "KT", "LG유플러스", "포스코퓨처엠", "한화에어로스페이스", "셀트리온", "크래프톤", "엔씨소프트",
            "삼성SDI", "두산에너빌리티", "HD현대중공업");
    private static final List<String> PLANS = List.of("차세대 HBM 양산 일정 앞당긴다", "데이터센터 증설에 대규모 투자",
            "AI 반도체 협력사 확대", "해외 공장 가동률 끌어올린다", "3분기 영업이익 시장 예상 웃돌아",
            "신규 플랫폼 베타 서비스 시작", "전고체 배터리 시제품 공개", "보안 인증 체계 전면 개편",
            "중소 협력사 상생 기금 조성", "유럽 수출 물량 두 배로", "온디바이스 AI 모델 공개", "탄소 감축 로드맵 발표",
            "연구 인력 채용 규모 확대", "북미 합작법인 설립 추진", "사내 시스템 클라우드 전환 가속",
            "연구개발 투자 역대 최대");
    private static final List<String> REPORTERS = List.of("김민준", "이서연", "박지훈", "최수아", "정도윤", "강하은");
    private static final OffsetDateTime NEWEST = OffsetDateTime.of(2026, 11, 20, 18, 0, 0, 0, ZoneOffset.ofHours(9));
    private static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm", Locale.ROOT);

    private final FixtureSite site;
    /** Where the crawler is sent and what the pages link to: the site itself, or a front that makes it misbehave. */
    private final String base;
    private final FaultySite front;
    private final int items;
    private final ScheduledExecutorService publishing = Executors.newSingleThreadScheduledExecutor();
    private volatile int listed;

    private GeneratedNewsSite(FixtureSite site, FaultySite front, int items) {
        this.site = site;
        this.front = front;
        this.base = front == null ? site.base() : front.base();
        if (items < 1 || items > COMPANIES.size() * PLANS.size()) {
            throw new IllegalArgumentException("between 1 and " + COMPANIES.size() * PLANS.size()
                    + " distinct articles, not " + items);
        }
        this.items = items;
        for (int n = 1; n <= items; n++) {
            site.serveText(articlePath(n), "text/html; charset=utf-8", articlePage(n));
        }
        serveFeedListing(items);
    }

    /** Serves a feed listing articles 1 to {@code count}, with an ETag of its own. */
    private void serveFeedListing(int count) {
        listed = count;
        site.serve(FEED_PATH, 200, Map.of("Content-Type", "application/rss+xml; charset=utf-8",
                "ETag", "\"feed-" + count + "\"",
                "Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(NEWEST.withOffsetSameInstant(ZoneOffset.UTC))),
                feed().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lists only the first {@code first} articles now, and one more every {@code every} until all are listed: a
     * site that keeps publishing while the crawler runs.
     */
    GeneratedNewsSite publishOneMoreEvery(int first, Duration every) {
        serveFeedListing(first);
        publishing.scheduleWithFixedDelay(() -> {
            if (listed < items) {
                serveFeedListing(listed + 1);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** How many articles the feed lists now. */
    int listed() {
        return listed;
    }

    static GeneratedNewsSite start(int items) {
        return new GeneratedNewsSite(FixtureSite.start(), null, items);
    }

    /** The site behind a {@link FaultySite} on 127.0.0.1: the crawler is sent to the front, which can misbehave. */
    static GeneratedNewsSite startBehindFront(int items) {
        FixtureSite site = FixtureSite.start();
        return new GeneratedNewsSite(site, FaultySite.in("127.0.0.1", URI.create(site.base()), FEED_PATH::equals),
                items);
    }

    /** The front the crawler talks to; see {@link #startBehindFront}. */
    FaultySite front() {
        if (front == null) {
            throw new IllegalStateException("this site has no front");
        }
        return front;
    }

    /** The site on another loopback address, such as 127.0.0.2: to the crawler, another host. */
    static GeneratedNewsSite startOn(String loopbackAddress, int items) {
        return new GeneratedNewsSite(FixtureSite.startOn(loopbackAddress), null, items);
    }

    int items() {
        return items;
    }

    String feedUrl() {
        return base + FEED_PATH;
    }

    static String articlePath(int n) {
        return "/news/" + n;
    }

    /** Every article the feed lists now: its URL by its news.raw id. */
    Map<String, String> articlesById() {
        Map<String, String> articles = new LinkedHashMap<>();
        for (int n = 1; n <= listed; n++) {
            String url = base + articlePath(n);
            articles.put(CanonicalUrls.articleId(CanonicalUrls.canonicalize(url)), url);
        }
        return articles;
    }

    /** See {@link FixtureSite#failFirstFetch}. */
    GeneratedNewsSite failFirstFetch(int article, int status) {
        site.failFirstFetch(articlePath(article), status);
        return this;
    }

    int failuresServed(int article) {
        return site.failuresServed(articlePath(article));
    }

    int requestsFor(int article) {
        return (int) site.hits().stream().filter(hit -> hit.pathAndQuery().equals(articlePath(article))).count();
    }

    int feedRequests() {
        return site.hitsStartingWith(FEED_PATH).size();
    }

    private String feed() {
        StringBuilder feed = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>가상경제신문 - 산업</title><link>%s/</link>
                <description>가상경제신문 산업면 최신 기사</description><language>ko</language>
                """.formatted(base));
        for (int n = listed; n >= 1; n--) {
            feed.append("""
                    <item><title>%s</title><link>%s%s</link><guid isPermaLink="true">%2$s%3$s</guid>
                    <pubDate>%s</pubDate><description>%s</description></item>
                    """.formatted(headline(n), base, articlePath(n),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(published(n)), firstSentence(n)));
        }
        return feed.append("</channel></rss>\n").toString();
    }

    private String articlePage(int n) {
        String company = company(n);
        int amount = 300 + n * 37;
        return """
                <!DOCTYPE html>
                <html lang="ko">
                <head>
                <meta charset="utf-8">
                <meta property="og:title" content="%1$s">
                <meta property="article:published_time" content="%2$s">
                <link rel="canonical" href="%3$s">
                <title>%1$s - 가상경제신문</title>
                </head>
                <body>
                <nav><a href="/">홈</a> <a href="/industry">산업</a> <a href="/it">IT</a></nav>
                <div class="article-head"><h1>%1$s</h1><span class="date">입력 %4$s</span>
                <span class="byline">%5$s 기자</span></div>
                <div id="articleBody">
                <p>%6$s 회사 관계자는 "시장 수요가 예상보다 빠르게 늘어 일정을 서두르게 됐다"고 설명했다.</p>
                <p>업계에 따르면 이번 계획에 들어가는 투자 규모는 약 %7$d억원으로, 올해 상반기보다 %8$d%% 늘어난 수준이다.
                증권가에서는 이르면 %9$d분기부터 실적에 반영될 것으로 내다봤다.</p>
                <p>한 업계 관계자는 "%10$s의 이번 결정은 경쟁사들의 전략에도 영향을 줄 것"이라며 "후속 발표를 지켜봐야 한다"고 말했다.</p>
                </div>
                <footer><p>ⓒ 가상경제신문 무단 전재 및 재배포 금지</p></footer>
                </body>
                </html>
                """.formatted(headline(n), published(n).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                base + articlePath(n), published(n).format(PAGE_DATE), REPORTERS.get(n % REPORTERS.size()),
                firstSentence(n), amount, 5 + n % 40, 1 + n % 4, company);
    }

    private static String headline(int n) {
        return company(n) + ", " + PLANS.get((n - 1) / COMPANIES.size());
    }

    private String firstSentence(int n) {
        return company(n) + " 측은 " + published(n).getMonthValue() + "월 " + published(n).getDayOfMonth()
                + "일 서울 본사에서 열린 간담회에서 '" + PLANS.get((n - 1) / COMPANIES.size()) + "' 계획의 세부 내용을 공개했다.";
    }

    private static String company(int n) {
        return COMPANIES.get((n - 1) % COMPANIES.size());
    }

    /** Article N is the latest, seven minutes after article N-1. */
    private OffsetDateTime published(int n) {
        return NEWEST.minusMinutes(7L * (items - n));
    }

    @Override
    public void close() {
        publishing.shutdownNow();
        if (front != null) {
            front.close();
        }
        site.close();
    }
}
