package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ReplayFiguresTest {

    private static final long SECOND = 1_000_000_000L;

    /** 1,000 records, one every 10 ms, the first 30 s after the enricher started at t = 100 s. */
    private static ReplayFigures evenReplay(int archived) {
        long start = 100 * SECOND;
        long[] arrivals = LongStream.range(0, 1_000).map(i -> start + 30 * SECOND + i * SECOND / 100).toArray();
        return new ReplayFigures(archived, 4_000_000L, 2 * SECOND, start, arrivals);
    }

    @Test
    void separatesStartUpFromTheSustainedRate() {
        ReplayFigures replay = evenReplay(1_000);

        assertThat(replay.complete()).isTrue();
        assertThat(replay.fillRate()).isEqualTo(500.0);
        assertThat(replay.fillMegabytesPerSecond()).isEqualTo(2.0);
        assertThat(replay.startSeconds()).isEqualTo(30.0);
        assertThat(replay.elapsedSeconds()).isCloseTo(39.99, within(1e-9));
        assertThat(replay.rate()).isCloseTo(1_000 / 39.99, within(1e-9));
        assertThat(replay.sustainedRate()).isCloseTo(100.0, within(1e-6));
    }

    @Test
    void projectsOneMillionFromTheStartUpAndTheSustainedRate() {
        // 30 s to start, then 1,000,000 at 100/s: 10,030 s.
        assertThat(evenReplay(1_000).projectedSeconds(ReplayFigures.ONE_MILLION)).isCloseTo(10_030.0, within(1e-3));
    }

    @Test
    void knowsAReplayThatStoppedShort() {
        assertThat(evenReplay(2_000).complete()).isFalse();
        ReplayFigures nothing = new ReplayFigures(10, 1, SECOND, 0, new long[0]);
        assertThatThrownBy(nothing::startSeconds).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no enriched record");
    }

    @Test
    void printsDurationsAsAReaderCounts() {
        assertThat(PipelineBench.duration(10_030)).isEqualTo("2 h 47 min");
        assertThat(PipelineBench.duration(133.4)).isEqualTo("2 min 13 s");
    }

    @Test
    void replaysOnlyWhatFitsInHalfTheFreeDisk() {
        assertThat(ReplayDisk.articlesThatFit(1_000_000, 80_000_000_000L)).isEqualTo(400_000);
        assertThat(ReplayDisk.articlesThatFit(20_000, 80_000_000_000L)).isEqualTo(20_000);
        assertThat(ReplayDisk.articlesThatFit(20_000, 0)).isZero();
    }
}
