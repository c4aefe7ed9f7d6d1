package dev.newswatch.ingester.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.FixtureSite;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;

public class ListingPageDiscoveryTest {

    private final FixtureSite site = FixtureSite.start();
    private final ListingPageDiscovery poller = new ListingPageDiscovery(
            new PageFetcher(IngesterSettings.defaults().withHostDelay(Duration.ZERO).fetch()), new BodyDecoder());

    @AfterEach
    void stopSite() {
        site.close();
    }

    /** A page in the layout of ZDNet Korea's server-rendered news list: thumbnail, headline and byline links. */
    public static String zdnetLikeListPage(String pagination, String... numbersAndTitles) {
        StringBuilder posts = new StringBuilder();
        for (int i = 0; i < numbersAndTitles.length; i += 2) {
            posts.append("""
                    <div class="newsPost">
                      <div class="assetThumb"><a href="/view/?no=%1$s"><img src="/thumb/%1$s.jpg" alt=""></a></div>
                      <div class="assetText">
                        <a href="/view/?no=%1$s"><h3>%2$s</h3></a>
                        <p>요약: %2$s 관련 소식을 전한다.</p>
                        <p class="byline"><a href="/reporter/?id=7">김가상 기자</a></p>
                      </div>
                    </div>
                    """.formatted(numbersAndTitles[i], numbersAndTitles[i + 1]));
        }
        return """
                <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>최신뉴스 - 가상넷코리아</title></head>
                <body><nav><a href="/">홈</a><a href="/news/?lstcode=0000">뉴스</a></nav>
                <div class="news_box">%s</div>
                <div class="paging">%s</div>
                <footer>ⓒ 가상넷코리아</footer></body></html>
                """.formatted(posts, pagination);
    }

    private Source listing(String url, String next, String template, int maxPages) {
        return new Source("zdnet-like", "가상넷코리아", SourceKind.HTML_LIST, URI.create(url), null, null, null, null, null,
                true, ".newsPost .assetText > a", next, template, maxPages, null, null);
    }

    @Test
    void followsPagesByUrlTemplateWithinTheBoundAndMakesHrefsAbsolute() throws Exception {
        site.serveText("/news/?lstcode=0000&page=1", "text/html; charset=utf-8", zdnetLikeListPage("",
                "20261120093000", "삼성전자, HBM4 양산 돌입", "20261120091500", "화웨이 어센드 신제품 공개",
                "20261120093000", "삼성전자, HBM4 양산 돌입"))
                .serveText("/news/?lstcode=0000&page=2", "text/html; charset=utf-8", zdnetLikeListPage("",
                        "20261119180000", "캠브리콘 실적 발표"))
                .serveText("/news/?lstcode=0000&page=3", "text/html; charset=utf-8", zdnetLikeListPage("",
                        "20261119120000", "세 번째 쪽은 읽지 않는다"));

        Discovery discovery = poller.discover(listing(site.base() + "/news/?lstcode=0000&page=1", null,
                site.base() + "/news/?lstcode=0000&page={page}", 2), Validators.NONE);

        assertThat(discovery.links()).extracting(DiscoveredLink::url).containsExactly(
                site.base() + "/view/?no=20261120093000", site.base() + "/view/?no=20261120091500",
                site.base() + "/view/?no=20261119180000");
        assertThat(discovery.links()).extracting(DiscoveredLink::title)
                .containsExactly("삼성전자, HBM4 양산 돌입", "화웨이 어센드 신제품 공개", "캠브리콘 실적 발표");
        assertThat(site.hitsStartingWith("/news/")).extracting(FixtureSite.Hit::pathAndQuery)
                .doesNotContain("/news/?lstcode=0000&page=3");
    }

    @Test
    void followsTheNextPageLinkAndKeepsWhatItHasWhenALaterPageFails() throws Exception {
        site.serveText("/list/1", "text/html; charset=utf-8", zdnetLikeListPage(
                "<a class=\"next\" href=\"/list/2\">다음</a>", "1", "첫 쪽 기사"))
                .serveText("/list/2", "text/html; charset=utf-8", zdnetLikeListPage(
                        "<a class=\"next\" href=\"/list/3\">다음</a>", "2", "둘째 쪽 기사"));

        List<DiscoveredLink> links = poller.discover(listing(site.base() + "/list/1", ".paging a.next", null, 5),
                Validators.NONE).links();

        assertThat(links).extracting(DiscoveredLink::title).containsExactly("첫 쪽 기사", "둘째 쪽 기사");
        assertThat(site.hitsStartingWith("/list/")).extracting(FixtureSite.Hit::pathAndQuery)
                .containsExactly("/list/1", "/list/2", "/list/3");
    }

    @Test
    void aFirstListingPageThatFailsIsAListingFetchError() {
        assertThatThrownBy(() -> poller.discover(listing(site.base() + "/list/missing", null, null, 1), Validators.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.LISTING_FETCH))
                .hasMessageContaining("404");
    }
}
