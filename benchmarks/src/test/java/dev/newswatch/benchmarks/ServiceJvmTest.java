package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceJvmTest {

    @Test
    void readsUserAndSystemTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 31529 0 12 0 1234 566 0 0 20 0 57 0 983 "
                + "4876546048 101234 18446744073709551615";

        assertThat(ServiceJvm.cpuNanos(stat)).isEqualTo((1234 + 566) * 10_000_000L);
    }

    @Test
    void sumsTheHeapPoolsOfAMetricsPageLeavingOutUnboundedPools() {
        List<String> metrics = List.of(
                "# HELP jvm_memory_used_bytes The amount of used memory",
                "# TYPE jvm_memory_used_bytes gauge",
                "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 4.194304E7",
                "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 1.048576E7",
                "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 5.0E7",
                "jvm_memory_max_bytes{area=\"heap\",id=\"G1 Eden Space\"} -1.0",
                "jvm_memory_max_bytes{area=\"heap\",id=\"G1 Old Gen\"} 6.3E9",
                "jvm_memory_used_bytes_other{area=\"heap\"} 1.0",
                "newswatch_ingester_articles_published_total{source=\"a\"} 3.0",
                "newswatch_ingester_articles_published_total{source=\"b\"} 4.0");

        assertThat(MetricsText.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(52_428_800.0);
        assertThat(MetricsText.sum(metrics, "jvm_memory_max_bytes", "area=\"heap\"")).isEqualTo(6.3e9);
        assertThat(MetricsText.sum(metrics, "newswatch_ingester_articles_published_total", "")).isEqualTo(7.0);
        assertThat(MetricsText.sum(metrics, "jvm_threads_live_threads", "")).isZero();
    }
}
