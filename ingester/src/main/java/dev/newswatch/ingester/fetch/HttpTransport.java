package dev.newswatch.ingester.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import dev.newswatch.ingester.fetch.FetchMetrics.Outcome;

/**
 * Sends one GET and reads its answer within bounds: a deadline for the whole exchange, a body size limit both as
 * sent and once unzipped, and no body read at all when the caller cannot use its content type. Redirects, retries
 * and pacing are the caller's business.
 */
final class HttpTransport {

    /** Why an exchange gave no response; {@code retryable} when trying again later may well succeed. */
    static final class TransportFailure extends Exception {

        private final Outcome outcome;
        private final boolean retryable;

        TransportFailure(Outcome outcome, boolean retryable, String message, Throwable cause) {
            super(message, cause);
            this.outcome = outcome;
            this.retryable = retryable;
        }

        /** Timeout, unreachable, too-large or broken. */
        Outcome outcome() {
            return outcome;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /**
     * A response as received.
     *
     * @param accepted false when the content type was refused and the body left unread
     */
    record Response(int status, String contentType, HttpHeaders headers, byte[] body, boolean accepted,
                    long bytesReceived) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        Validators validators() {
            return new Validators(header("ETag").orElse(null), header("Last-Modified").orElse(null));
        }

        Optional<URI> redirectTarget(URI from) {
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            return redirect ? header("Location").map(location -> from.resolve(location.strip())) : Optional.empty();
        }
    }

    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;
    private final long maxBodyBytes;

    HttpTransport(String userAgent, Duration timeout, long maxBodyBytes) {
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        // Redirects are followed by the caller, so that every hop is paced and checked against robots.txt.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * GETs {@code url}, conditionally when there are validators. A 2xx body is read only when
     * {@code acceptsContentType} accepts its Content-Type (null when absent).
     */
    Response get(URI url, Validators validators, Predicate<String> acceptsContentType)
            throws TransportFailure, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip")
                .GET();
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), info -> {
            answered.set(true);
            boolean wanted = info.statusCode() / 100 == 2
                    && acceptsContentType.test(info.headers().firstValue("Content-Type").orElse(null));
            return wanted
                    ? new BoundedBodySubscriber(maxBodyBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                    : HttpResponse.BodySubscribers.replacing(null);
        });
        HttpResponse<byte[]> response;
        try {
            // The request timeout ends at the headers; this deadline also bounds a body that trickles forever.
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            // A server that sent its headers and then trickles is not worth asking again; a silent one may recover.
            throw answered.get()
                    ? new TransportFailure(Outcome.TIMEOUT, false, "no complete response within " + timeout, e)
                    : new TransportFailure(Outcome.TIMEOUT, true, "no response within " + timeout, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), url);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (response.body() == null) {
            // Left unread: an error page, a 3xx or 304 without a body worth having, or a 2xx of a refused type.
            return new Response(response.statusCode(), contentType, response.headers(), new byte[0],
                    response.statusCode() / 100 != 2, 0);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        byte[] body = encoding.equals("gzip") || encoding.equals("x-gzip") ? gunzip(response.body()) : response.body();
        return new Response(response.statusCode(), contentType, response.headers(), body, true, response.body().length);
    }

    private TransportFailure failure(Throwable cause, URI url) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new TransportFailure(Outcome.TIMEOUT, true, "cannot connect within " + timeout, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportFailure(Outcome.TIMEOUT, true, "no response within " + timeout, cause);
        }
        if (cause instanceof ConnectException) {
            return new TransportFailure(Outcome.UNREACHABLE, false, "cannot connect to " + url.getHost()
                    + (url.getPort() == -1 ? "" : ":" + url.getPort()), cause);
        }
        if (cause instanceof BoundedBodySubscriber.TooLargeException) {
            return new TransportFailure(Outcome.TOO_LARGE, false, cause.getMessage(), cause);
        }
        return new TransportFailure(Outcome.BROKEN, false, "request failed: " + cause, cause);
    }

    private byte[] gunzip(byte[] compressed) throws TransportFailure {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            // Reading one byte past the limit tells a body that fits from a zip bomb without inflating the bomb.
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw new TransportFailure(Outcome.TOO_LARGE, false,
                        "body exceeds the limit of " + maxBodyBytes + " bytes once unzipped", null);
            }
            return body;
        } catch (IOException e) {
            throw new TransportFailure(Outcome.BROKEN, false, "broken gzip body: " + e.getMessage(), e);
        }
    }
}
