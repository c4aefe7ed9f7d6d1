package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.ingester.url.CanonicalUrls;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;

@ExtendWith(EmbeddedKafkaExtension.class)
class IngesterServiceIT {

    private static final List<String> TITLES = List.of(
            "화웨이, 차세대 AI 칩 공개 예정", "엔비디아 H20 수출 재개 논의", "국내 기업 데이터센터 투자 확대");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FixtureSite site = FixtureSite.start();
    private final List<IngesterService> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(IngesterService::close);
        site.close();
    }

    @Test
    void publishesEachArticleExactlyOnceAlsoAcrossARestart(EmbeddedKafkaBroker broker, @TempDir Path directory)
            throws Exception {
        site.serveFixture("/rss.xml", "application/rss+xml; charset=utf-8", "feed-rss.xml")
                .serve("/broken.xml", 500, Map.of("Content-Type", "text/plain"), "서버 오류".getBytes(StandardCharsets.UTF_8));
        for (int n = 1; n <= 3; n++) {
            site.serveText("/news/" + n, "text/html; charset=utf-8", articlePage(n));
        }
        // A second feed reaches article 1 through another link; the page names the same canonical URL.
        site.serveText("/mirror.xml", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>모음</title>
                <item><title>%s</title><link>%s/news/1?ref=mirror</link></item>
                </channel></rss>
                """.formatted(TITLES.get(0), site.base()))
                .serveText("/news/1?ref=mirror", "text/html; charset=utf-8", articlePage(1));
        Path sources = directory.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: demo
                    outlet: 테크데일리
                    kind: feed
                    url: %1$s/rss.xml
                    pollInterval: PT5S
                    allowPrivateAddresses: true
                  - id: demo-mirror
                    outlet: 모음 사이트
                    kind: feed
                    url: %1$s/mirror.xml
                    pollInterval: PT5S
                    allowPrivateAddresses: true
                  - id: demo-broken
                    outlet: 고장난 신문
                    kind: feed
                    url: %1$s/broken.xml
                    pollInterval: PT5S
                    allowPrivateAddresses: true
                """.formatted(site.base()), StandardCharsets.UTF_8);
        IngesterSettings settings = IngesterSettings.defaults()
                .withSourcesFile(sources)
                .withMetricsPort(0)
                .withHostDelay(Duration.ofMillis(20))
                .withTransactionalId("ingester-it-" + UUID.randomUUID());
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());

        IngesterService first = start(settings, kafka);
        await().atMost(TIMEOUT).until(() -> rawArticles(kafka, site).size() == 3);

        List<RawArticle> articles = rawArticles(kafka, site);
        assertThat(articles).extracting(RawArticle::id).containsExactlyInAnyOrder(
                id(site.base() + "/news/1"), id(site.base() + "/news/2"), id(site.base() + "/news/3"));
        assertThat(articles).extracting(RawArticle::title).containsExactlyInAnyOrderElementsOf(TITLES);
        // Only the demo feed lists article 2; article 1 is also reached through the mirror, which may win.
        RawArticle nvidia = articles.stream().filter(a -> a.title().equals(TITLES.get(1))).findFirst().orElseThrow();
        assertThat(nvidia.url()).isEqualTo(site.base() + "/news/2");
        assertThat(nvidia.sourceId()).isEqualTo("demo");
        assertThat(nvidia.outlet()).isEqualTo("테크데일리");
        assertThat(nvidia.language()).isEqualTo("ko");
        assertThat(nvidia.text()).isEqualTo(TITLES.get(1) + " 관련 첫 번째 문단이다. 가상의 기사 본문으로 시험용이다."
                + "\n\n두 번째 문단은 기사 2번의 세부 내용을 담고 있다.");
        assertThat(nvidia.fingerprint()).isEqualTo(CanonicalUrls.fingerprint(nvidia.title(), nvidia.text()));
        assertThat(nvidia.publishedAt()).isEqualTo(Instant.parse("2026-11-20T00:20:00Z"));
        assertThat(articles).filteredOn(a -> a.title().equals(TITLES.get(0))).singleElement()
                .satisfies(huawei -> assertThat(huawei.url()).isEqualTo(site.base() + "/news/1"));

        // Whichever of the two sources reached article 1 second found it published already, unchanged.
        await().atMost(TIMEOUT).until(() -> metric(first, "newswatch_ingester_articles_unchanged_total", "") >= 1);
        assertThat(rawArticles(kafka, site)).hasSize(3);

        // The broken source failed on its own, was counted, and did not stop the good one.
        await().atMost(TIMEOUT).until(() -> metric(first, "newswatch_ingester_errors_total",
                "kind=\"feed-fetch\",source=\"demo-broken\"") >= 1);
        assertThat(health(first)).isEqualTo(200);
        // Nothing waits, nothing was given up, and no poll failed in an unexpected way.
        await().atMost(TIMEOUT).until(() -> metric(first, "newswatch_ingester_articles_pending", "") == 0);
        assertThat(scrapeHas(first, "newswatch_ingester_articles_pending{source=\"demo\"}")).isTrue();
        assertThat(metric(first, "newswatch_ingester_articles_given_up_total", "")).isZero();
        assertThat(metric(first, "newswatch_ingester_errors_total", "kind=\"internal\"")).isZero();
        first.close();

        int pageHitsBeforeRestart = site.hitsStartingWith("/news/").size();
        IngesterService second = start(settings, kafka);
        for (String source : List.of("demo", "demo-mirror")) {
            await().atMost(TIMEOUT).until(() -> metric(second, "newswatch_ingester_source_polls_total",
                    "outcome=\"success\",source=\"" + source + "\"") >= 1);
        }

        assertThat(rawArticles(kafka, site)).hasSize(3);
        // Known from the published state, the feed's links were skipped before their pages were fetched.
        assertThat(site.hitsStartingWith("/news/")).hasSize(pageHitsBeforeRestart);
        assertThat(metric(second, "newswatch_ingester_articles_published_total", "")).isZero();
    }

    @Test
    void anEditedArticleIsPublishedAgainUnderItsIdAndTheCrawlStateSurvivesARestart(EmbeddedKafkaBroker broker,
            @TempDir Path directory) throws Exception {
        Instant firstDate = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        serveEditableFeed(firstDate);
        site.serveText("/news/1", "text/html; charset=utf-8", articlePage(1));
        Path sources = directory.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: editable
                    outlet: 테크데일리
                    kind: feed
                    url: %s/atom.xml
                    pollInterval: PT1S
                    allowPrivateAddresses: true
                """.formatted(site.base()), StandardCharsets.UTF_8);
        IngesterSettings settings = IngesterSettings.defaults().withSourcesFile(sources).withMetricsPort(0)
                .withHostDelay(Duration.ofMillis(20)).withTransactionalId("ingester-it-" + UUID.randomUUID());
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());

        IngesterService first = start(settings, kafka);
        await().atMost(TIMEOUT).until(() -> rawArticles(kafka, site).size() == 1);

        // The outlet edits the story and re-dates its entry.
        site.serveText("/news/1", "text/html; charset=utf-8", articlePage(1).replace("첫 번째 문단이다", "첫 번째 문단을 고쳤다"));
        serveEditableFeed(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        await().atMost(TIMEOUT).until(() -> rawArticles(kafka, site).size() == 2);
        List<RawArticle> versions = rawArticles(kafka, site);
        assertThat(versions.get(1).id()).isEqualTo(versions.get(0).id());
        assertThat(versions.get(1).text()).contains("첫 번째 문단을 고쳤다");
        assertThat(metric(first, "newswatch_ingester_articles_updated_total", "source=\"editable\"")).isEqualTo(1);
        first.close();

        int feedHitsBeforeRestart = site.hitsStartingWith("/atom.xml").size();
        IngesterService second = start(settings, kafka);
        await().atMost(TIMEOUT).until(() -> site.hitsStartingWith("/atom.xml").size() > feedHitsBeforeRestart
                && metric(second, "newswatch_ingester_source_polls_total", "source=\"editable\"") >= 1);

        // The validators of the last poll before the restart came back from the state topic.
        assertThat(site.hitsStartingWith("/atom.xml").get(feedHitsBeforeRestart).header("If-None-Match"))
                .isEqualTo("\"feed-v2\"");
        assertThat(rawArticles(kafka, site)).hasSize(2);
        assertThat(metric(second, "newswatch_ingester_articles_published_total", "")
                + metric(second, "newswatch_ingester_articles_updated_total", "")).isZero();
    }

    private void serveEditableFeed(Instant updated) {
        site.serve("/atom.xml", 200, Map.of("Content-Type", "application/atom+xml; charset=utf-8",
                "ETag", updated.isAfter(Instant.now().minusSeconds(60)) ? "\"feed-v2\"" : "\"feed-v1\""), """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>테크데일리</title><id>urn:example:tech</id>
                <updated>%2$s</updated>
                <entry><title>%3$s</title><link rel="alternate" href="%1$s/news/1"/><id>urn:example:tech:1</id>
                <published>2026-11-20T09:10:00+09:00</published><updated>%2$s</updated></entry></feed>
                """.formatted(site.base(), updated, TITLES.get(0)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void editsOfTheSourcesFileTakeEffectWhileRunningAndABrokenEditIsRejected(EmbeddedKafkaBroker broker,
            @TempDir Path directory) throws Exception {
        try (FixtureSite other = FixtureSite.start()) {
            site.serveFixture("/rss.xml", "application/rss+xml; charset=utf-8", "feed-rss.xml");
            other.serveText("/atom.xml", "application/atom+xml; charset=utf-8", """
                    <?xml version="1.0" encoding="utf-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>새 언론사</title><id>urn:example:new</id>
                    <updated>2026-11-20T10:00:00+09:00</updated></feed>
                    """);
            Path sources = directory.resolve("sources.yml");
            Files.writeString(sources, feedSource("first", site.base() + "/rss.xml"), StandardCharsets.UTF_8);
            IngesterSettings settings = IngesterSettings.defaults().withSourcesFile(sources).withMetricsPort(0)
                    .withHostDelay(Duration.ofMillis(20)).withTransactionalId("ingester-it-" + UUID.randomUUID());
            IngesterService service = start(settings, KafkaSettings.forBootstrapServers(broker.bootstrapServers()));
            await().atMost(TIMEOUT).until(() -> !site.hitsStartingWith("/rss.xml").isEmpty());

            // Replace the first source by a new one on another site.
            Files.writeString(sources, feedSource("second", other.base() + "/atom.xml"), StandardCharsets.UTF_8);
            await().atMost(TIMEOUT).until(() -> other.hitsStartingWith("/atom.xml").size() >= 2);
            int firstHitsAfterRemoval = site.hitsStartingWith("/rss.xml").size();
            await().atMost(TIMEOUT).until(() -> other.hitsStartingWith("/atom.xml").size() >= 5);
            assertThat(site.hitsStartingWith("/rss.xml")).as("the removed source is polled no more")
                    .hasSizeLessThanOrEqualTo(firstHitsAfterRemoval + 1);
            assertThat(metric(service, "newswatch_ingester_source_polls_total", "source=\"second\"")).isPositive();
            assertThat(metric(service, "newswatch_ingester_config_reloads_total", "outcome=\"reloaded\"")).isEqualTo(1);

            // A broken edit: rejected, counted, and the running source keeps being polled.
            Files.writeString(sources, feedSource("second", other.base() + "/atom.xml")
                    .replace("kind: feed", "kind: podcast"), StandardCharsets.UTF_8);
            await().atMost(TIMEOUT).until(() -> metric(service, "newswatch_ingester_config_reloads_total",
                    "outcome=\"rejected\"") == 1);
            int secondHits = other.hitsStartingWith("/atom.xml").size();
            await().atMost(TIMEOUT).until(() -> other.hitsStartingWith("/atom.xml").size() >= secondHits + 2);
            assertThat(health(service)).isEqualTo(200);
        }
    }

    private static String feedSource(String id, String url) {
        return """
                sources:
                  - id: %s
                    outlet: 가상 언론사
                    kind: feed
                    url: %s
                    pollInterval: PT1S
                    allowPrivateAddresses: true
                """.formatted(id, url);
    }

    private String articlePage(int n) {
        return FixtureSite.fixture("news-article.html").replace("{base}", site.base())
                .replace("{title}", TITLES.get(n - 1)).replace("{n}", Integer.toString(n));
    }

    private IngesterService start(IngesterSettings settings, KafkaSettings kafka) {
        IngesterService service = new IngesterService(settings, kafka);
        services.add(service);
        service.start();
        return service;
    }

    private static String id(String url) {
        return CanonicalUrls.articleId(CanonicalUrls.canonicalize(url));
    }

    /**
     * Every committed record of news.raw about an article of {@code site}, read from the start with no consumer
     * group; the broker and its topics are shared by all tests of this JVM.
     */
    private static List<RawArticle> rawArticles(KafkaSettings kafka, FixtureSite site) {
        JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);
        List<RawArticle> articles = new ArrayList<>();
        CompactedTopicReader.readAll(kafka, "it-raw-articles", Topics.RAW_ARTICLES, Duration.ofSeconds(15), record -> {
            RawArticle article = serde.deserialize(record.topic(), record.value());
            assertThat(record.key()).isEqualTo(article.id());
            if (article.url().startsWith(site.base() + "/")) {
                articles.add(article);
            }
        });
        return articles;
    }

    /** The sum of the series of {@code name} whose labels contain {@code labels}, from the service's /metrics. */
    private static double metric(IngesterService service, String name, String labels) throws Exception {
        String scrape = get(service, "/metrics").body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        double sum = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains(labels)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    private static boolean scrapeHas(IngesterService service, String series) throws Exception {
        return get(service, "/metrics").body().lines().anyMatch(line -> line.startsWith(series + " "));
    }

    private static int health(IngesterService service) throws Exception {
        return get(service, "/health").statusCode();
    }

    private static HttpResponse<String> get(IngesterService service, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.metricsPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
