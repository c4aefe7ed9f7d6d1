package dev.newswatch.systemtests.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Articles appear over time, each page its own text. */
class SteadyNewsSiteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void articlesAppearAndEachIsItsOwn() throws Exception {
        try (SteadyNewsSite site = SteadyNewsSite.start(2, Duration.ofMillis(100))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> site.publishedUrls().size() >= 4);
            List<String> urls = site.publishedUrls();
            assertThat(urls).doesNotHaveDuplicates();
            String feed = get(site.feedUrls().get(0), Duration.ofSeconds(5)).body();
            assertThat(feed).contains(urls.get(0));
            String first = get(urls.get(0), Duration.ofSeconds(5)).body();
            String second = get(urls.get(1), Duration.ofSeconds(5)).body();
            assertThat(first).contains("화웨이 어센드 910C").isNotEqualTo(second);
            assertThat(get(site.feedUrls().get(0).replace("rss.xml", "news/999999.html"), Duration.ofSeconds(5))
                    .statusCode()).as("an article not out yet").isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
