package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FlowFiguresTest {

    private static final long MS = 1_000_000L;

    @Test
    void percentilesAreTheNearestRankOfTheDeliveredArticles() {
        // 100 articles sent at 0, delays 1..100 ms; one more never came out.
        long[] sent = new long[101];
        long[] out = LongStream.rangeClosed(1, 101).map(delay -> delay == 101 ? 0 : delay * MS).toArray();
        FlowFigures figures = new FlowFigures(sent, out, 50 * MS);

        assertThat(figures.offered()).isEqualTo(101);
        assertThat(figures.delivered()).isEqualTo(100);
        assertThat(figures.latencyMillis(0.5)).isEqualTo(50.0);
        assertThat(figures.latencyMillis(0.99)).isEqualTo(99.0);
        assertThat(figures.maxLatencyMillis()).isEqualTo(100.0);
        assertThat(figures.cpuMillisPerArticle()).isEqualTo(0.5);
    }

    @Test
    void sustainedRateLeavesOutTheStartAndTheDraining() {
        // A slow start (first 10 arrivals over 10 s), then one arrival every 10 ms, then a slow tail.
        long[] out = new long[100];
        for (int i = 0; i < 100; i++) {
            out[i] = i < 10 ? (i + 1) * 1_000 * MS : i < 90 ? 10_000 * MS + (i - 9) * 10 * MS
                    : 20_000 * MS + (i - 89) * 1_000 * MS;
        }
        FlowFigures figures = new FlowFigures(new long[100], out, 0);

        assertThat(figures.sustainedRate()).isCloseTo(100.0, within(0.01));
        assertThat(figures.throughput()).isCloseTo(100 / 30.0, within(0.01));
    }

    @Test
    void refusesFiguresWithoutArticles() {
        assertThatThrownBy(() -> new FlowFigures(new long[0], new long[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowFigures(new long[1], new long[1], 0).latencyMillis(0.5))
                .hasMessageContaining("no article came out");
    }
}
