package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoNewsSiteTest {

    private final DemoNewsSite site = DemoNewsSite.start(0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void feedsLinkToTheSiteItself() throws Exception {
        HttpResponse<String> rss = get(DemoNewsSite.RSS_FEED);

        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(rss.body()).contains("<link>" + site.baseUrl() + "/techbrief/news/1001.html</link>")
                .doesNotContain("{{BASE}}");
        assertThat(get(DemoNewsSite.ATOM_FEED).body())
                .contains("href=\"" + site.baseUrl() + "/chipinsight/news/2001.euc-kr.html\"");
        assertThat(site.requestCount(DemoNewsSite.RSS_FEED)).isEqualTo(1);
    }

    @Test
    void theEucKrPageIsSentInEucKrWithTheCharsetOnlyInItsMetaTag() throws Exception {
        HttpResponse<byte[]> page = http.send(request("/chipinsight/news/2001.euc-kr.html"),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
        String asEucKr = new String(page.body(), Charset.forName("x-windows-949"));
        assertThat(asEucKr).contains("charset=euc-kr", "미 상무부, 엔비디아 H20 대중국 수출 통제 강화 검토");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).doesNotContain("엔비디아");
    }

    @Test
    void unknownPathsAndTheNotesFileAreNotFound() throws Exception {
        assertThat(get("/techbrief/news/9999.html").statusCode()).isEqualTo(404);
        assertThat(get("/EXPECTED.md").statusCode()).isEqualTo(404);
        assertThat(get("/techbrief/../EXPECTED.md").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build();
    }
}
