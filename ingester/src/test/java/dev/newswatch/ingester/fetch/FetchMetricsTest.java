package dev.newswatch.ingester.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class FetchMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FetchMetrics metrics = new FetchMetrics(registry);

    @Test
    void scrapesUnderTheServicePrefixWithBoundedTags() {
        metrics.fetched("etnews-it", FetchMetrics.Outcome.OK, 200, Duration.ofMillis(120));
        metrics.fetched("etnews-it", FetchMetrics.Outcome.HTTP_ERROR, 418, Duration.ofMillis(5));
        metrics.received("etnews-it", 2048);
        metrics.robotsDenied("etnews-it");
        metrics.retried("etnews-it", FetchMetrics.RetryReason.THROTTLED);
        metrics.malformedBody("etnews-it");

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("newswatch_ingester_fetches_total{outcome=\"ok\",source=\"etnews-it\",status=\"200\"} 1.0")
                .contains("newswatch_ingester_fetches_total{outcome=\"http-error\",source=\"etnews-it\",status=\"4xx\"} 1.0")
                .contains("newswatch_ingester_fetch_received_bytes_total{source=\"etnews-it\"} 2048.0")
                .contains("newswatch_ingester_fetch_duration_seconds_count{source=\"etnews-it\"} 2")
                .contains("# TYPE newswatch_ingester_fetch_duration_seconds histogram")
                .contains("newswatch_ingester_fetch_duration_seconds_bucket{source=\"etnews-it\",le=\"0.05\"} 1")
                .contains("newswatch_ingester_fetch_duration_seconds_bucket{source=\"etnews-it\",le=\"0.25\"} 2")
                .contains("newswatch_ingester_robots_denials_total{source=\"etnews-it\"} 1.0")
                .contains("newswatch_ingester_fetch_retries_total{reason=\"throttled\",source=\"etnews-it\"} 1.0")
                .contains("newswatch_ingester_decode_errors_total{source=\"etnews-it\"} 1.0");
    }

    @Test
    void statusTagsComeFromASmallFixedSet() {
        assertThat(FetchMetrics.statusTag(0)).isEqualTo("none");
        assertThat(FetchMetrics.statusTag(304)).isEqualTo("304");
        assertThat(FetchMetrics.statusTag(429)).isEqualTo("429");
        assertThat(FetchMetrics.statusTag(299)).isEqualTo("2xx");
        assertThat(FetchMetrics.statusTag(599)).isEqualTo("5xx");
    }
}
