package dev.newswatch.ingester;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.IngesterMetrics.PollOutcome;
import dev.newswatch.ingester.IngesterMetrics.SkipReason;
import dev.newswatch.ingester.Publisher.Publication;

/**
 * One poll of one source: list its article links (conditionally, with the validators of the last poll), and
 * for each link on the source's hosts that is new or changed, read the article and publish it; then choose
 * when to poll again and keep that in the crawl state. Every failure becomes one log line and one counted
 * error; nothing escapes, so the next poll simply retries.
 */
public final class SourcePoller {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);
    /** Some sources list hundreds of items at once (Digital Times: 427); these many are read, the rest wait. */
    static final int MAX_ARTICLES_PER_POLL = 100;
    /** Published articles read again per poll, at most; the others wait for the next poll. */
    static final int MAX_REVISITS_PER_POLL = 10;

    private final Map<SourceKind, LinkDiscovery> discoveries;
    private final ArticleReader reader;
    private final PublishedArticles published;
    private final SourceStates states;
    private final Publisher publisher;
    private final IngesterMetrics metrics;
    private final Clock clock;
    /** Links revisited and found unchanged, with when: they are not fetched again until the source re-dates them. */
    private final Map<String, Instant> lastRevisit = new ConcurrentHashMap<>();

    public SourcePoller(Map<SourceKind, LinkDiscovery> discoveries, ArticleReader reader, PublishedArticles published,
            SourceStates states, Publisher publisher, IngesterMetrics metrics, Clock clock) {
        this.discoveries = Map.copyOf(discoveries);
        this.reader = reader;
        this.published = published;
        this.states = states;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Polls {@code source} once and returns how long to wait before the next poll. Returns normally whatever goes wrong. */
    public Duration poll(Source source) {
        SourceState previous = states.get(source.id()).orElse(null);
        Validators validators = previous == null ? Validators.NONE : previous.validators();
        Result result = pollOnce(source, validators);
        Instant now = clock.instant();
        Duration next = PollIntervals.next(source, previous == null ? null : previous.pollInterval(),
                result.newArticles(), result.itemDates(), now);
        metrics.nextInterval(source.id(), next);
        if (Thread.currentThread().isInterrupted()) {
            // The ingester is stopping mid-poll: keep the state of the last complete poll.
            return next;
        }
        SourceState state = new SourceState(result.validators(), next, now.plus(next),
                result.succeeded() ? now : previous == null ? null : previous.lastSuccessAt());
        states.remember(source.id(), state);
        try {
            publisher.saveSourceState(source.id(), state);
        } catch (IngestException e) {
            log.warn("Source {}: crawl state not saved [{}]: {}", source.id(), e.kind().tag(), e.getMessage());
            metrics.error(source.id(), e.kind());
        }
        return next;
    }

    private record Result(boolean succeeded, Validators validators, int newArticles, List<Instant> itemDates) {
    }

    private Result pollOnce(Source source, Validators validators) {
        Result failed = new Result(false, validators, 0, List.of());
        Discovery discovery;
        try {
            discovery = discoveries.get(source.kind()).discover(source, validators);
        } catch (IngestException e) {
            sourceFailed(source, e.kind(), e.getMessage());
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed;
        } catch (RuntimeException e) {
            sourceFailed(source, ErrorKind.FEED_PARSE, "unexpected " + e);
            return failed;
        }
        if (discovery.notModified()) {
            metrics.polled(source.id(), PollOutcome.NOT_MODIFIED, clock.instant());
            // A 304 may repeat only some validators; the ones it leaves out still hold.
            Validators kept = new Validators(
                    discovery.validators().etag() != null ? discovery.validators().etag() : validators.etag(),
                    discovery.validators().lastModified() != null ? discovery.validators().lastModified()
                            : validators.lastModified());
            return new Result(true, kept, 0, List.of());
        }
        if (discovery.links().isEmpty()) {
            sourceFailed(source, ErrorKind.NO_ARTICLES,
                    "read, but it lists no articles (moved feed, changed layout or stale selector?)");
            return new Result(false, discovery.validators(), 0, List.of());
        }
        metrics.articlesDiscovered(source.id(), discovery.links().size());
        int read = 0;
        int newArticles = 0;
        int[] revisits = {0};
        for (DiscoveredLink link : discovery.links()) {
            if (Thread.currentThread().isInterrupted()) {
                return failed;
            }
            if (read == MAX_ARTICLES_PER_POLL) {
                log.info("Source {}: read {} articles this poll; the rest wait for the next one", source.id(), read);
                break;
            }
            try {
                Publication publication = ingest(source, link, revisits);
                if (publication != null) {
                    read++;
                    newArticles += publication == Publication.UNCHANGED ? 0 : 1;
                }
            } catch (IngestException e) {
                read++;
                if (e.kind() == ErrorKind.PUBLISH) {
                    // Kafka is unreachable or this publisher is fenced: the other items would fail the same way.
                    articleFailed(source, link, e.kind(), e.getMessage() + "; this poll stops here");
                    metrics.polled(source.id(), PollOutcome.FAILURE, clock.instant());
                    return failed;
                }
                articleFailed(source, link, e.kind(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed;
            } catch (RuntimeException e) {
                read++;
                articleFailed(source, link, ErrorKind.EXTRACT, "unexpected " + e);
            }
        }
        metrics.polled(source.id(), PollOutcome.SUCCESS, clock.instant());
        List<Instant> dates = discovery.links().stream().map(DiscoveredLink::published).filter(Objects::nonNull).toList();
        return new Result(true, discovery.validators(), newArticles, dates);
    }

    /**
     * Reads and publishes one link; null when it was skipped without reading.
     *
     * @param revisits published articles read again so far in this poll; counted up here
     */
    private Publication ingest(Source source, DiscoveredLink link, int[] revisits)
            throws IngestException, InterruptedException {
        String canonical;
        URI url;
        try {
            canonical = CanonicalUrls.canonicalize(link.url());
            url = URI.create(canonical);
        } catch (IllegalArgumentException e) {
            throw new IngestException(ErrorKind.EXTRACT, "the source's link is not a URL");
        }
        if (link.saved() == null && !source.followsLinkTo(url)) {
            log.debug("Source {}: {} is outside its hosts {}", source.id(), url, source.hosts());
            metrics.articleSkipped(source.id(), SkipReason.OUT_OF_SCOPE);
            return null;
        }
        String linkId = CanonicalUrls.articleId(canonical);
        RevisitPolicy.Decision decision = RevisitPolicy.decide(published.markerForLink(linkId), link.updated(),
                lastRevisit.get(linkId), clock.instant());
        if (decision == RevisitPolicy.Decision.SKIP
                || decision == RevisitPolicy.Decision.REVISIT && revisits[0] == MAX_REVISITS_PER_POLL) {
            metrics.articleSkipped(source.id(), SkipReason.KNOWN);
            return null;
        }
        if (decision == RevisitPolicy.Decision.REVISIT) {
            revisits[0]++;
            lastRevisit.put(linkId, clock.instant());
        }
        ExtractedArticle article = reader.read(source, link, url);
        metrics.articleFetched(source.id());
        String id = CanonicalUrls.articleId(article.canonicalUrl());
        String fingerprint = CanonicalUrls.fingerprint(article.title(), article.text());
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, source.id(), source.outlet(),
                article.canonicalUrl(), article.title(), article.publishedAt(), article.updatedAt(), clock.instant(),
                article.language() == null ? source.language() : article.language(), article.author(),
                article.section(), article.text(), fingerprint);
        Publication publication = publisher.publish(raw, linkId);
        switch (publication) {
            case NEW -> {
                metrics.articlePublished(source.id());
                log.info("Source {}: published {} {}", source.id(), id, article.canonicalUrl());
            }
            case UPDATE -> {
                metrics.articleUpdated(source.id());
                log.info("Source {}: published an update of {} {}", source.id(), id, article.canonicalUrl());
            }
            case UNCHANGED -> metrics.articleUnchanged(source.id());
        }
        return publication;
    }

    private void sourceFailed(Source source, ErrorKind kind, String reason) {
        log.warn("Source {}: {} {} failed [{}]: {}; retrying at the next poll", source.id(), source.kind().configName(),
                source.url() != null ? source.url() : source.path(), kind.tag(), reason);
        metrics.error(source.id(), kind);
        metrics.polled(source.id(), PollOutcome.FAILURE, clock.instant());
    }

    private void articleFailed(Source source, DiscoveredLink link, ErrorKind kind, String reason) {
        log.warn("Source {}: article {} skipped [{}]: {}; retrying at the next poll", source.id(), link.url(),
                kind.tag(), reason);
        metrics.error(source.id(), kind);
    }
}
