package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

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
    void pageWithoutTextIsAnExtractError() {
        String html = "<html><head><title>빈 기사</title></head><body><nav><p>메뉴</p></nav></body></html>";
        assertThatThrownBy(() -> extractor.extract(html, URI.create("https://example.kr/3"), null))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTRACT))
                .hasMessageContaining("no article text");
    }
}
