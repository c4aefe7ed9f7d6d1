package dev.newswatch.alerts.delivery;

import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import dev.newswatch.common.events.WebhookTarget;
import dev.newswatch.common.net.AddressGuard;

/**
 * One POST of one alert change to one webhook, and what its answer means. Redirects are not followed: the
 * address guard checked the URL the watch names, not where a receiver might send the request on.
 */
final class WebhookClient {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final String USER_AGENT = "Newswatch-Webhook/0.1";
    private static final Duration NO_WAIT_ASKED = Duration.ZERO;

    /** The outcome of one request; {@link DeliveryOutcome#FAILED} means worth trying again. */
    record Attempt(DeliveryOutcome outcome, Duration retryAfter, String detail) {
    }

    private final HttpClient http;
    private final AddressGuard guard;
    private final Duration requestTimeout;

    WebhookClient(AddressGuard guard, Duration requestTimeout) {
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout)
                .build();
        this.guard = guard;
        this.requestTimeout = requestTimeout;
    }

    Attempt post(WebhookTarget target, String idempotencyKey, byte[] body) throws InterruptedException {
        if (!target.allowPrivateAddress()) {
            try {
                Optional<String> refusal = guard.refusal(target.url());
                if (refusal.isPresent()) {
                    return new Attempt(DeliveryOutcome.REFUSED, NO_WAIT_ASKED, refusal.get()
                            + "; set allowPrivateAddress: true on the watch's webhook to allow it");
                }
            } catch (UnknownHostException e) {
                return new Attempt(DeliveryOutcome.FAILED, NO_WAIT_ASKED, "unknown host " + target.url().getHost());
            }
        }
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(IDEMPOTENCY_KEY_HEADER, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return answered(http.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (HttpTimeoutException e) {
            return new Attempt(DeliveryOutcome.FAILED, NO_WAIT_ASKED, "no answer within " + requestTimeout);
        } catch (IOException e) {
            return new Attempt(DeliveryOutcome.FAILED, NO_WAIT_ASKED, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private static Attempt answered(HttpResponse<Void> response) {
        int status = response.statusCode();
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new Attempt(DeliveryOutcome.DELIVERED, NO_WAIT_ASKED, detail);
        }
        // 408 and 425 ask for the same request again later, 429 for fewer of them, 5xx for a mended server.
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Attempt(DeliveryOutcome.FAILED, retryAfter(response), detail);
        }
        return new Attempt(DeliveryOutcome.REJECTED, NO_WAIT_ASKED, detail);
    }

    /** Retry-After in seconds; its HTTP-date form is rare enough from webhook receivers to read as no wait. */
    private static Duration retryAfter(HttpResponse<Void> response) {
        OptionalLong seconds = response.headers().firstValueAsLong("Retry-After");
        return seconds.isPresent() && seconds.getAsLong() > 0 ? Duration.ofSeconds(seconds.getAsLong()) : NO_WAIT_ASKED;
    }
}
