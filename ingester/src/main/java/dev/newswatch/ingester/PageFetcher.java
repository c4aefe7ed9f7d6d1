package dev.newswatch.ingester;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Fetches feeds and pages politely: names itself, honours robots.txt (including Crawl-delay), keeps requests
 * to one host apart, follows a bounded number of redirects (each hop checked against robots.txt and paced),
 * accepts gzip and refuses bodies over the size limit.
 */
public final class PageFetcher {

    private static final int MAX_REDIRECTS = 5;
    /** RFC 9309 asks crawlers not to use a cached robots.txt for more than a day. */
    private static final Duration ROBOTS_LIFETIME = Duration.ofHours(24);
    private static final Duration DEFERRED_ROBOTS_LIFETIME = Duration.ofMinutes(10);

    private final IngesterSettings settings;
    private final HttpClient client;
    private final HostPacer pacer = new HostPacer();
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, CachedRules> robotsByOrigin = new ConcurrentHashMap<>();
    private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();
    private final String robotName;

    public PageFetcher(IngesterSettings settings) {
        this.settings = settings;
        // Redirects are followed here, not by the client, so that every hop is paced and checked against robots.txt.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.robotName = settings.userAgent().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /**
     * The body at {@code url}.
     *
     * @param failureKind the error kind of a failed request (feed-fetch or page-fetch); a robots.txt refusal is
     *                    always robots-denied
     */
    public FetchedBody fetch(URI url, ErrorKind failureKind) throws IngestException, InterruptedException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            BaseRobotRules rules = robotsRules(current, failureKind);
            if (!rules.isAllowed(current.toString())) {
                throw new IngestException(ErrorKind.ROBOTS_DENIED, rules.isDeferVisits()
                        ? "robots.txt of " + origin(current) + " answered with a server error; visits deferred"
                        : "robots.txt of " + origin(current) + " disallows " + current.getRawPath() + " for " + robotName);
            }
            URI target = current;
            Response response = pacer.paced(origin(current), delay(rules), () -> send(target, failureKind));
            Optional<URI> redirect = response.redirectTarget(current);
            if (redirect.isEmpty()) {
                if (response.status() / 100 != 2) {
                    throw new IngestException(failureKind, "HTTP " + response.status()
                            + (current.equals(url) ? "" : " from " + current));
                }
                return new FetchedBody(current, response.contentType(), response.body());
            }
            current = redirect.get();
        }
        throw new IngestException(failureKind, "more than " + MAX_REDIRECTS + " redirects");
    }

    private BaseRobotRules robotsRules(URI url, ErrorKind failureKind) throws IngestException, InterruptedException {
        String origin = origin(url);
        // One lock per origin, so that sources sharing a host fetch its robots.txt once, not once each.
        synchronized (robotsLocks.computeIfAbsent(origin, key -> new Object())) {
            CachedRules cached = robotsByOrigin.get(origin);
            if (cached != null && cached.expires().isAfter(Instant.now())) {
                return cached.rules();
            }
            BaseRobotRules rules = fetchRobots(origin, failureKind);
            // A server error only defers visits: ask again soon rather than staying away for a day.
            Duration lifetime = rules.isDeferVisits() ? DEFERRED_ROBOTS_LIFETIME : ROBOTS_LIFETIME;
            CachedRules fetched = new CachedRules(rules, Instant.now().plus(lifetime));
            robotsByOrigin.put(origin, fetched);
            return fetched.rules();
        }
    }

    private BaseRobotRules fetchRobots(String origin, ErrorKind failureKind) throws IngestException, InterruptedException {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        Response response = pacer.paced(origin, settings.hostDelay(), () -> send(robotsUrl, failureKind));
        if (response.status() / 100 == 2) {
            return robotsParser.parseContent(robotsUrl.toString(), response.body(),
                    response.contentType() == null ? "text/plain" : response.contentType(), List.of(robotName));
        }
        if (response.status() / 100 == 3) {
            // Usually http -> https; the redirected page fetch then reads the robots.txt of its own origin.
            return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        }
        // 4xx means "no rules", 5xx means "stay away for now"; crawler-commons encodes both.
        return robotsParser.failedFetch(response.status());
    }

    private Duration delay(BaseRobotRules rules) {
        long crawlDelayMillis = rules.getCrawlDelay();
        if (crawlDelayMillis == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelayMillis <= settings.hostDelay().toMillis()) {
            return settings.hostDelay();
        }
        return Duration.ofMillis(crawlDelayMillis);
    }

    private Response send(URI url, ErrorKind failureKind) throws IngestException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.fetchTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        long limit = settings.maxBodyBytes();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> info.statusCode() / 100 == 2
                ? new BoundedBodySubscriber(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            // The request timeout ends at the headers; this deadline also bounds a body that trickles forever.
            response = exchange.get(settings.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IngestException(failureKind, "no complete response within " + settings.fetchTimeout(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IngestException(failureKind, reason(e.getCause(), url), e.getCause());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String location = response.headers().firstValue("Location").orElse(null);
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(encoding -> encoding.strip().equalsIgnoreCase("gzip")).orElse(false);
        byte[] body = gzip ? gunzip(response.body(), limit, failureKind) : response.body();
        return new Response(response.statusCode(), contentType, location, body);
    }

    private String reason(Throwable failure, URI url) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "cannot connect within " + settings.fetchTimeout();
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response within " + settings.fetchTimeout();
        }
        if (failure instanceof ConnectException) {
            return "cannot connect to " + origin(url);
        }
        if (failure instanceof BoundedBodySubscriber.TooLargeException) {
            return failure.getMessage();
        }
        return "request failed: " + failure;
    }

    private static byte[] gunzip(byte[] compressed, long limit, ErrorKind failureKind) throws IngestException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new IngestException(failureKind, "body exceeds the limit of " + limit + " bytes once unzipped");
            }
            return body;
        } catch (IOException e) {
            throw new IngestException(failureKind, "broken gzip body: " + e.getMessage(), e);
        }
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
    }

    private record CachedRules(BaseRobotRules rules, Instant expires) {
    }

    private record Response(int status, String contentType, String location, byte[] body) {

        Optional<URI> redirectTarget(URI from) {
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            return redirect && location != null ? Optional.of(from.resolve(location.strip())) : Optional.empty();
        }
    }
}
