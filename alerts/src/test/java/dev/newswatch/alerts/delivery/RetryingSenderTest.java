package dev.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.WebhookFormat;
import dev.newswatch.common.events.WebhookTarget;
import dev.newswatch.common.net.AddressGuard;

/** One alert change against a real receiver on 127.0.0.1 that answers as each test tells it. */
class RetryingSenderTest {

    private static final DeliverySettings QUICK = new DeliverySettings(4, Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofSeconds(5), Duration.ofHours(1));
    private static final byte[] BODY = "{\"id\":\"w:a1\"}".getBytes(StandardCharsets.UTF_8);

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final RetryingSender sender = new RetryingSender(new WebhookClient(new AddressGuard(),
            QUICK.requestTimeout()), QUICK, stopping, Clock.systemUTC());
    private WebhookReceiver receiver;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aReceiverFailingTheFirstTwoAttemptsGetsTheChangeOnTheThirdWithTheSameKey() throws Exception {
        receiver = WebhookReceiver.start((key, attempt) -> attempt <= 2 ? 503 : 200);

        RetryingSender.Sent sent = send(true).orElseThrow();

        assertThat(sent.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::answered).containsExactly(503, 503, 200);
        assertThat(receiver.requests()).allSatisfy(request -> {
            assertThat(request.idempotencyKey()).isEqualTo("w:a1/7");
            assertThat(request.body()).isEqualTo(BODY);
            assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        });
    }

    @Test
    void aReceiverThatKeepsFailingIsTriedMaxAttemptsTimes() throws Exception {
        receiver = WebhookReceiver.start((key, attempt) -> 500);

        RetryingSender.Sent sent = send(true).orElseThrow();

        assertThat(sent.outcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(sent.attempts()).isEqualTo(QUICK.maxAttempts());
        assertThat(sent.detail()).isEqualTo("HTTP 500 after 4 attempts");
        assertThat(receiver.requests()).hasSize(QUICK.maxAttempts());
    }

    @Test
    void aClientErrorIsNotTriedAgain() throws Exception {
        receiver = WebhookReceiver.start((key, attempt) -> 410);

        RetryingSender.Sent sent = send(true).orElseThrow();

        assertThat(sent.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
        assertThat(sent.detail()).isEqualTo("HTTP 410");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aLoopbackUrlIsRefusedWithoutARequestUnlessTheWatchAllowsIt() throws Exception {
        receiver = WebhookReceiver.start();

        RetryingSender.Sent sent = send(false).orElseThrow();

        assertThat(sent.outcome()).isEqualTo(DeliveryOutcome.REFUSED);
        assertThat(sent.detail()).contains("127.0.0.1", "loopback", "allowPrivateAddress");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void stoppingDuringABackoffLeavesTheChangeWithoutOutcome() throws Exception {
        receiver = WebhookReceiver.start((key, attempt) -> {
            stopping.countDown();
            return 503;
        });

        assertThat(send(true)).isEmpty();
        assertThat(receiver.requests()).hasSize(1);
    }

    private Optional<RetryingSender.Sent> send(boolean allowPrivateAddress) throws InterruptedException {
        return sender.send("w", new WebhookTarget(receiver.url("/hook"), WebhookFormat.JSON, allowPrivateAddress),
                "w:a1/7", BODY);
    }
}
