package dev.newswatch.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class HealthProbeTest {

    @Test
    void healthyOnlyWhileTheServiceAnswers200() {
        AtomicBoolean live = new AtomicBoolean(true);
        String health;
        try (ServiceMetrics metrics = new ServiceMetrics();
                MetricsServer server = MetricsServer.start("test", "127.0.0.1", 0, metrics.registry(), live::get,
                        () -> false)) {
            health = "http://127.0.0.1:" + server.port() + "/health";
            assertThat(HealthProbe.isHealthy(health)).isTrue();
            assertThat(HealthProbe.isHealthy("http://127.0.0.1:" + server.port() + "/ready")).isFalse();
            live.set(false);
            assertThat(HealthProbe.isHealthy(health)).isFalse();
        }
        assertThat(HealthProbe.isHealthy(health)).as("nothing listening any more").isFalse();
    }
}
