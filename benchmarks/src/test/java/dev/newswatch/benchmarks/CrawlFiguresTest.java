package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CrawlFiguresTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void setsTheRateAgainstHostsPerHostDelay() {
        // 200 hosts, 1 s apart, 20 requests each in 21 s: 190 requests/s, 95 % of the bound of 200.
        CrawlFigures crawl = new CrawlFigures(200, Duration.ofSeconds(1), 4_000, 21 * SECOND, 8 * SECOND,
                16 * SECOND, 2);

        assertThat(crawl.requestsPerSecond()).isCloseTo(190.48, within(0.01));
        assertThat(crawl.politenessBound()).isEqualTo(200.0);
        assertThat(crawl.fractionOfPolitenessBound()).isCloseTo(0.952, within(0.001));
        assertThat(crawl.meanGapPerHostSeconds()).isCloseTo(1.05, within(0.001));
        assertThat(crawl.crawlerCpuMillisPerRequest()).isEqualTo(2.0);
        assertThat(crawl.processCpuMillisPerRequest()).isEqualTo(4.0);
        assertThat(crawl.crawlerCpuBound()).isEqualTo(1_000.0);
        assertThat(crawl.processCpuShare()).isCloseTo(16.0 / 42, within(1e-9));
        assertThat(crawl.limit()).startsWith("pacing:").contains("1,000 requests/s");
    }

    @Test
    void blamesTheCpuWhenTheHostsWaitedLongerAndTheCoresWereBusy() {
        // 40 requests/s from 200 hosts: each waited 5 s instead of 1, and the process used 90 % of 2 cores.
        CrawlFigures crawl = new CrawlFigures(200, Duration.ofSeconds(1), 400, 10 * SECOND, 15 * SECOND,
                18 * SECOND, 2);

        assertThat(crawl.meanGapPerHostSeconds()).isCloseTo(5.0, within(1e-9));
        assertThat(crawl.limit()).startsWith("CPU:").contains("90 %");
    }

    @Test
    void saysWhenNeitherPacingNorCpuHeldItBack() {
        CrawlFigures crawl = new CrawlFigures(200, Duration.ofSeconds(1), 400, 10 * SECOND, 2 * SECOND,
                5 * SECOND, 2);

        assertThat(crawl.limit()).startsWith("neither").contains("25 %");
    }

    @Test
    void refusesACrawlWithNothingToMeasure() {
        assertThatThrownBy(() -> new CrawlFigures(200, Duration.ofSeconds(1), 0, SECOND, 0, 0, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrawlFigures(200, Duration.ZERO, 10, SECOND, 0, 0, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
