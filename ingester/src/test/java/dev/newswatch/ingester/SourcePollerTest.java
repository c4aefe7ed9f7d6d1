package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.discovery.ArchiveDiscoveryTest;
import dev.newswatch.ingester.discovery.LinkDiscoveries;
import dev.newswatch.ingester.discovery.ListingPageDiscoveryTest;
import dev.newswatch.ingester.extract.ArticleExtractor;
import dev.newswatch.ingester.extract.ExtractionRules;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.publish.Publisher;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;
import dev.newswatch.ingester.state.PendingLink;
import dev.newswatch.ingester.state.PendingLinks;
import dev.newswatch.ingester.state.PublishedArticles;
import dev.newswatch.ingester.state.PublishedMarker;
import dev.newswatch.ingester.state.SourceState;
import dev.newswatch.ingester.state.SourceStates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SourcePollerTest {

    private final FixtureSite site = FixtureSite.start();
    private final PageFetcher fetcher = new PageFetcher(IngesterSettings.defaults().withHostDelay(Duration.ZERO).fetch());
    private final BodyDecoder decoder = new BodyDecoder();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PublishedArticles published = new PublishedArticles();
    private final SourceStates states = new SourceStates();
    private final MemoryPublisher publisher = new MemoryPublisher(published);

    @AfterEach
    void stopSite() {
        site.close();
    }

    /** Publishes into memory with the same rules as ArticlePublisher, so polls can be checked without Kafka. */
    static final class MemoryPublisher implements Publisher {
        private final PublishedArticles published;
        final List<RawArticle> articles = new CopyOnWriteArrayList<>();
        final Map<String, SourceState> states = new ConcurrentHashMap<>();
        /** Kafka unreachable: every write fails as a real publisher's would. */
        volatile boolean down;

        MemoryPublisher(PublishedArticles published) {
            this.published = published;
        }

        @Override
        public synchronized Publication publish(RawArticle article, String linkId) throws IngestException {
            failIfDown();
            var previous = published.marker(article.id());
            if (previous.isPresent() && previous.get().fingerprint().equals(article.fingerprint())) {
                published.remember(article.id(), previous.get().withFeedLink(linkId));
                return Publication.UNCHANGED;
            }
            published.remember(article.id(), new PublishedMarker(article.fingerprint(), List.of(), article.fetchedAt())
                    .withFeedLink(linkId));
            articles.add(article);
            return previous.isPresent() ? Publication.UPDATE : Publication.NEW;
        }

        @Override
        public void saveSourceState(String sourceId, SourceState state) throws IngestException {
            failIfDown();
            states.put(sourceId, state);
        }

        private void failIfDown() throws IngestException {
            if (down) {
                throw new IngestException(ErrorKind.PUBLISH, "transaction not committed: Kafka is down (test)");
            }
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private SourcePoller poller(List<Source> sources) {
        return poller(sources, Clock.systemUTC());
    }

    private SourcePoller poller(List<Source> sources, Clock clock) {
        return new SourcePoller(new Crawler(new LinkDiscoveries(fetcher, decoder, 1_000_000),
                new ArticleReader(fetcher, decoder, new ArticleExtractor())), published, states, publisher,
                new IngesterMetrics(registry, sources), clock);
    }

    private double count(String name, String source, String... tags) {
        var search = registry.get(name).tag("source", source);
        for (int i = 0; i < tags.length; i += 2) {
            search = search.tag(tags[i], tags[i + 1]);
        }
        return search.counter().count();
    }

    private double pendingGauge(String source) {
        return registry.get(IngesterMetrics.ARTICLES_PENDING).tag("source", source).gauge().value();
    }

    /** An RSS feed of {@code items} links to /view/?no=1 and on, newest first, served with an ETag. */
    private void serveFeed(String path, String etag, int items) {
        StringBuilder rss = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>대형 언론사</title><link>%s/</link><description>전체기사</description>
                """.formatted(site.base()));
        for (int n = 1; n <= items; n++) {
            rss.append("<item><title>기사 ").append(n).append("</title><link>").append(site.base())
                    .append("/view/?no=").append(n).append("</link></item>\n");
        }
        rss.append("</channel></rss>\n");
        site.serve(path, 200, Map.of("Content-Type", "application/rss+xml; charset=utf-8", "ETag", etag),
                rss.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void serveArticle(int n) {
        site.serveText("/view/?no=" + n, "text/html; charset=utf-8",
                article(n, "기사 " + n, "가상의 기사 " + n + "번 첫 문단으로 AI 반도체 시장의 움직임을 다룬다."));
    }

    private String article(int n, String title, String paragraph) {
        return """
                <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
                <meta property="og:title" content="%2$s"><link rel="canonical" href="%1$s/view/?no=%3$d">
                <meta property="article:published_time" content="2026-11-20T09:%4$02d:00+09:00">
                <title>%2$s</title></head><body>
                <div class="news_head"><h1>%2$s</h1></div>
                <div id="articleBody"><p>%5$s</p><p>두 번째 문단은 가상의 시험용 기사 %3$d번의 내용이다.</p></div>
                <footer>ⓒ 가상넷코리아 무단 전재 및 재배포 금지</footer></body></html>
                """.formatted(site.base(), title, n, n % 60, paragraph);
    }

    @Test
    void htmlListSourcePublishesTheArticlesOnItsHostsAndSkipsTheOthers() {
        site.serveText("/news/?page=1", "text/html; charset=utf-8", ListingPageDiscoveryTest.zdnetLikeListPage("",
                        "1", "삼성전자, HBM4 양산 돌입", "2", "화웨이 어센드 신제품 공개")
                        .replace("</div>\n<div class=\"paging\">", "<div class=\"newsPost\"><div class=\"assetText\">"
                                + "<a href=\"https://portal.example.com/copy/1\">다른 사이트 기사</a></div></div></div>"
                                + "\n<div class=\"paging\">"))
                .serveText("/news/?page=2", "text/html; charset=utf-8", ListingPageDiscoveryTest.zdnetLikeListPage("",
                        "3", "캠브리콘 실적 발표"));
        for (int n = 1; n <= 3; n++) {
            site.serveText("/view/?no=" + n, "text/html; charset=utf-8",
                    article(n, "기사 " + n, "가상의 기사 " + n + "번 첫 문단으로 AI 반도체 시장의 움직임을 다룬다."));
        }
        Source source = new Source("zdnet-like", "가상넷코리아", SourceKind.HTML_LIST, site.uri("/news/?page=1"), null,
                null, null, null, null, true, ".newsPost .assetText > a", null, site.base() + "/news/?page={page}", 2,
                null, new ExtractionRules(".news_head h1", "#articleBody p", null));
        SourcePoller poller = poller(List.of(source));

        Duration next = poller.poll(source);

        assertThat(publisher.articles).extracting(RawArticle::title).containsExactly("기사 1", "기사 2", "기사 3");
        assertThat(publisher.articles).extracting(RawArticle::url).containsExactly(site.base() + "/view/?no=1",
                site.base() + "/view/?no=2", site.base() + "/view/?no=3");
        assertThat(publisher.articles.get(0).sourceId()).isEqualTo("zdnet-like");
        assertThat(publisher.articles.get(0).publishedAt()).isEqualTo(Instant.parse("2026-11-20T00:01:00Z"));
        assertThat(count(IngesterMetrics.ARTICLES_DISCOVERED, "zdnet-like")).isEqualTo(4);
        assertThat(count(IngesterMetrics.ARTICLES_PUBLISHED, "zdnet-like")).isEqualTo(3);
        assertThat(count(IngesterMetrics.ARTICLES_SKIPPED, "zdnet-like", "reason", "out-of-scope")).isEqualTo(1);
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "zdnet-like", "outcome", "success")).isEqualTo(1);
        assertThat(publisher.states.get("zdnet-like").pollInterval()).isEqualTo(next);
        assertThat(publisher.states.get("zdnet-like").lastSuccessAt()).isNotNull();

        poller.poll(source);

        assertThat(publisher.articles).hasSize(3);
        assertThat(count(IngesterMetrics.ARTICLES_SKIPPED, "zdnet-like", "reason", "known")).isEqualTo(3);
        assertThat(site.hitsStartingWith("/view/")).hasSize(3);
    }

    @Test
    void anArticleTheFeedReDatesIsFetchedAgainAndAnEditIsPublishedAsAnUpdateOfTheSameId() {
        Source source = Source.feed("chip-atom", "칩 전문지", site.uri("/atom.xml")).allowingPrivateAddresses();
        Instant start = Instant.parse("2026-11-20T01:00:00Z");
        MovableClock clock = new MovableClock(start);
        SourcePoller poller = poller(List.of(source), clock);
        serveAtom(start.minus(Duration.ofMinutes(10)));
        site.serveText("/view/?no=11", "text/html; charset=utf-8",
                article(11, "캠브리콘 매출 급증", "캠브리콘의 분기 매출이 크게 늘었다는 가상의 첫 보도다."));

        poller.poll(source);
        clock.advance(Duration.ofMinutes(5));
        poller.poll(source);
        assertThat(publisher.articles).hasSize(1);
        assertThat(site.hitsStartingWith("/view/")).as("an entry not re-dated is not fetched again").hasSize(1);

        // The outlet edits the story and re-dates the entry.
        clock.advance(Duration.ofHours(1));
        site.serveText("/view/?no=11", "text/html; charset=utf-8",
                article(11, "캠브리콘 매출 급증", "캠브리콘의 분기 매출이 세 배로 늘었다는 수정된 가상의 보도다."));
        serveAtom(start.plus(Duration.ofMinutes(30)));
        poller.poll(source);

        assertThat(publisher.articles).hasSize(2);
        assertThat(publisher.articles.get(1).id()).isEqualTo(publisher.articles.get(0).id());
        assertThat(publisher.articles.get(1).text()).contains("세 배로");
        assertThat(publisher.articles.get(1).fingerprint()).isNotEqualTo(publisher.articles.get(0).fingerprint());
        assertThat(count(IngesterMetrics.ARTICLES_UPDATED, "chip-atom")).isEqualTo(1);
        assertThat(count(IngesterMetrics.ARTICLES_PUBLISHED, "chip-atom")).isEqualTo(1);

        // Re-dated again without an edit: read once more, found unchanged, then left alone.
        clock.advance(Duration.ofHours(1));
        serveAtom(start.plus(Duration.ofMinutes(100)));
        poller.poll(source);
        clock.advance(Duration.ofMinutes(5));
        poller.poll(source);
        assertThat(publisher.articles).hasSize(2);
        assertThat(count(IngesterMetrics.ARTICLES_UNCHANGED, "chip-atom")).isEqualTo(1);
        assertThat(site.hitsStartingWith("/view/")).hasSize(3);
    }

    private void serveAtom(Instant updated) {
        site.serveText("/atom.xml", "application/atom+xml; charset=utf-8", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>칩 전문지</title><id>urn:example:chip</id>
                <updated>%2$s</updated>
                <entry><title>캠브리콘 매출 급증</title><link rel="alternate" href="/view/?no=11"/>
                <id>urn:example:chip:11</id><published>2026-11-20T10:00:00+09:00</published><updated>%2$s</updated>
                </entry></feed>
                """.formatted(site.base(), updated));
    }

    @Test
    void archiveSourcePublishesSavedPagesWithoutAnyRequest(@TempDir Path directory) throws Exception {
        for (int n = 1; n <= 2; n++) {
            Files.writeString(directory.resolve("page-" + n + ".html"),
                    ArchiveDiscoveryTest.savedArticle("https://news.example.kr", n, "보관 기사 " + n), StandardCharsets.UTF_8);
        }
        Source source = new Source("backfill", "보관함", SourceKind.ARCHIVE, URI.create("https://news.example.kr/saved/"),
                null, null, null, null, null, false,
                null, null, null, 0, directory, null);
        SourcePoller poller = poller(List.of(source));

        poller.poll(source);
        poller.poll(source);

        assertThat(publisher.articles).extracting(RawArticle::url)
                .containsExactly("https://news.example.kr/news/1", "https://news.example.kr/news/2");
        assertThat(count(IngesterMetrics.ARTICLES_SKIPPED, "backfill", "reason", "known")).isEqualTo(2);
        assertThat(site.hits()).isEmpty();
    }

    @Test
    void aFeedAnsweringTheConditionalGetWithNotModifiedCostsNoParsingAndKeepsItsValidators() {
        String feed = FixtureSite.fixture("feed-rss.xml").replace("{base}", site.base());
        site.serveInTurn("/rss.xml",
                new FixtureSite.Reply(200, Map.of("Content-Type", "application/rss+xml; charset=utf-8", "ETag", "\"v1\"",
                        "Last-Modified", "Fri, 20 Nov 2026 00:30:00 GMT"), feed),
                new FixtureSite.Reply(304, Map.of("ETag", "\"v1\""), ""));
        for (int n = 1; n <= 3; n++) {
            site.serveText("/news/" + n, "text/html; charset=utf-8", article(n, "기사 " + n, "가상의 기사 " + n + "번 본문이다."));
        }
        Source source = Source.feed("etag-feed", "테크데일리", site.uri("/rss.xml")).allowingPrivateAddresses();
        SourcePoller poller = poller(List.of(source));

        poller.poll(source);
        poller.poll(source);

        List<FixtureSite.Hit> feedHits = site.hitsStartingWith("/rss.xml");
        assertThat(feedHits).hasSize(2);
        assertThat(feedHits.get(0).header("If-None-Match")).isNull();
        assertThat(feedHits.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(feedHits.get(1).header("If-Modified-Since")).isEqualTo("Fri, 20 Nov 2026 00:30:00 GMT");
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "etag-feed", "outcome", "not-modified")).isEqualTo(1);
        assertThat(publisher.states.get("etag-feed").validators())
                .isEqualTo(new Validators("\"v1\"", "Fri, 20 Nov 2026 00:30:00 GMT"));
        assertThat(publisher.articles).hasSize(3);
    }

    @Test
    void aFailingSourceEscapesNoPollAndIsCountedByKind() {
        site.serveFixture("/broken.xml", "application/rss+xml", "feed-malformed.xml");
        Source source = Source.feed("test-feed", "테크데일리", site.uri("/broken.xml")).allowingPrivateAddresses();
        SourcePoller poller = poller(List.of(source));

        poller.poll(source);
        poller.poll(source);

        assertThat(count(IngesterMetrics.ERRORS, "test-feed", "kind", "feed-parse")).isEqualTo(2);
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "test-feed", "outcome", "failure")).isEqualTo(2);
        assertThat(registry.get(IngesterMetrics.LAST_SUCCESSFUL_POLL).tag("source", "test-feed").gauge().value()).isZero();
        assertThat(publisher.states.get("test-feed").lastSuccessAt()).isNull();
    }

    @Test
    void aSourceThatSuddenlyListsNothingIsAFailedPollNotASilentSuccess() {
        site.serveText("/empty.xml", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>테크데일리</title><link>http://127.0.0.1/</link>
                <description>전체기사</description></channel></rss>
                """);
        Source source = Source.feed("quiet-feed", "테크데일리", site.uri("/empty.xml")).allowingPrivateAddresses();
        SourcePoller poller = poller(List.of(source));

        poller.poll(source);

        assertThat(count(IngesterMetrics.ERRORS, "quiet-feed", "kind", "no-articles")).isEqualTo(1);
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "quiet-feed", "outcome", "failure")).isEqualTo(1);
        assertThat(publisher.states.get("quiet-feed").lastSuccessAt()).isNull();
    }

    @Test
    void aPrivateAddressIsRefusedUnlessTheSourceAllowsIt() {
        site.serveFixture("/rss.xml", "text/xml", "feed-rss.xml");
        Source source = Source.feed("local-feed", "테크데일리", site.uri("/rss.xml"));
        SourcePoller poller = poller(List.of(source));

        poller.poll(source);

        assertThat(count(IngesterMetrics.SOURCE_POLLS, "local-feed", "outcome", "failure")).isEqualTo(1);
        assertThat(site.hits()).isEmpty();
    }

    @Test
    void thePerPollCapDefersTheRestWhichArriveOnTheNextPollsThoughTheFeedAnswersNotModified() {
        serveFeed("/big.xml", "\"big-v1\"", 210);
        for (int n = 1; n <= 210; n++) {
            serveArticle(n);
        }
        Source source = Source.feed("big-feed", "대형 언론사", site.uri("/big.xml")).allowingPrivateAddresses();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T01:00:00Z"));
        SourcePoller poller = poller(List.of(source), clock);

        Duration next = poller.poll(source);

        assertThat(publisher.articles).hasSize(PollBudget.MAX_ARTICLES_PER_POLL);
        assertThat(pendingGauge("big-feed")).isEqualTo(110);
        SourceState saved = publisher.states.get("big-feed");
        assertThat(saved.validators().etag()).as("saved together with the pending list").isEqualTo("\"big-v1\"");
        assertThat(saved.pending()).hasSize(110).allSatisfy(link -> assertThat(link.attempts()).isZero());
        assertThat(next).as("work waits: polled again at the shortest interval, not the adaptive one")
                .isEqualTo(source.minPollInterval()).isLessThan(saved.pollInterval());

        clock.advance(next);
        poller.poll(source);
        clock.advance(next);
        poller.poll(source);

        assertThat(publisher.articles).extracting(RawArticle::url).doesNotHaveDuplicates().hasSize(210)
                .contains(site.base() + "/view/?no=1", site.base() + "/view/?no=210");
        List<FixtureSite.Hit> feedHits = site.hitsStartingWith("/big.xml");
        assertThat(feedHits).hasSize(3);
        assertThat(feedHits.subList(1, 3)).allSatisfy(hit -> assertThat(hit.header("If-None-Match")).isEqualTo("\"big-v1\""));
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "big-feed", "outcome", "not-modified")).isEqualTo(2);
        assertThat(site.hitsStartingWith("/view/")).hasSize(210);
        assertThat(publisher.states.get("big-feed").pending()).isEmpty();
        assertThat(pendingGauge("big-feed")).isZero();
    }

    @Test
    void aPageThatFailsIsPendingWithBackoffAndPublishedOnceItAnswers() {
        serveFeed("/one.xml", "\"one-v1\"", 1);
        site.serve("/view/?no=1", 503, Map.of("Content-Type", "text/plain", "Retry-After", "0"),
                "점검 중".getBytes(StandardCharsets.UTF_8));
        Source source = Source.feed("flaky", "테크데일리", site.uri("/one.xml")).allowingPrivateAddresses();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T01:00:00Z"));
        SourcePoller poller = poller(List.of(source), clock);

        Duration next = poller.poll(source);

        assertThat(publisher.articles).isEmpty();
        assertThat(count(IngesterMetrics.ERRORS, "flaky", "kind", "page-fetch")).isEqualTo(1);
        PendingLink waiting = publisher.states.get("flaky").pending().get(0);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextTryAt()).isEqualTo(clock.instant().plus(PendingLinks.FIRST_RETRY));
        assertThat(pendingGauge("flaky")).isEqualTo(1);
        assertThat(next).isEqualTo(source.minPollInterval());
        int pageHits = site.hitsStartingWith("/view/").size();

        // Before its backoff has passed the feed answers 304 and the page is left alone.
        clock.advance(PendingLinks.FIRST_RETRY.minusSeconds(10));
        poller.poll(source);
        assertThat(site.hitsStartingWith("/view/")).hasSize(pageHits);

        serveArticle(1);
        clock.advance(Duration.ofSeconds(10));
        poller.poll(source);

        assertThat(publisher.articles).extracting(RawArticle::url).containsExactly(site.base() + "/view/?no=1");
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "flaky", "outcome", "not-modified")).isEqualTo(2);
        assertThat(publisher.states.get("flaky").pending()).isEmpty();
        assertThat(pendingGauge("flaky")).isZero();
        assertThat(count(IngesterMetrics.ARTICLES_GIVEN_UP, "flaky", "reason", "attempts")).isZero();
    }

    @Test
    void aPageThatNeverAnswersIsGivenUpAfterTheLimitCountedOnceAndNotReadAgain() {
        serveFeed("/gone.xml", "\"gone-v1\"", 1);
        Source source = Source.feed("gone", "테크데일리", site.uri("/gone.xml")).allowingPrivateAddresses();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T01:00:00Z"));
        SourcePoller poller = poller(List.of(source), clock);

        for (int attempt = 1; attempt <= PendingLinks.MAX_ATTEMPTS; attempt++) {
            poller.poll(source);
            clock.advance(PendingLinks.backoff(attempt));
        }

        assertThat(site.hitsStartingWith("/view/")).hasSize(PendingLinks.MAX_ATTEMPTS);
        assertThat(count(IngesterMetrics.ARTICLES_GIVEN_UP, "gone", "reason", "attempts")).isEqualTo(1);
        assertThat(publisher.states.get("gone").pending()).isEmpty();
        assertThat(publisher.states.get("gone").givenUp()).hasSize(1);

        // The feed changes and still lists it: known as given up, it is not read again nor counted twice.
        serveFeed("/gone.xml", "\"gone-v2\"", 1);
        poller.poll(source);
        assertThat(site.hitsStartingWith("/view/")).hasSize(PendingLinks.MAX_ATTEMPTS);
        assertThat(count(IngesterMetrics.ARTICLES_SKIPPED, "gone", "reason", "given-up")).isEqualTo(1);
        assertThat(count(IngesterMetrics.ARTICLES_GIVEN_UP, "gone", "reason", "attempts")).isEqualTo(1);
    }

    @Test
    void whileKafkaIsDownNothingIsLostAndAStateNotSavedLeavesTheValidatorsLastSaved() {
        serveFeed("/rss.xml", "\"v1\"", 3);
        for (int n = 1; n <= 3; n++) {
            serveArticle(n);
        }
        Source source = Source.feed("outage", "테크데일리", site.uri("/rss.xml")).allowingPrivateAddresses();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T01:00:00Z"));
        SourcePoller poller = poller(List.of(source), clock);
        publisher.down = true;

        poller.poll(source);

        assertThat(publisher.articles).isEmpty();
        assertThat(count(IngesterMetrics.ERRORS, "outage", "kind", "publish")).as("the article, then the state")
                .isEqualTo(2);
        assertThat(count(IngesterMetrics.SOURCE_POLLS, "outage", "outcome", "failure")).isEqualTo(1);
        assertThat(site.hitsStartingWith("/view/")).as("the poll stopped reading at the first failure").hasSize(1);
        assertThat(pendingGauge("outage")).isEqualTo(3);

        publisher.down = false;
        clock.advance(source.minPollInterval());
        poller.poll(source);

        assertThat(site.hitsStartingWith("/rss.xml").get(1).header("If-None-Match"))
                .as("the state of the failed poll was not saved: no validators from it").isNull();
        assertThat(publisher.articles).hasSize(3);
        assertThat(publisher.states.get("outage").pending()).isEmpty();
        assertThat(publisher.states.get("outage").validators().etag()).isEqualTo("\"v1\"");

        // A new item appears while Kafka is down again: that poll's state (validators v2) is not saved either.
        serveFeed("/rss.xml", "\"v2\"", 4);
        serveArticle(4);
        publisher.down = true;
        clock.advance(source.minPollInterval());
        poller.poll(source);
        publisher.down = false;
        clock.advance(source.minPollInterval());
        poller.poll(source);

        assertThat(site.hitsStartingWith("/rss.xml").get(3).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(publisher.articles).extracting(RawArticle::url).doesNotHaveDuplicates().hasSize(4);
        assertThat(publisher.states.get("outage").validators().etag()).isEqualTo("\"v2\"");
    }
}
