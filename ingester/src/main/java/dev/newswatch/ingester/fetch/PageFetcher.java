package dev.newswatch.ingester.fetch;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import crawlercommons.robots.BaseRobotRules;

import dev.newswatch.common.net.AddressGuard;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchMetrics.Outcome;
import dev.newswatch.ingester.fetch.FetchMetrics.RetryReason;
import dev.newswatch.ingester.fetch.HttpTransport.Response;
import dev.newswatch.ingester.fetch.HttpTransport.TransportFailure;
import dev.newswatch.ingester.url.HttpUrls;

/**
 * Fetches feeds and pages politely: names itself, honours robots.txt (including Crawl-delay), keeps requests
 * to one host apart, retries what a later try may fix (429 and 503 after their Retry-After, which holds back the
 * whole host; other 5xx and timeouts after a jittered backoff, which holds back only the request), follows a
 * bounded number of redirects (each hop checked against the address guard and robots.txt, and paced), asks
 * conditionally when it has validators, accepts gzip and refuses bodies over the size limit or of a content type
 * the caller cannot read.
 */
public final class PageFetcher {

    private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);
    private static final int MAX_REDIRECTS = 5;
    private static final Duration ROBOTS_DEFERRAL = Duration.ofMinutes(10);

    private final FetchSettings settings;
    private final HttpTransport transport;
    private final HostPacer pacer = new HostPacer();
    private final RobotsPolicy robots;
    private final RetryPolicy retries;
    private final AddressGuard guard;
    private final FetchMetrics metrics;

    /** A fetcher whose meters go nowhere; for tools and tests that do not report metrics. */
    public PageFetcher(FetchSettings settings) {
        this(settings, FetchMetrics.discarding());
    }

    public PageFetcher(FetchSettings settings, FetchMetrics metrics) {
        this(settings, metrics, RetryPolicy.defaults());
    }

    public PageFetcher(FetchSettings settings, FetchMetrics metrics, RetryPolicy retries) {
        this(settings, metrics, retries, new AddressGuard());
    }

    PageFetcher(FetchSettings settings, FetchMetrics metrics, RetryPolicy retries, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.metrics = metrics;
        this.retries = retries;
        this.transport = new HttpTransport(settings.userAgent(), settings.fetchTimeout(), settings.maxBodyBytes());
        this.robots = new RobotsPolicy(transport, pacer, settings.hostDelay(), ROBOTS_DEFERRAL, settings.userAgent());
    }

    /**
     * The body at the request's URL, or word that it has not changed since the request's validators.
     *
     * @throws IngestException of the request's failure kind when the fetch fails; robots-denied, robots-unavailable,
     *                         blocked-address or unsupported-content when it is refused before or after reading
     */
    public FetchedBody fetch(FetchRequest request) throws IngestException, InterruptedException {
        long started = System.nanoTime();
        try {
            FetchedBody body = followRedirects(request);
            metrics.fetched(request.sourceId(), body.notModified() ? Outcome.NOT_MODIFIED : Outcome.OK, body.status(),
                    Duration.ofNanos(System.nanoTime() - started));
            return body;
        } catch (Failure failure) {
            metrics.fetched(request.sourceId(), failure.outcome, failure.status, Duration.ofNanos(System.nanoTime() - started));
            if (failure.outcome == Outcome.ROBOTS_DENIED) {
                metrics.robotsDenied(request.sourceId());
            }
            throw failure.exception;
        }
    }

    private FetchedBody followRedirects(FetchRequest request) throws Failure, InterruptedException {
        ErrorKind failureKind = request.failureKind();
        URI current = request.url();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkScope(current, request);
            BaseRobotRules rules = robotsRules(current, request);
            if (!rules.isAllowed(current.toString())) {
                throw new Failure(Outcome.ROBOTS_DENIED, 0, new IngestException(ErrorKind.ROBOTS_DENIED, "robots.txt of "
                        + RobotsPolicy.origin(current) + " disallows " + current.getRawPath() + " for " + robots.robotName()));
            }
            Response response = sendWithRetries(current, request, delay(rules));
            Optional<URI> redirect = redirectTarget(response, current);
            if (redirect.isPresent()) {
                current = redirect.get();
                continue;
            }
            int status = response.status();
            String from = current.equals(request.url()) ? "" : " from " + current;
            if (status == 304) {
                Validators validators = response.validators().isEmpty() ? request.validators() : response.validators();
                return new FetchedBody(current, response.contentType(), new byte[0], status, true, validators);
            }
            if (status / 100 != 2) {
                throw new Failure(Outcome.HTTP_ERROR, status, new IngestException(failureKind, "HTTP " + status + from));
            }
            if (!response.accepted()) {
                throw new Failure(Outcome.UNSUPPORTED_CONTENT, status, new IngestException(ErrorKind.UNSUPPORTED_CONTENT,
                        "content type " + response.contentType() + from + " is not "
                                + (request.accept() == FetchRequest.Accept.PAGE ? "an HTML page" : "a feed or sitemap")));
            }
            return new FetchedBody(current, response.contentType(), response.body(), status, false, response.validators());
        }
        throw new Failure(Outcome.TOO_MANY_REDIRECTS, 0,
                new IngestException(failureKind, "more than " + MAX_REDIRECTS + " redirects"));
    }

    /** Refuses what is not http(s), and unless the request allows it, hosts on non-public addresses. */
    private void checkScope(URI url, FetchRequest request) throws Failure {
        if (!HttpUrls.isHttp(url)) {
            throw new Failure(Outcome.BROKEN, 0, new IngestException(request.failureKind(), "not an http(s) URL: " + url));
        }
        if (request.allowPrivateAddresses()) {
            return;
        }
        try {
            Optional<String> refusal = guard.refusal(url);
            if (refusal.isPresent()) {
                throw new Failure(Outcome.BLOCKED_ADDRESS, 0, new IngestException(ErrorKind.BLOCKED_ADDRESS,
                        "refused " + url + ": " + refusal.get() + ", outside the source's scope"));
            }
        } catch (UnknownHostException e) {
            throw new Failure(Outcome.UNREACHABLE, 0,
                    new IngestException(request.failureKind(), "cannot resolve host " + url.getHost(), e));
        }
    }

    private BaseRobotRules robotsRules(URI url, FetchRequest request) throws Failure, InterruptedException {
        try {
            return robots.rules(url);
        } catch (IngestException deferred) {
            throw new Failure(Outcome.ROBOTS_UNAVAILABLE, 0, deferred);
        } catch (TransportFailure e) {
            throw new Failure(e.outcome(), 0, new IngestException(request.failureKind(), e.getMessage(), e));
        }
    }

    private Response sendWithRetries(URI url, FetchRequest request, Duration delay) throws Failure, InterruptedException {
        String host = url.getHost();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = pacer.paced(host, delay,
                        () -> transport.get(url, request.validators(), request.accept()::accepts));
            } catch (TransportFailure e) {
                if (e.retryable() && retries.mayRetryAfter(attempt)) {
                    backOff(request, url, RetryReason.TIMEOUT, retries.backoff(attempt), e.getMessage());
                    continue;
                }
                String tries = attempt > 1 ? " (" + attempt + " tries)" : "";
                throw new Failure(e.outcome(), 0, new IngestException(request.failureKind(), e.getMessage() + tries, e));
            }
            metrics.received(request.sourceId(), response.bytesReceived());
            int status = response.status();
            if (!RetryPolicy.isRetryable(status) || !retries.mayRetryAfter(attempt)) {
                return response;
            }
            Optional<Duration> asked = RetryPolicy.honoursRetryAfter(status)
                    ? retries.retryAfter(response.header("Retry-After").orElse(null)) : Optional.empty();
            if (asked.isPresent() && asked.get().compareTo(retries.maxRetryAfter()) > 0) {
                // Coming back sooner than asked would be rude: the next poll tries again, and until the longest
                // wait has passed nobody else asks this host either.
                pacer.pause(host, retries.maxRetryAfter());
                throw new Failure(Outcome.HTTP_ERROR, status, new IngestException(request.failureKind(), "HTTP " + status
                        + " asking to retry after " + asked.get() + ", longer than the longest wait " + retries.maxRetryAfter()));
            }
            RetryReason reason = RetryPolicy.honoursRetryAfter(status) ? RetryReason.THROTTLED : RetryReason.SERVER_ERROR;
            if (asked.isPresent()) {
                // The server asked every client to stay away that long, so every source on the host waits too.
                retrying(request, url, reason, asked.get(), "HTTP " + status);
                pacer.pause(host, asked.get());
            } else {
                backOff(request, url, reason, retries.backoff(attempt), "HTTP " + status);
            }
        }
    }

    /**
     * Waits before trying {@code url} again, holding back only this request: the host's slot is free meanwhile,
     * so one page that fails or times out does not keep the host's other sources waiting through its backoff.
     */
    private void backOff(FetchRequest request, URI url, RetryReason reason, Duration wait, String why)
            throws InterruptedException {
        retrying(request, url, reason, wait, why);
        TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    }

    private void retrying(FetchRequest request, URI url, RetryReason reason, Duration wait, String why) {
        log.info("{} for {} (source {}); trying again in {} ms", why, url, request.sourceId(), wait.toMillis());
        metrics.retried(request.sourceId(), reason);
    }

    private static Optional<URI> redirectTarget(Response response, URI from) {
        try {
            return response.redirectTarget(from);
        } catch (IllegalArgumentException malformedLocation) {
            return Optional.empty();
        }
    }

    private Duration delay(BaseRobotRules rules) {
        long crawlDelayMillis = rules.getCrawlDelay();
        if (crawlDelayMillis == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelayMillis <= settings.hostDelay().toMillis()) {
            return settings.hostDelay();
        }
        return Duration.ofMillis(crawlDelayMillis);
    }

    /** A fetch that failed, with what the metrics need to know about it. */
    private static final class Failure extends Exception {

        private final Outcome outcome;
        private final int status;
        private final IngestException exception;

        Failure(Outcome outcome, int status, IngestException exception) {
            super(exception.getMessage(), null, false, false);
            this.outcome = outcome;
            this.status = status;
            this.exception = exception;
        }
    }
}
