package dev.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    private final DeliverySettings settings = DeliverySettings.defaults();

    @Test
    void theBackoffDoublesFromTheFirstUpToTheMaximum() {
        assertThat(settings.backoffBefore(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffBefore(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffBefore(6, Duration.ZERO)).isEqualTo(Duration.ofSeconds(16));
        assertThat(settings.backoffBefore(7, Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffBefore(60, Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLongerWaitTheReceiverAsksForIsKeptWithinTheMaximum() {
        assertThat(settings.backoffBefore(2, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.backoffBefore(2, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aScheduleWithoutAttemptsOrWithBackoffsTheWrongWayRoundIsRefused() {
        assertThatThrownBy(() -> new DeliverySettings(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofHours(1))).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new DeliverySettings(3, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofHours(1))).hasMessageContaining("maxBackoff");
    }
}
