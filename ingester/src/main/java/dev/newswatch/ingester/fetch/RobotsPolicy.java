package dev.newswatch.ingester.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;

/**
 * The robots.txt rules of each origin, fetched once and cached (RFC 9309): a missing file allows everything, a
 * server error, a 429 or a timeout keeps the crawler away from the origin for a while, and the rules name the
 * crawler by the first word of its User-Agent.
 */
final class RobotsPolicy {

    private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
    /** RFC 9309 asks crawlers not to use a cached robots.txt for more than a day. */
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_REDIRECTS = 5;

    private final HttpTransport transport;
    private final HostPacer pacer;
    private final Duration hostDelay;
    private final Duration deferral;
    private final String robotName;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, CachedRules> rulesByOrigin = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** @param deferral how long an origin whose robots.txt could not be read is left alone */
    RobotsPolicy(HttpTransport transport, HostPacer pacer, Duration hostDelay, Duration deferral, String userAgent) {
        this.transport = transport;
        this.pacer = pacer;
        this.hostDelay = hostDelay;
        this.deferral = deferral;
        this.robotName = userAgent.split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }

    String robotName() {
        return robotName;
    }

    /**
     * The rules for {@code url}'s origin.
     *
     * @throws IngestException robots-unavailable while the origin is deferred because its robots.txt could not be read
     * @throws HttpTransport.TransportFailure when the origin cannot be reached at all (nothing is cached: the page
     *                                        fetch would fail the same way)
     */
    BaseRobotRules rules(URI url) throws IngestException, HttpTransport.TransportFailure, InterruptedException {
        String origin = origin(url);
        CachedRules rules;
        // One lock per origin, so that sources sharing a host fetch its robots.txt once, not once each; taken
        // interruptibly, so that stopping the ingester does not wait for another source's robots.txt request.
        ReentrantLock lock = locks.computeIfAbsent(origin, key -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            rules = rulesByOrigin.get(origin);
            if (rules == null || !rules.expires().isAfter(Instant.now())) {
                rules = fetch(origin);
                rulesByOrigin.put(origin, rules);
            }
        } finally {
            lock.unlock();
        }
        if (rules.deferredBecause() != null) {
            throw new IngestException(ErrorKind.ROBOTS_UNAVAILABLE, "robots.txt of " + origin + " "
                    + rules.deferredBecause() + "; visits deferred until " + rules.expires());
        }
        return rules.rules();
    }

    private CachedRules fetch(String origin) throws HttpTransport.TransportFailure, InterruptedException {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        String deferredBecause = null;
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                URI target = robotsUrl;
                HttpTransport.Response response = pacer.paced(robotsUrl.getHost(), hostDelay,
                        () -> transport.get(target, Validators.NONE, contentType -> true));
                int status = response.status();
                if (status / 100 == 2) {
                    return cached(parser.parseContent(robotsUrl.toString(), response.body(),
                            response.contentType() == null ? "text/plain" : response.contentType(), List.of(robotName)));
                }
                Optional<URI> redirect = response.redirectTarget(robotsUrl);
                if (redirect.isPresent() && redirect.get().getHost() != null
                        && redirect.get().getHost().equalsIgnoreCase(robotsUrl.getHost())) {
                    robotsUrl = redirect.get();
                    continue;
                }
                if (status / 100 == 3) {
                    // Off to another host, or nowhere: the page fetch follows and reads that origin's own rules.
                    return cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
                }
                if (status != 429 && status / 100 != 5) {
                    // 4xx means "no rules" (RFC 9309); crawler-commons encodes it.
                    return cached(parser.failedFetch(status));
                }
                deferredBecause = "answered HTTP " + status;
                break;
            }
            deferredBecause = deferredBecause == null ? "redirected more than " + MAX_REDIRECTS + " times" : deferredBecause;
        } catch (HttpTransport.TransportFailure e) {
            if (e.outcome() != FetchMetrics.Outcome.TIMEOUT) {
                throw e;
            }
            deferredBecause = "timed out (" + e.getMessage() + ")";
        }
        Instant until = Instant.now().plus(deferral);
        log.warn("robots.txt of {} {}; leaving the host alone until {}", origin, deferredBecause, until);
        return new CachedRules(parser.failedFetch(503), until, deferredBecause);
    }

    private static CachedRules cached(BaseRobotRules rules) {
        return new CachedRules(rules, Instant.now().plus(LIFETIME), null);
    }

    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
    }

    /** @param deferredBecause why the origin is left alone, or null when the rules were read */
    private record CachedRules(BaseRobotRules rules, Instant expires, String deferredBecause) {
    }
}
