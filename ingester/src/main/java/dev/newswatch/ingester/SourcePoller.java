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
import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.discovery.Discovery;
import dev.newswatch.ingester.discovery.LinkDiscovery;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.publish.Publisher;
import dev.newswatch.ingester.publish.Publisher.Publication;
import dev.newswatch.ingester.source.PollIntervals;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;
import dev.newswatch.ingester.state.GiveUpReason;
import dev.newswatch.ingester.state.PendingLink;
import dev.newswatch.ingester.state.PendingLinks;
import dev.newswatch.ingester.state.PublishedArticles;
import dev.newswatch.ingester.state.RevisitPolicy;
import dev.newswatch.ingester.state.SourceState;
import dev.newswatch.ingester.state.SourceStates;
import dev.newswatch.ingester.url.CanonicalUrls;

/**
 * One poll of one source: list its article links (conditionally, with the validators of the last poll), and
 * for each link on the source's hosts that is new or changed, read the article and publish it; then choose
 * when to poll again and keep that in the crawl state. A listed article is published, or it stays pending in
 * the crawl state ({@link PendingLinks}) and is read again at a later poll, even when the listing then answers
 * 304: past the per-poll cap it is deferred, after a failed read it waits for a backoff, and only after too many
 * failures or too long is it given up, counted and logged as such. Every failure becomes one log line and one
 * counted error; nothing escapes.
 */
final class SourcePoller {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);
    /** Some sources list hundreds of items at once (Digital Times: 427); these many are read, the rest wait. */
    static final int MAX_ARTICLES_PER_POLL = 100;
    /** Published articles read again per poll, at most; the others wait for the next poll. */
    static final int MAX_REVISITS_PER_POLL = 10;

    private final LinkDiscovery discovery;
    private final ArticleReader reader;
    private final PublishedArticles published;
    private final SourceStates states;
    private final Publisher publisher;
    private final IngesterMetrics metrics;
    private final Clock clock;
    /** Links revisited and found unchanged, with when: they are not fetched again until the source re-dates them. */
    private final Map<String, Instant> lastRevisit = new ConcurrentHashMap<>();

    public SourcePoller(LinkDiscovery discovery, ArticleReader reader, PublishedArticles published,
            SourceStates states, Publisher publisher, IngesterMetrics metrics, Clock clock) {
        this.discovery = discovery;
        this.reader = reader;
        this.published = published;
        this.states = states;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Polls {@code source} once and returns how long to wait before the next poll: the adaptive interval, or
     * less while pending articles are due sooner (never less than the source's shortest interval). Returns
     * normally whatever goes wrong.
     */
    public Duration poll(Source source) {
        SourceState previous = states.get(source.id()).orElse(null);
        Validators validators = previous == null ? Validators.NONE : previous.validators();
        PendingLinks pending = PendingLinks.from(previous);
        Result result = pollOnce(source, validators, pending);
        if (Thread.currentThread().isInterrupted()) {
            // The ingester is stopping mid-poll: keep the state of the last complete poll.
            return source.pollInterval();
        }
        Instant now = clock.instant();
        pending.expire(now).forEach(giveUp -> givenUp(source, giveUp.link(), giveUp.reason(), "first listed at "
                + giveUp.link().firstSeenAt() + ", more than " + PendingLinks.MAX_AGE + " ago"));
        Duration interval = PollIntervals.next(source, previous == null ? null : previous.pollInterval(),
                result.newArticles(), result.itemDates(), now);
        metrics.nextInterval(source.id(), interval);
        Duration delay = pending.nextTry()
                .map(due -> max(Duration.between(now, due), source.minPollInterval()))
                .filter(untilDue -> untilDue.compareTo(interval) < 0)
                .orElse(interval);
        if (result.deferred() > 0) {
            log.info("Source {}: read {} articles this poll; {} more wait for the next poll, in {}s", source.id(),
                    MAX_ARTICLES_PER_POLL, result.deferred(), delay.toSeconds());
        }
        Validators saved = result.validators();
        if (pending.notRecorded() > 0) {
            log.info("Source {}: {} links wait beyond the {} the crawl state holds; the listing is read in full "
                    + "again to find them", source.id(), pending.notRecorded(), PendingLinks.MAX_PENDING);
            saved = validators;
        }
        SourceState state = new SourceState(saved, interval, now.plus(delay),
                result.succeeded() ? now : previous == null ? null : previous.lastSuccessAt(), pending.links(),
                pending.givenUp());
        save(source, state, validators);
        metrics.pendingArticles(source.id(), pending.size());
        return delay;
    }

    /**
     * Saves the state; if it cannot be saved, the next poll still sends the validators last saved, so it reads
     * the listing again rather than trusting validators whose pending list may be lost.
     */
    private void save(Source source, SourceState state, Validators lastSaved) {
        try {
            publisher.saveSourceState(source.id(), state);
            states.remember(source.id(), state);
        } catch (IngestException e) {
            log.warn("Source {}: crawl state not saved [{}]: {}; the next poll sends the validators last saved",
                    source.id(), e.kind().tag(), e.getMessage());
            metrics.error(source.id(), e.kind());
            states.remember(source.id(), state.withValidators(lastSaved));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * @param deferred links left pending by the per-poll cap
     */
    private record Result(boolean succeeded, Validators validators, int newArticles, List<Instant> itemDates,
                          int deferred) {
    }

    /** What one poll has done so far. */
    private static final class Progress {
        int read;
        int revisits;
        int newArticles;
        int deferred;
        boolean publishFailed;

        /** Past the cap, or Kafka unreachable: links to read are left pending, not read. */
        boolean deferring() {
            return read >= MAX_ARTICLES_PER_POLL || publishFailed;
        }
    }

    private Result pollOnce(Source source, Validators validators, PendingLinks pending) {
        Result failed = new Result(false, validators, 0, List.of(), 0);
        Discovery discovery;
        try {
            discovery = this.discovery.discover(source, validators);
        } catch (IngestException e) {
            sourceFailed(source, e.kind(), e.getMessage());
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed;
        } catch (RuntimeException e) {
            sourceFailed(source, source.kind().parseError(), "unexpected " + e);
            return failed;
        }
        Validators next;
        if (discovery.notModified()) {
            // A 304 may repeat only some validators; the ones it leaves out still hold.
            next = new Validators(
                    discovery.validators().etag() != null ? discovery.validators().etag() : validators.etag(),
                    discovery.validators().lastModified() != null ? discovery.validators().lastModified()
                            : validators.lastModified());
        } else if (discovery.links().isEmpty()) {
            sourceFailed(source, ErrorKind.NO_ARTICLES,
                    "read, but it lists no articles (moved feed, changed layout or stale selector?)");
            return new Result(false, discovery.validators(), 0, List.of(), 0);
        } else {
            next = discovery.validators();
            metrics.articlesDiscovered(source.id(), discovery.links().size());
        }
        Progress progress = new Progress();
        for (DiscoveredLink link : discovery.links()) {
            if (!visit(source, link, pending, progress)) {
                return failed;
            }
        }
        // An archive's pages are listed on every poll: only links on the web can be read without their listing.
        if (source.kind() != SourceKind.ARCHIVE) {
            for (DiscoveredLink link : pending.dueAndUnvisited(clock.instant())) {
                if (!visit(source, link, pending, progress)) {
                    return failed;
                }
            }
        }
        metrics.polled(source.id(), progress.publishFailed ? PollOutcome.FAILURE
                : discovery.notModified() ? PollOutcome.NOT_MODIFIED : PollOutcome.SUCCESS, clock.instant());
        List<Instant> dates = discovery.links().stream().map(DiscoveredLink::published).filter(Objects::nonNull).toList();
        return new Result(!progress.publishFailed, next, progress.newArticles, dates, progress.deferred);
    }

    /**
     * Reads and publishes one link, or leaves it pending, or skips it as known or out of scope.
     *
     * @return false when the ingester is stopping and the poll must end at once
     */
    private boolean visit(Source source, DiscoveredLink link, PendingLinks pending, Progress progress) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        URI url;
        try {
            url = URI.create(CanonicalUrls.canonicalize(link.url()));
        } catch (IllegalArgumentException e) {
            log.warn("Source {}: listed link {} skipped [{}]: not a URL", source.id(), link.url(),
                    ErrorKind.EXTRACT.tag());
            metrics.error(source.id(), ErrorKind.EXTRACT);
            return true;
        }
        String linkId = CanonicalUrls.articleId(url.toString());
        Instant now = clock.instant();
        if (pending.waits(linkId, now)) {
            return true;
        }
        if (link.saved() == null && !source.followsLinkTo(url)) {
            log.debug("Source {}: {} is outside its hosts {}", source.id(), url, source.hosts());
            metrics.articleSkipped(source.id(), SkipReason.OUT_OF_SCOPE);
            pending.handled(linkId);
            return true;
        }
        RevisitPolicy.Decision decision = RevisitPolicy.decide(published.markerForLink(linkId), link.updated(),
                lastRevisit.get(linkId), now);
        boolean revisit = decision == RevisitPolicy.Decision.REVISIT;
        if (decision == RevisitPolicy.Decision.SKIP
                || revisit && (progress.revisits == MAX_REVISITS_PER_POLL || progress.deferring())) {
            metrics.articleSkipped(source.id(), SkipReason.KNOWN);
            pending.handled(linkId);
            return true;
        }
        if (!revisit && pending.isGivenUp(linkId)) {
            metrics.articleSkipped(source.id(), SkipReason.GIVEN_UP);
            return true;
        }
        if (progress.deferring()) {
            pending.defer(linkId, link, now);
            progress.deferred += progress.publishFailed ? 0 : 1;
            return true;
        }
        if (revisit) {
            progress.revisits++;
            lastRevisit.put(linkId, now);
        }
        progress.read++;
        try {
            Publication publication = ingest(source, link, url, linkId);
            pending.handled(linkId);
            progress.newArticles += publication == Publication.UNCHANGED ? 0 : 1;
        } catch (IngestException e) {
            if (e.kind() == ErrorKind.PUBLISH) {
                // Kafka is unreachable or this publisher is fenced: the other items would fail the same way.
                log.warn("Source {}: article {} not published [{}]: {}; it and the rest of this poll's articles "
                        + "stay pending", source.id(), link.url(), e.kind().tag(), e.getMessage());
                metrics.error(source.id(), e.kind());
                progress.publishFailed = true;
                if (!revisit) {
                    pending.defer(linkId, link, now);
                }
            } else {
                articleFailed(source, link, linkId, revisit, pending, e.kind(), e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            articleFailed(source, link, linkId, revisit, pending, ErrorKind.EXTRACT, "unexpected " + e);
        }
        return true;
    }

    /** Reads the article behind a link and publishes it. */
    private Publication ingest(Source source, DiscoveredLink link, URI url, String linkId)
            throws IngestException, InterruptedException {
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
                source.location(), kind.tag(), reason);
        metrics.error(source.id(), kind);
        metrics.polled(source.id(), PollOutcome.FAILURE, clock.instant());
    }

    /**
     * A read that failed: a new article stays pending and is read again after a backoff, or is given up after
     * too many failures; a revisit of a published one is simply tried again when the policy next says so.
     */
    private void articleFailed(Source source, DiscoveredLink link, String linkId, boolean revisit,
            PendingLinks pending, ErrorKind kind, String reason) {
        metrics.error(source.id(), kind);
        if (revisit) {
            log.warn("Source {}: revisit of published article {} failed [{}]: {}", source.id(), link.url(),
                    kind.tag(), reason);
            return;
        }
        PendingLink retry = pending.failed(linkId, link, clock.instant());
        if (pending.isGivenUp(linkId)) {
            givenUp(source, retry, GiveUpReason.ATTEMPTS, "its last failure [" + kind.tag() + "]: " + reason);
        } else {
            log.warn("Source {}: article {} failed [{}] (attempt {} of {}): {}; pending, read again from {}",
                    source.id(), link.url(), kind.tag(), retry.attempts(), PendingLinks.MAX_ATTEMPTS, reason,
                    retry.nextTryAt());
        }
    }

    private void givenUp(Source source, PendingLink link, GiveUpReason reason, String detail) {
        log.warn("Source {}: article {} given up after {} failed reads, never published; {}", source.id(),
                link.url(), link.attempts(), detail);
        metrics.articleGivenUp(source.id(), reason);
    }
}
