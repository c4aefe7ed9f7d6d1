package dev.newswatch.ingester.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalUrlsTest {

    @Test
    void lowerCasesSchemeAndHostAndDropsDefaultPortFragmentAndTracking() {
        assertThat(CanonicalUrls.canonicalize(
                "HTTPS://WWW.Example.CO.KR:443/News/View?id=7&utm_source=naver&utm_medium=rss&fbclid=x#comments"))
                .isEqualTo("https://www.example.co.kr/News/View?id=7");
        assertThat(CanonicalUrls.canonicalize("http://example.kr:80")).isEqualTo("http://example.kr/");
        assertThat(CanonicalUrls.canonicalize("http://example.kr:8080/a?b=1&c=2"))
                .isEqualTo("http://example.kr:8080/a?b=1&c=2");
        assertThat(CanonicalUrls.canonicalize("https://example.kr/a?utm_campaign=x")).isEqualTo("https://example.kr/a");
    }

    @Test
    void sameArticleGetsSameIdWhateverTheSpelling() {
        String id = CanonicalUrls.articleId(CanonicalUrls.canonicalize("https://www.etnews.com/20261120000123"));
        assertThat(id).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(CanonicalUrls.articleId(CanonicalUrls.canonicalize(
                "https://WWW.ETNEWS.COM:443/20261120000123?utm_source=rss#top"))).isEqualTo(id);
        assertThat(CanonicalUrls.articleId(CanonicalUrls.canonicalize("http://etnews.com/20261120000123")))
                .isEqualTo(id);
        assertThat(CanonicalUrls.articleId(CanonicalUrls.canonicalize("https://m.etnews.com/amp/20261120000123")))
                .isEqualTo(id);
        assertThat(CanonicalUrls.articleId(CanonicalUrls.canonicalize("https://www.etnews.com/20261120000124")))
                .isNotEqualTo(id);
    }

    @Test
    void idIsTheFirstSixteenHexDigitsOfTheSha256OfTheCanonicalUrlWithoutSchemeAndWww() {
        // printf 'example.kr/' | sha256sum -> 909db903bfc7e624...
        assertThat(CanonicalUrls.articleId("https://www.example.kr/")).isEqualTo("909db903bfc7e624");
    }

    @Test
    void fingerprintChangesWithTitleOrText() {
        String original = CanonicalUrls.fingerprint("제목", "본문");
        assertThat(CanonicalUrls.fingerprint("제목", "본문")).isEqualTo(original);
        assertThat(CanonicalUrls.fingerprint("제목", "고친 본문")).isNotEqualTo(original);
        assertThat(CanonicalUrls.fingerprint("고친 제목", "본문")).isNotEqualTo(original);
    }

    @Test
    void dropsTrackingButKeepsArticleIds() {
        assertThat(CanonicalUrls.canonicalize("https://zdnet.co.kr/view/?no=20250822174235&re=R_20250822174235"))
                .isEqualTo("https://zdnet.co.kr/view/?no=20250822174235");
        assertThat(CanonicalUrls.canonicalize(
                "https://www.thelec.kr/news/articleView.html?idxno=41877&gclid=abc&utm_source=naver#comment"))
                .isEqualTo("https://www.thelec.kr/news/articleView.html?idxno=41877");
        assertThat(CanonicalUrls.canonicalize("https://www.wowtv.co.kr/NewsCenter/News/Read?articleId=AKR20251215069700017&fbclid=x"))
                .isEqualTo("https://www.wowtv.co.kr/NewsCenter/News/Read?articleId=AKR20251215069700017");
    }

    @Test
    void mobileAndAmpVariantsMeetTheDesktopAddress() {
        String desktop = "https://www.news1.kr/world/northeast-asia/5846640";
        assertThat(CanonicalUrls.canonicalize("https://www.news1.kr/amp/world/northeast-asia/5846640")).isEqualTo(desktop);
        assertThat(CanonicalUrls.canonicalize("https://m.news1.kr/world/northeast-asia/5846640")).isEqualTo(desktop);
        assertThat(CanonicalUrls.canonicalize("https://www.news1.kr/world/northeast-asia/5846640?amp=1")).isEqualTo(desktop);
        assertThat(CanonicalUrls.canonicalize("https://m.etnews.com/20200424000082")).isEqualTo("https://www.etnews.com/20200424000082");
        // A host that is only "m.<tld>" is not a mobile edition of anything.
        assertThat(CanonicalUrls.canonicalize("https://m.kr/a")).isEqualTo("https://m.kr/a");
        // "amp" as part of a longer path segment stays.
        assertThat(CanonicalUrls.canonicalize("https://example.kr/ampere/1")).isEqualTo("https://example.kr/ampere/1");
    }

    @Test
    void siteSetsEditionLabelsAsideButNeverTheNameItself() {
        assertThat(CanonicalUrls.site("WWW.News1.kr")).isEqualTo("news1.kr");
        assertThat(CanonicalUrls.site("www2.news1.kr")).isEqualTo("news1.kr");
        assertThat(CanonicalUrls.site("m.news1.kr")).isEqualTo("news1.kr");
        assertThat(CanonicalUrls.site("amp.news1.kr")).isEqualTo("news1.kr");
        assertThat(CanonicalUrls.site("news1.kr")).isEqualTo("news1.kr");
        assertThat(CanonicalUrls.site("m.kr")).isEqualTo("m.kr");
        assertThat(CanonicalUrls.canonicalize("https://www2.news1.kr/a")).isEqualTo("https://www2.news1.kr/a");
    }

    @Test
    void fingerprintIgnoresWhitespaceDifferences() {
        assertThat(CanonicalUrls.fingerprint(" 제목 ", "첫 문단.\n\n둘째  문단."))
                .isEqualTo(CanonicalUrls.fingerprint("제목", "첫 문단. 둘째\u00a0문단."));
    }

    @Test
    void rejectsRelativeAddresses() {
        assertThatThrownBy(() -> CanonicalUrls.canonicalize("/news/1")).isInstanceOf(IllegalArgumentException.class);
    }
}
