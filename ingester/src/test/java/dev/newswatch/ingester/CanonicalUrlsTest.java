package dev.newswatch.ingester;

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
        assertThat(CanonicalUrls.articleId(CanonicalUrls.canonicalize("https://www.etnews.com/20261120000124")))
                .isNotEqualTo(id);
    }

    @Test
    void idIsTheFirstSixteenHexDigitsOfTheSha256OfTheCanonicalUrl() {
        // printf 'https://example.kr/' | sha256sum -> 2a8492b059f40aab f6ee44fa...
        assertThat(CanonicalUrls.articleId("https://example.kr/")).isEqualTo("2a8492b059f40aab");
    }

    @Test
    void fingerprintChangesWithTitleOrText() {
        String original = CanonicalUrls.fingerprint("제목", "본문");
        assertThat(CanonicalUrls.fingerprint("제목", "본문")).isEqualTo(original);
        assertThat(CanonicalUrls.fingerprint("제목", "고친 본문")).isNotEqualTo(original);
        assertThat(CanonicalUrls.fingerprint("고친 제목", "본문")).isNotEqualTo(original);
    }

    @Test
    void rejectsRelativeAddresses() {
        assertThatThrownBy(() -> CanonicalUrls.canonicalize("/news/1")).isInstanceOf(IllegalArgumentException.class);
    }
}
