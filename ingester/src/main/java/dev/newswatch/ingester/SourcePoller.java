package dev.newswatch.ingester;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.IngesterMetrics.PollOutcome;
import dev.newswatch.ingester.IngesterMetrics.SkipReason;
import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.discovery.Discovery;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.publish.Publisher;
import dev.newswatch.ingester.publish.Publisher.Publication;
import dev.newswatch.ingester.publish.RawArticles;
import dev.newswatch.ingester.source.PollIntervals;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;
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
 * 304: past the per-poll {@link PollBudget} it is deferred, after a failed read it waits for a backoff, and only
 * after too many failures or too long is it given up, counted and logged as such. Every failure becomes one log
 * line and one counted error ({@link PollEvents}); nothing escapes.
 */
final class SourcePoller {

    private final Crawler crawler;
    private final PublishedArticles published;
    private final SourceStates states;
    private final Publisher publisher;
    private final PollEvents events;
    private final Clock clock;
    /** Links revisited and found unchanged, with when: they are not fetched again until the source re-dates them. */
    private final Map<String, Instant> lastRevisit = new ConcurrentHashMap<>();

    SourcePoller(Crawler crawler, PublishedArticles published, SourceStates states, Publisher publisher,
            IngesterMetrics metrics, Clock clock) {
        this.crawler = crawler;
        this.published = published;
        this.states = states;
        this.publisher = publisher;
        this.events = new PollEvents(metrics);
        this.clock = clock;
    }

    /**
     * Polls {@code source} once and returns how long to wait before the next poll: the adaptive interval, or
     * less while pending articles are due sooner (never less than the source's shortest interval). Returns
     * normally whatever goes wrong.
     */
    Duration poll(Source source) {
        SourceState previous = states.get(source.id()).orElse(null);
        Validators validators = previous == null ? Validators.NONE : previous.validators();
        PendingLinks pending = PendingLinks.from(previous);
        Result result = pollOnce(source, validators, pending);
        if (Thread.currentThread().isInterrupted()) {
            // The ingester is stopping mid-poll: keep the state of the last complete poll.
            return source.pollInterval();
        }
        Instant now = clock.instant();
        pending.expire(now).forEach(giveUp -> events.givenUp(source, giveUp.link(), giveUp.reason(),
                "first listed at " + giveUp.link().firstSeenAt() + ", more than " + PendingLinks.MAX_AGE + " ago"));
        Duration interval = PollIntervals.next(source, previous == null ? null : previous.pollInterval(),
                result.newArticles(), result.itemDates(), now);
        Duration delay = pending.nextTry()
                .map(due -> max(Duration.between(now, due), source.minPollInterval()))
                .filter(untilDue -> untilDue.compareTo(interval) < 0)
                .orElse(interval);
        if (result.deferred() > 0) {
            events.deferred(source, result.deferred(), delay.toSeconds());
        }
        Validators saved = result.validators();
        if (pending.notRecorded() > 0) {
            events.pendingBeyondState(source, pending.notRecorded());
            saved = validators;
        }
        SourceState state = new SourceState(saved, interval, now.plus(delay),
                result.succeeded() ? now : previous == null ? null : previous.lastSuccessAt(), pending.links(),
                pending.givenUp());
        save(source, state, validators);
        events.scheduled(source, interval, pending.size());
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
            events.stateNotSaved(source, e);
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

        static Result failed(Validators validators) {
            return new Result(false, validators, 0, List.of(), 0);
        }
    }

    private Result pollOnce(Source source, Validators validators, PendingLinks pending) {
        Discovery discovery;
        try {
            discovery = crawler.discovery().discover(source, validators);
        } catch (IngestException e) {
            events.sourceFailed(source, e.kind(), e.getMessage(), clock.instant());
            return Result.failed(validators);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(validators);
        } catch (RuntimeException e) {
            events.sourceFailed(source, source.kind().parseError(), "unexpected " + e, clock.instant());
            return Result.failed(validators);
        }
        if (!discovery.notModified() && discovery.links().isEmpty()) {
            events.sourceFailed(source, ErrorKind.NO_ARTICLES,
                    "read, but it lists no articles (moved feed, changed layout or stale selector?)", clock.instant());
            return Result.failed(discovery.validators());
        }
        Validators next = discovery.notModified() ? validators.refreshedBy(discovery.validators())
                : discovery.validators();
        if (!discovery.notModified()) {
            events.listed(source, discovery.links().size());
        }
        PollBudget budget = new PollBudget();
        for (DiscoveredLink link : discovery.links()) {
            if (!visit(source, link, pending, budget)) {
                return Result.failed(validators);
            }
        }
        // An archive's pages are listed on every poll: only links on the web can be read without their listing.
        if (source.kind() != SourceKind.ARCHIVE) {
            for (DiscoveredLink link : pending.dueAndUnvisited(clock.instant())) {
                if (!visit(source, link, pending, budget)) {
                    return Result.failed(validators);
                }
            }
        }
        events.polled(source, budget.publishHasFailed() ? PollOutcome.FAILURE
                : discovery.notModified() ? PollOutcome.NOT_MODIFIED : PollOutcome.SUCCESS, clock.instant());
        List<Instant> dates = discovery.links().stream().map(DiscoveredLink::published).filter(Objects::nonNull).toList();
        return new Result(!budget.publishHasFailed(), next, budget.newArticles(), dates, budget.deferredCount());
    }

    /**
     * Reads and publishes one link, or leaves it pending, or skips it as known or out of scope.
     *
     * @return false when the ingester is stopping and the poll must end at once
     */
    private boolean visit(Source source, DiscoveredLink link, PendingLinks pending, PollBudget budget) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        URI url;
        try {
            url = link.canonicalUrl();
        } catch (IllegalArgumentException e) {
            events.notAUrl(source, link);
            return true;
        }
        String linkId = CanonicalUrls.articleId(url.toString());
        Instant now = clock.instant();
        if (pending.waits(linkId, now)) {
            return true;
        }
        if (!link.isReadBy(source, url)) {
            events.skipped(source, link, SkipReason.OUT_OF_SCOPE);
            pending.handled(linkId);
            return true;
        }
        RevisitPolicy.Decision decision = RevisitPolicy.decide(published.markerForLink(linkId), link.updated(),
                lastRevisit.get(linkId), now);
        boolean revisit = decision == RevisitPolicy.Decision.REVISIT;
        if (decision == RevisitPolicy.Decision.SKIP || revisit && !budget.allowsRevisit()) {
            events.skipped(source, link, SkipReason.KNOWN);
            pending.handled(linkId);
            return true;
        }
        if (!revisit && pending.isGivenUp(linkId)) {
            events.skipped(source, link, SkipReason.GIVEN_UP);
            return true;
        }
        if (budget.deferring()) {
            pending.defer(linkId, link, now);
            budget.deferred();
            return true;
        }
        if (revisit) {
            lastRevisit.put(linkId, now);
        }
        budget.reading(revisit);
        try {
            Publication publication = ingest(source, link, url, linkId);
            pending.handled(linkId);
            budget.published(publication != Publication.UNCHANGED);
        } catch (IngestException e) {
            if (e.kind().isPublishing()) {
                // Kafka is unreachable or this publisher is fenced: the other items would fail the same way.
                events.publishFailed(source, link, e);
                budget.publishFailed();
                if (!revisit) {
                    pending.defer(linkId, link, now);
                }
            } else {
                readFailed(source, link, linkId, revisit, pending, e.kind(), e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            readFailed(source, link, linkId, revisit, pending, ErrorKind.EXTRACT, "unexpected " + e);
        }
        return true;
    }

    /** Reads the article behind a link and publishes it. */
    private Publication ingest(Source source, DiscoveredLink link, URI url, String linkId)
            throws IngestException, InterruptedException {
        ExtractedArticle extracted = crawler.reader().read(source, link, url);
        events.fetched(source);
        RawArticle article = RawArticles.of(source, extracted, clock.instant());
        Publication publication = publisher.publish(article, linkId);
        events.published(source, article, publication);
        return publication;
    }

    /**
     * A read that failed: a new article stays pending and is read again after a backoff, or is given up after
     * too many failures; a revisit of a published one is simply tried again when the policy next says so.
     */
    private void readFailed(Source source, DiscoveredLink link, String linkId, boolean revisit, PendingLinks pending,
            ErrorKind kind, String reason) {
        if (revisit) {
            events.revisitFailed(source, link, kind, reason);
            return;
        }
        PendingLink retry = pending.failed(linkId, link, clock.instant());
        events.readFailed(source, retry, pending.isGivenUp(linkId), kind, reason);
    }
}
