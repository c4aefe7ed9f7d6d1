package dev.newswatch.ingester.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PollIntervalsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

    private static Source source(Duration poll, Duration min, Duration max) {
        return new Source("yonhap", "연합뉴스", SourceKind.FEED, URI.create("https://www.yna.co.kr/rss/news.xml"), poll,
                null, min, max, null, false, null, null, null, 0, null, null);
    }

    private static List<Instant> everyMinutes(int minutes, int items) {
        return IntStream.range(0, items).mapToObj(i -> NOW.minus(Duration.ofMinutes((long) minutes * i + 1))).toList();
    }

    @Test
    void aBusyFeedIsPolledTwicePerGapBetweenItsArticlesDownToTheMinimum() {
        Source source = source(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(30));

        // One article every four minutes over the last hours: poll every two minutes.
        assertThat(PollIntervals.next(source, Duration.ofMinutes(5), 0, everyMinutes(4, 60), NOW))
                .isBetween(Duration.ofSeconds(110), Duration.ofSeconds(130));
        // One every twenty seconds: the minimum bounds it.
        assertThat(PollIntervals.next(source, Duration.ofMinutes(5), 3, everyMinutes(0, 100), NOW))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aQuietFeedIsPolledLessOftenUpToTheMaximum() {
        Source source = source(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(30));

        assertThat(PollIntervals.next(source, Duration.ofMinutes(5), 0, everyMinutes(120, 3), NOW))
                .isEqualTo(Duration.ofMinutes(30));
        // Dates older than the rate window say nothing about today's pace: back off by half instead.
        List<Instant> lastWeek = List.of(NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(8)));
        assertThat(PollIntervals.next(source, Duration.ofMinutes(10), 0, lastWeek, NOW)).isEqualTo(Duration.ofMinutes(15));
        assertThat(PollIntervals.next(source, Duration.ofMinutes(25), 0, List.of(), NOW)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void withoutDatesNewArticlesHalveTheIntervalAndNoneLengthenIt() {
        Source source = source(Duration.ofMinutes(4), Duration.ofMinutes(1), Duration.ofMinutes(16));

        assertThat(PollIntervals.next(source, null, 2, List.of(), NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(PollIntervals.next(source, Duration.ofMinutes(2), 1, List.of(), NOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollIntervals.next(source, Duration.ofMinutes(1), 1, List.of(), NOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollIntervals.next(source, Duration.ofMinutes(4), 0, List.of(), NOW)).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void byDefaultASourceIsNeverPolledLessOftenThanConfigured() {
        Source source = source(Duration.ofMinutes(5), null, null);

        assertThat(PollIntervals.next(source, Duration.ofMinutes(5), 0, List.of(), NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(PollIntervals.next(source, Duration.ofMinutes(5), 0, everyMinutes(0, 50), NOW))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void futureDatesDoNotCount() {
        Source source = source(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(30));
        List<Instant> future = List.of(NOW.plusSeconds(60), NOW.plusSeconds(120), NOW.plusSeconds(180));

        assertThat(PollIntervals.next(source, Duration.ofMinutes(5), 0, future, NOW))
                .isEqualTo(Duration.ofMinutes(5).plus(Duration.ofSeconds(150)));
    }
}
