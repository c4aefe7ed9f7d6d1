package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void tellsThreadsApartByTheApplicationIdInTheirNames() {
        assertThat(ThreadCpu.groupOf("newswatch-enricher-0b5c-StreamThread-1")).isEqualTo(ThreadCpu.ENRICHER);
        assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | newswatch-alerts-9e1-StreamThread-1-producer"))
                .isEqualTo(ThreadCpu.ALERTS);
        assertThat(ThreadCpu.groupOf("newswatch-bench-reader")).isEqualTo(ThreadCpu.LOAD);
        assertThat(ThreadCpu.groupOf("data-plane-kafka-request-handler-0")).isEqualTo(ThreadCpu.BROKER);
        assertThat(ThreadCpu.groupOf("ingester-poll-17")).isEqualTo(ThreadCpu.INGESTER);
        assertThat(ThreadCpu.groupOf("HttpClient-1-Worker-3")).isEqualTo(ThreadCpu.INGESTER);
        assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | newswatch-ingester"))
                .isEqualTo(ThreadCpu.INGESTER);
        assertThat(ThreadCpu.groupOf("newswatch-bench-site-2")).isEqualTo(ThreadCpu.LOAD);
    }

    @Test
    void countsWhatNoJavaThreadSpentAsGcAndJit() {
        ThreadCpu.Snapshot before = new ThreadCpu.Snapshot(Map.of(1L, 100L, 2L, 50L),
                Map.of(1L, "newswatch-enricher-x-StreamThread-1", 2L, "kafka-network-thread"), 1_000L);
        ThreadCpu.Snapshot after = new ThreadCpu.Snapshot(Map.of(1L, 400L, 2L, 150L, 3L, 20L),
                Map.of(1L, "newswatch-enricher-x-StreamThread-1", 2L, "kafka-network-thread",
                        3L, "newswatch-alerts-y-StreamThread-1"), 1_600L);

        Map<String, Long> spent = ThreadCpu.spent(before, after);

        assertThat(List.copyOf(spent.keySet())).isEqualTo(ThreadCpu.GROUPS);
        assertThat(spent).containsEntry(ThreadCpu.ENRICHER, 300L).containsEntry(ThreadCpu.ALERTS, 20L)
                .containsEntry(ThreadCpu.BROKER, 100L).containsEntry(ThreadCpu.LOAD, 0L)
                .containsEntry(ThreadCpu.INGESTER, 0L)
                .containsEntry(ThreadCpu.JVM, 180L).containsEntry(ThreadCpu.TOTAL, 600L);
    }

    @Test
    void readsKilobytesFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  812344 kB", "VmRSS:\t  790000 kB");

        assertThat(ProcessMemory.kilobytes(status, "VmHWM")).isEqualTo(812_344L);
        assertThat(ProcessMemory.kilobytes(status, "VmRSS")).isEqualTo(790_000L);
    }
}
