package dev.newswatch.ingester.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor();
    private static final Instant FEED_DATE = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void jsonLdPageGivesOgTitleBodyWithoutChromeAndCanonicalUrl() throws IngestException {
        ExtractedArticle article = extractor.extract(FixtureSite.fixture("article-jsonld.html"),
                URI.create("https://news.example.co.kr/article/20261120001?utm_source=naver"), FEED_DATE);

        assertThat(article.title()).isEqualTo("미국, 중국향 AI 가속기 수출 통제 추가 강화");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo("https://news.example.co.kr/article/20261120001?page=1");
        assertThat(article.text()).isEqualTo("""
                미국 상무부가 중국으로 향하는 인공지능(AI) 가속기에 대한 수출 통제를 한층 강화하는 방안을 내놓았다.

                업계에서는 이번 조치가 데이터센터 투자 계획에도 영향을 줄 것으로 내다봤다.

                한 업계 관계자는 "공급망 재편이 빨라질 것"이라고 말했다.""");
    }

    @Test
    void koreanBylineGivesTheFirstPublicationTimeInSeoulAndOgUrlTheCanonical() throws IngestException {
        ExtractedArticle article = extractor.extract(FixtureSite.fixture("article-byline.html"),
                URI.create("https://m.chipnews.example.kr/news/articleView.html?idxno=4821"), FEED_DATE);

        assertThat(article.title()).isEqualTo("국산 AI 반도체 양산 돌입");
        // 입력 2026.11.19 14:05 KST; the later 수정 time is not the publication time.
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-19T05:05:00Z"));
        assertThat(article.canonicalUrl())
                .isEqualTo("http://www.chipnews.example.kr/news/articleView.html?idxno=4821");
        assertThat(article.text().split("\n\n")).containsExactly(
                "국내 팹리스 기업이 자체 설계한 AI 추론용 반도체의 양산에 들어갔다고 19일 밝혔다.",
                "회사는 내년 상반기까지 국내 클라우드 사업자 두 곳에 칩을 공급할 계획이다.",
                "회사 측은 전력 효율을 경쟁 제품보다 30% 가량 높였다고 설명했다.");
    }

    @Test
    void publishedTimeMetaAndTitleElementAndFetchedUrlAsCanonical() throws IngestException {
        ExtractedArticle article = extractor.extract(FixtureSite.fixture("article-meta.html"),
                URI.create("HTTPS://Cloud.Example.kr/biz/991#share"), FEED_DATE);

        assertThat(article.title()).isEqualTo("데이터센터 투자 확대 발표");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-17T22:00:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo("https://cloud.example.kr/biz/991");
        assertThat(article.text()).isEqualTo("한 클라우드 기업이 국내 데이터센터 증설에 5조 원을 투자한다고 18일 발표했다."
                + "\n\n새 데이터센터는 2028년 가동을 목표로 한다.");
    }

    @Test
    void feedDateIsUsedWhenThePageStatesNone() throws IngestException {
        String html = "<html><head><title>날짜 없는 기사</title></head><body><p>본문만 있는 가상의 기사다.</p></body></html>";
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/1"), FEED_DATE);
        assertThat(article.publishedAt()).isEqualTo(FEED_DATE);
    }

    @Test
    void bodySeparatedByLineBreaksAndAfternoonByline() throws IngestException {
        String html = "<html><head><title>오후 기사</title></head><body><div>기사입력 : 2026-11-20 오후 3:07</div>"
                + "<div id=\"article-view-content-div\">첫 문단이다.<br><br>둘째 문단이다.<br>ⓒ 가상신문</div></body></html>";
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/2"), null);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-20T06:07:00Z"));
        assertThat(article.text()).isEqualTo("첫 문단이다.\n\n둘째 문단이다.");
    }

    @Test
    void aWrapperWithAChromeLikeNameKeepsTheArticleInside() throws IngestException {
        String html = "<html><head><title>감싼 기사</title></head><body><div class=\"wrap has-comments\">"
                + "<div itemprop=\"articleBody\"><p>본문 첫 문단.</p><p>본문 둘째 문단.</p></div>"
                + "<div class=\"comment-list\"><p>독자 댓글은 본문이 아니다.</p></div></div></body></html>";
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/4"), null);
        assertThat(article.text()).isEqualTo("본문 첫 문단.\n\n본문 둘째 문단.");
    }

    @Test
    void metadataFromJsonLdAndOpenGraph() throws IngestException {
        String html = """
                <html lang="ko-KR"><head><title>무시되는 제목</title>
                <meta property="og:title" content="엔비디아 H20 후속 칩 심사 강화 - 가상신문">
                <meta property="og:site_name" content="가상신문">
                <meta property="article:section" content="국제">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                  "headline":"엔비디아 H20 후속 칩 심사 강화","datePublished":"2026-04-16T09:25:00+09:00",
                  "dateModified":"2026-04-16T11:00:00+09:00",
                  "author":[{"@type":"Person","name":"박지훈 기자"},{"@type":"Person","name":"김서연 기자"}],}
                </script></head>
                <body><article><p>미국 상무부가 중국향 AI 칩 수출 허가 심사를 강화하는 새 규정을 내놓았다.</p></article></body></html>
                """;
        ExtractedArticle article = extractor.extract(html, URI.create("https://news.example.kr/1"), FEED_DATE,
                ExtractionRules.NONE, "en");
        assertThat(article.title()).isEqualTo("엔비디아 H20 후속 칩 심사 강화");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-04-16T00:25:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-04-16T02:00:00Z"));
        assertThat(article.author()).isEqualTo("박지훈 기자, 김서연 기자");
        assertThat(article.section()).isEqualTo("국제");
        assertThat(article.language()).isEqualTo("ko");
    }

    @Test
    void koreanBylineAndBreadcrumbAndCallersLanguage() throws IngestException {
        String html = """
                <html><head><title>데이터센터 전력난</title></head><body>
                <div class="location"><a href="/">홈</a> &gt; <a href="/eco">경제</a> &gt; <a href="/eco/ind">산업</a></div>
                <h1>데이터센터 전력난</h1>
                <div class="view_info">윤가람 기자 | 입력 2026.06.22. 09:31 | 수정 2026.06.22. 10:02</div>
                <div class="view_text"><p>AI 데이터센터 건설이 이어지면서 전력망 부족이 투자 속도를 제약하고 있다.</p></div>
                </body></html>
                """;
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/5"), null,
                ExtractionRules.NONE, "ko");
        assertThat(article.author()).isEqualTo("윤가람 기자");
        assertThat(article.section()).isEqualTo("산업");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-06-22T00:31:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-06-22T01:02:00Z"));
        assertThat(article.language()).isEqualTo("ko");
        assertThat(article.text()).isEqualTo("AI 데이터센터 건설이 이어지면서 전력망 부족이 투자 속도를 제약하고 있다.");
    }

    @Test
    void sourceSelectorsOverrideTheGeneralExtractor() throws IngestException {
        String html = """
                <html><head><meta property="og:title" content="사이트 제목"></head><body>
                <h2 class="news_ttl">선택자 제목</h2><span class="registration_time">2026.03.12 09:25</span>
                <div id="articleBody"><p>첫 문단.</p><div class="ad">광고 문구</div><p>둘째 문단.</p></div>
                <div class="long">선택자가 고르지 않은 아주 긴 문단이 여기에 있다고 해도 본문이 아니다. 반복되는 문장이 길게 이어진다.</div>
                </body></html>
                """;
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/6"), null,
                new ExtractionRules("h2.news_ttl", "#articleBody > p", "span.registration_time"), null);
        assertThat(article.title()).isEqualTo("선택자 제목");
        assertThat(article.text()).isEqualTo("첫 문단.\n\n둘째 문단.");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-03-12T00:25:00Z"));
    }

    @Test
    void aSelectorThatMatchesNothingIsAnExtractErrorNamingIt() {
        String html = "<html><head><title>제목</title></head><body><p>본문 문단이 있다.</p></body></html>";
        assertThatThrownBy(() -> extractor.extract(html, URI.create("https://example.kr/7"), null,
                new ExtractionRules(null, "#nothing", null), null))
                .isInstanceOf(IngestException.class).hasMessageContaining("#nothing");
    }

    @Test
    void invalidSelectorIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new ExtractionRules(null, "div[", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bodySelector");
    }

    @Test
    void canonicalFromAnotherSiteIsIgnoredAndAmpPageFindsItsDesktopAddress() throws IngestException {
        String foreign = "<html><head><title>제목</title><link rel=canonical href=\"https://aggregator.example.com/x\">"
                + "</head><body><p>퍼온 기사 본문이다.</p></body></html>";
        assertThat(extractor.extract(foreign, URI.create("https://www.example.kr/a/1"), null).canonicalUrl())
                .isEqualTo("https://www.example.kr/a/1");
        String amp = "<html><head><title>제목</title><link rel=canonical href=\"https://www.ajunews.com/view/20250827161148064\">"
                + "</head><body><p>AMP 기사 본문이다.</p></body></html>";
        assertThat(extractor.extract(amp, URI.create("https://www.ajunews.com/amp/20250827161148064"), null)
                .canonicalUrl()).isEqualTo("https://www.ajunews.com/view/20250827161148064");
    }

    @Test
    void wireFooterAndSentinelAndDuplicatedBodyAreDropped() throws IngestException {
        String body = "<p>(서울=연합뉴스) 김서연 기자 = 국내 기업이 AI 칩 양산에 들어갔다.</p>"
                + "<p>회사는 내년 공급을 늘린다. 김서연 기자 ksy@yna.example.kr (끝)</p>";
        String html = "<html><head><title>양산</title></head><body><div class=\"story\">" + body + body
                + "<p>(끝)</p><p>&lt;저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지&gt;</p>"
                + "<p>글자 작게 글자 크게 인쇄하기</p><p>• 페이스북 • 트위터</p></div></body></html>";
        assertThat(extractor.extract(html, URI.create("https://example.kr/8"), null).text()).isEqualTo(
                "(서울=연합뉴스) 김서연 기자 = 국내 기업이 AI 칩 양산에 들어갔다.\n\n회사는 내년 공급을 늘린다.");
    }

    @Test
    void articlesAboutCopyrightAndAiTrainingKeepThoseSentences() throws IngestException {
        String html = "<html><head><title>AI 학습 데이터</title></head><body><div class=\"txt\">"
                + "<p>정부는 AI 학습용 데이터 구축 사업에 올해 500억원을 투입한다.</p>"
                + "<p>Copyright lawsuits against AI developers doubled this year.</p>"
                + "<p>이 특허는 등록 2025년 3월에 마쳤다.</p>"
                + "<p>저작권자 © 가상신문 무단전재 및 재배포 금지</p></div></body></html>";
        assertThat(extractor.extract(html, URI.create("https://example.kr/9"), null).text().split("\n\n"))
                .containsExactly("정부는 AI 학습용 데이터 구축 사업에 올해 500억원을 투입한다.",
                        "Copyright lawsuits against AI developers doubled this year.", "이 특허는 등록 2025년 3월에 마쳤다.");
    }

    @Test
    void pageWithoutTextIsAnExtractError() {
        String html = "<html><head><title>빈 기사</title></head><body><nav><p>메뉴</p></nav></body></html>";
        assertThatThrownBy(() -> extractor.extract(html, URI.create("https://example.kr/3"), null))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTRACT))
                .hasMessageContaining("no article text");
    }

    @Test
    void aSiteWhoseTextIsAllInsideNoscriptIsReadFromThere() throws IngestException {
        String html = "<html><head><title>Parco</title></head><body><noscript><div id=\"page\"><div id=\"text\">"
                + "<p>Il risultato del censimento è molto positivo, con più esemplari dell'anno scorso.</p>"
                + "<p>In questo contesto è chiaro che la tutela del parco funziona, dicono i ricercatori.</p>"
                + "</div></div></noscript></body></html>";
        assertThat(paragraphsOf(html)).containsExactly(
                "Il risultato del censimento è molto positivo, con più esemplari dell'anno scorso.",
                "In questo contesto è chiaro che la tutela del parco funziona, dicono i ricercatori.");
    }

    @Test
    void creditsAndLabelsAfterTheLastSentenceAreDroppedAndTextThatGoesOnIsKept() throws IngestException {
        String html = "<html><head><title>Wetter</title></head><body><div class=\"text\">"
                + "<p>Der Sommer war in diesem Jahr wärmer als in jedem Jahr seit Beginn der Messungen.</p>"
                + "<p>Weitere Informationen rund um das Thema gibt der Wetterdienst auf seiner Seite.</p>"
                + "<p>Quelle: Deutscher Wetterdienst</p><p>Kontakt:</p><p>Mehr Themen</p></div></body></html>";
        assertThat(paragraphsOf(html)).containsExactly(
                "Der Sommer war in diesem Jahr wärmer als in jedem Jahr seit Beginn der Messungen.",
                "Weitere Informationen rund um das Thema gibt der Wetterdienst auf seiner Seite.");
    }

    private String[] paragraphsOf(String html) throws IngestException {
        return extractor.extract(html, URI.create("https://example.org/page"), null).text().split("\n\n");
    }

    @Test
    void aPageWithTextAndNoTitleIsAnArticleWhoseLeadStandsInForTheTitle() throws IngestException {
        String html = "<html><body><div><p>제목 없는 페이지에도 본문은 있다. 기사로 읽어야 한다.</p></div></body></html>";
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/8"), null);
        assertThat(article.text()).isEqualTo("제목 없는 페이지에도 본문은 있다. 기사로 읽어야 한다.");
        assertThat(article.title()).isEqualTo("제목 없는 페이지에도 본문은 있다. 기사로 읽어야 한다.");
    }

    @Test
    void appRouterPageIsReadFromItsServerComponentRows() throws IngestException {
        String first = "가상 기업이 새 반도체 공장을 짓는다고 밝혔다. 투자 규모는 10조 원이다.";
        String second = "공장은 2028년 가동을 목표로 하며, 인력 2천 명을 새로 뽑는다.";
        String rows = "0:[\\\"$\\\",\\\"article\\\",null,{\\\"className\\\":\\\"story\\\",\\\"children\\\":"
                + "[[\\\"$\\\",\\\"p\\\",\\\"a\\\",{\\\"children\\\":\\\"" + first + "\\\"}],\\\"$L1\\\"]}]\\n";
        String textRow = "1:T" + Integer.toHexString(second.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                + "," + second;
        String html = "<html><head><title>공장 신설</title></head><body><div id=\"root\"></div>"
                + "<script>self.__next_f.push([1,\"" + rows + "\"])</script>"
                + "<script>self.__next_f.push([1,\"" + textRow + "\"])</script></body></html>";
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.kr/9"), null);
        assertThat(article.text()).isEqualTo(first + "\n\n" + second);
    }

    @Test
    void classNamesLowerButNeverVetoTheTextOfThePage() throws IngestException {
        String paragraph = "<p>The council voted on Tuesday to extend the tram line, a decision that ends a debate of "
                + "ten years, and work will start in the spring.</p>";
        String html = "<html><head><title>Tram line</title></head><body class=\"sidebar-left has-breadcrumb\">"
                + "<article class=\"post tag-transport has-post-video\"><h1>Tram line</h1>" + paragraph.repeat(4)
                + "</article><div class=\"cookie-notice\"><p>We use cookies to improve your experience, and by "
                + "continuing you agree to it.</p></div></body></html>";
        ExtractedArticle article = extractor.extract(html, URI.create("https://example.com/tram"), null);
        assertThat(article.text()).startsWith("The council voted").doesNotContain("cookies");
    }

    private static final String PROSE = "<p>The council voted on Tuesday to extend the tram line, a decision that ends "
            + "a debate of ten years, and work will start in the spring.</p>";

    private static final String MORE_PROSE = "<p>The first trams will run in 2028, the city said, and fares will not "
            + "change.</p><p>Most of the money comes from the region, and the rest from a loan that the city will "
            + "repay over thirty years.</p><p>Shops along the route, which feared the works, will get help with "
            + "their rent while the street is closed.</p>";

    @Test
    void aPostParkedInAScriptTemplateIsReadAsTheBrowserShowsIt() throws IngestException {
        String html = "<html><head><title>Tram line</title></head><body><div class=\"post-body\">"
                + "<script type=\"text/template\">" + PROSE + "<p>The first trams will run in 2028.</p></script>"
                + "<script type=\"text/template\"><div class=\"<%= cls %>\"><%= text %></div></script></div>"
                + "<div class=\"widget\"><p>Archive</p></div></body></html>";
        assertThat(paragraphsOf(html)).containsExactly(TextBlocks.collapse(PROSE.replaceAll("<[^>]+>", "")),
                "The first trams will run in 2028.");
    }

    @Test
    void softHyphensAreNotPartOfTheWords() throws IngestException {
        String html = "<html><head><title>Klima</title></head><body><div><p>Der Klima&shy;wandel ver&shy;ändert "
                + "die Alpen, sagen die Forscher, und die Gletscher schmelzen schneller.</p></div></body></html>";
        assertThat(paragraphsOf(html)).containsExactly(
                "Der Klimawandel verändert die Alpen, sagen die Forscher, und die Gletscher schmelzen schneller.");
    }

    @Test
    void aRecipeMarkedUpAsSeveralArticlesIsOneArticleWithItsIngredients() throws IngestException {
        String html = "<html><head><title>Apple cake</title></head><body><main>"
                + "<article class=\"recipe-header\"><h1>Apple cake</h1><p>A moist cake for the autumn, with apples "
                + "from the garden and a crumble on top.</p></article>"
                + "<article class=\"recipe-ingredients\"><h2>Ingredients</h2><ul><li>250 g flour</li>"
                + "<li>3 apples</li><li>100 g butter</li><li>2 eggs</li></ul></article>"
                + "<article class=\"recipe-steps\"><p>Mix the flour, the butter and the eggs, then knead the dough "
                + "until it is smooth and leave it to rest.</p><p>Peel and slice the apples, lay them on the dough, "
                + "and bake the cake for forty minutes at 180 degrees.</p></article></main>"
                + "<div class=\"more\"><article><h3><a href=\"/pie\">Plum pie</a></h3><p>Another cake for the "
                + "autumn, with plums, a crumble, and cream on the side.</p></article></div></body></html>";
        assertThat(paragraphsOf(html)).contains("250 g flour", "3 apples")
                .anyMatch(line -> line.startsWith("Mix the flour"))
                .noneMatch(line -> line.contains("plums"));
    }

    @Test
    void aTeaserCardsArticleBodyMarkupDoesNotStandInForTheArticle() throws IngestException {
        String teaser = "<article class=\"card\"><h3><a href=\"/why-code\">Why code</a></h3><div itemprop=\"articleBody\">"
                + "What inspires someone to become a developer? Two writers discuss how coding has changed.</div></article>";
        String html = "<html><head><title>Tram line</title></head><body><div class=\"post\"><h1>Tram line</h1>"
                + PROSE + MORE_PROSE + "</div>" + teaser + "</body></html>";
        assertThat(paragraphsOf(html)).hasSize(4).noneMatch(line -> line.contains("inspires"));
    }

    @Test
    void aSmallTailAfterTheArticleInsideItsWrapperIsNotPartOfIt() throws IngestException {
        String html = "<html><head><title>Tram line</title></head><body><div class=\"wrapper\"><div class=\"text\">"
                + PROSE + MORE_PROSE + "</div><p>Do you want our news by mail? Sign up now!</p></div></body></html>";
        assertThat(paragraphsOf(html)).hasSize(4).noneMatch(line -> line.contains("Sign up"));
    }
}
