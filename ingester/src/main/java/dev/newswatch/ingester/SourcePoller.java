package dev.newswatch.ingester;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.IngesterMetrics.PollOutcome;

/**
 * One poll of one source: read the feed, and for each new item fetch, decode and extract the page and publish
 * the article. Every failure becomes one log line and one counted error; nothing escapes, so the next poll
 * simply retries.
 */
public final class SourcePoller {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);
    /** Some feeds list hundreds of items at once (Digital Times: 427); the newest ones matter, the rest wait. */
    static final int MAX_ENTRIES_PER_POLL = 100;

    private final FeedPoller feeds;
    private final PageFetcher fetcher;
    private final BodyDecoder decoder;
    private final ArticleExtractor extractor;
    private final PublishedArticles published;
    private final ArticlePublisher publisher;
    private final IngesterMetrics metrics;
    private final Clock clock;

    public SourcePoller(FeedPoller feeds, PageFetcher fetcher, BodyDecoder decoder, ArticleExtractor extractor,
            PublishedArticles published, ArticlePublisher publisher, IngesterMetrics metrics, Clock clock) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.decoder = decoder;
        this.extractor = extractor;
        this.published = published;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Polls {@code source} once. Returns normally whatever goes wrong. */
    public void poll(Source source) {
        List<FeedEntry> entries;
        try {
            entries = feeds.poll(source);
        } catch (IngestException e) {
            feedFailed(source, e.kind(), e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            feedFailed(source, ErrorKind.FEED_PARSE, "unexpected " + e);
            return;
        }
        for (FeedEntry entry : entries.subList(0, Math.min(entries.size(), MAX_ENTRIES_PER_POLL))) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                ingest(source, entry);
            } catch (IngestException e) {
                if (e.kind() == ErrorKind.PUBLISH) {
                    // Kafka is unreachable or this publisher is fenced: the other items would fail the same way.
                    articleFailed(source, entry, e.kind(), e.getMessage() + "; this poll stops here");
                    metrics.feedPolled(source.id(), PollOutcome.FAILURE, clock.instant());
                    return;
                }
                articleFailed(source, entry, e.kind(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                articleFailed(source, entry, ErrorKind.EXTRACT, "unexpected " + e);
            }
        }
        metrics.feedPolled(source.id(), PollOutcome.SUCCESS, clock.instant());
    }

    private void ingest(Source source, FeedEntry entry) throws IngestException, InterruptedException {
        String link;
        try {
            link = CanonicalUrls.canonicalize(entry.link());
        } catch (IllegalArgumentException e) {
            throw new IngestException(ErrorKind.EXTRACT, "the feed's link is not a URL");
        }
        String linkId = CanonicalUrls.articleId(link);
        if (published.isKnownLink(linkId)) {
            return;
        }
        FetchedBody page = fetcher.fetch(URI.create(link), ErrorKind.PAGE_FETCH);
        ExtractedArticle article = extractor.extract(decoder.decode(page.body(), page.contentType()), page.url(),
                entry.published());
        metrics.articleFetched(source.id());
        String id = CanonicalUrls.articleId(article.canonicalUrl());
        String fingerprint = CanonicalUrls.fingerprint(article.title(), article.text());
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, source.id(), source.outlet(),
                article.canonicalUrl(), article.title(), article.publishedAt(), null, clock.instant(), source.language(),
                null, null, article.text(), fingerprint);
        if (publisher.publishIfNew(raw, linkId)) {
            metrics.articlePublished(source.id());
            log.info("Source {}: published {} {}", source.id(), id, article.canonicalUrl());
        } else {
            metrics.articleUnchanged(source.id());
        }
    }

    private void feedFailed(Source source, ErrorKind kind, String reason) {
        log.warn("Source {}: feed {} failed [{}]: {}; retrying at the next poll", source.id(), source.url(),
                kind.tag(), reason);
        metrics.error(source.id(), kind);
        metrics.feedPolled(source.id(), PollOutcome.FAILURE, clock.instant());
    }

    private void articleFailed(Source source, FeedEntry entry, ErrorKind kind, String reason) {
        log.warn("Source {}: article {} skipped [{}]: {}; retrying at the next poll", source.id(), entry.link(),
                kind.tag(), reason);
        metrics.error(source.id(), kind);
    }
}
