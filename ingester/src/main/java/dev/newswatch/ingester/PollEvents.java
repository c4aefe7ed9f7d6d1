package dev.newswatch.ingester;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.IngesterMetrics.PollOutcome;
import dev.newswatch.ingester.IngesterMetrics.SkipReason;
import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.publish.Publisher.Publication;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.state.GiveUpReason;
import dev.newswatch.ingester.state.PendingLink;
import dev.newswatch.ingester.state.PendingLinks;

/** What a poll reports of what happened to a source and its articles: one log line and the metrics for each. */
final class PollEvents {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

    private final IngesterMetrics metrics;

    PollEvents(IngesterMetrics metrics) {
        this.metrics = metrics;
    }

    void sourceFailed(Source source, ErrorKind kind, String reason, Instant at) {
        log.warn("Source {}: {} {} failed [{}]: {}; retrying at the next poll", source.id(), source.kind().configName(),
                source.location(), kind.tag(), reason);
        metrics.error(source.id(), kind);
        metrics.polled(source.id(), PollOutcome.FAILURE, at);
    }

    void listed(Source source, int links) {
        metrics.articlesDiscovered(source.id(), links);
    }

    void polled(Source source, PollOutcome outcome, Instant at) {
        metrics.polled(source.id(), outcome, at);
    }

    void notAUrl(Source source, DiscoveredLink link) {
        log.warn("Source {}: listed link {} skipped [{}]: not a URL", source.id(), link.url(), ErrorKind.EXTRACT.tag());
        metrics.error(source.id(), ErrorKind.EXTRACT);
    }

    void skipped(Source source, DiscoveredLink link, SkipReason reason) {
        if (reason == SkipReason.OUT_OF_SCOPE) {
            log.debug("Source {}: {} is outside its hosts {}", source.id(), link.url(), source.hosts());
        }
        metrics.articleSkipped(source.id(), reason);
    }

    void fetched(Source source) {
        metrics.articleFetched(source.id());
    }

    void published(Source source, RawArticle article, Publication publication) {
        switch (publication) {
            case NEW -> {
                metrics.articlePublished(source.id());
                log.info("Source {}: published {} {}", source.id(), article.id(), article.url());
            }
            case UPDATE -> {
                metrics.articleUpdated(source.id());
                log.info("Source {}: published an update of {} {}", source.id(), article.id(), article.url());
            }
            case UNCHANGED -> metrics.articleUnchanged(source.id());
        }
    }

    void publishFailed(Source source, DiscoveredLink link, IngestException e) {
        log.warn("Source {}: article {} not published [{}]: {}; it and the rest of this poll's articles stay pending",
                source.id(), link.url(), e.kind().tag(), e.getMessage());
        metrics.error(source.id(), e.kind());
    }

    void revisitFailed(Source source, DiscoveredLink link, ErrorKind kind, String reason) {
        metrics.error(source.id(), kind);
        log.warn("Source {}: revisit of published article {} failed [{}]: {}", source.id(), link.url(), kind.tag(),
                reason);
    }

    /** A new article's read failed: it stays pending for another try, or was given up as {@code retry} says. */
    void readFailed(Source source, PendingLink retry, boolean givenUp, ErrorKind kind, String reason) {
        metrics.error(source.id(), kind);
        if (givenUp) {
            givenUp(source, retry, GiveUpReason.ATTEMPTS, "its last failure [" + kind.tag() + "]: " + reason);
        } else {
            log.warn("Source {}: article {} failed [{}] (attempt {} of {}): {}; pending, read again from {}",
                    source.id(), retry.url(), kind.tag(), retry.attempts(), PendingLinks.MAX_ATTEMPTS, reason,
                    retry.nextTryAt());
        }
    }

    void givenUp(Source source, PendingLink link, GiveUpReason reason, String detail) {
        log.warn("Source {}: article {} given up after {} failed reads, never published; {}", source.id(),
                link.url(), link.attempts(), detail);
        metrics.articleGivenUp(source.id(), reason);
    }

    void stateNotSaved(Source source, IngestException e) {
        log.warn("Source {}: crawl state not saved [{}]: {}; the next poll sends the validators last saved",
                source.id(), e.kind().tag(), e.getMessage());
        metrics.error(source.id(), e.kind());
    }

    void deferred(Source source, int deferred, long nextPollSeconds) {
        log.info("Source {}: read {} articles this poll; {} more wait for the next poll, in {}s", source.id(),
                PollBudget.MAX_ARTICLES_PER_POLL, deferred, nextPollSeconds);
    }

    void pendingBeyondState(Source source, int notRecorded) {
        log.info("Source {}: {} links wait beyond the {} the crawl state holds; the listing is read in full again "
                + "to find them", source.id(), notRecorded, PendingLinks.MAX_PENDING);
    }

    void scheduled(Source source, Duration interval, int pending) {
        metrics.nextInterval(source.id(), interval);
        metrics.pendingArticles(source.id(), pending);
    }
}
