package dev.newswatch.ingester.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adaptive polling: how long to wait before polling a source again, always within its
 * {@code [minPollInterval, maxPollInterval]}.
 *
 * <p>When the source dates its items, the rate of the last {@link #RATE_WINDOW} decides: poll twice per
 * expected gap between two articles, so a feed publishing every two minutes is polled every minute. Without
 * dates, a poll that found new articles halves the interval and one that found none lengthens it by half.
 */
public final class PollIntervals {

    static final Duration RATE_WINDOW = Duration.ofHours(6);
    private static final int MIN_DATED_ITEMS = 2;

    private PollIntervals() {
    }

    /**
     * @param current     the interval used before this poll, or null for the first poll
     * @param newArticles articles published (new or updated) by this poll
     * @param itemDates   publication dates the source gave its items in this poll
     */
    public static Duration next(Source source, Duration current, int newArticles, List<Instant> itemDates, Instant now) {
        Duration base = current == null ? source.pollInterval() : current;
        Instant windowStart = now.minus(RATE_WINDOW);
        List<Instant> recent = itemDates.stream().filter(date -> date.isAfter(windowStart) && !date.isAfter(now))
                .sorted().toList();
        Duration target;
        if (recent.size() >= MIN_DATED_ITEMS) {
            Duration span = Duration.between(recent.get(0), now);
            target = span.dividedBy(recent.size()).dividedBy(2);
        } else if (newArticles > 0) {
            target = base.dividedBy(2);
        } else {
            target = base.plus(base.dividedBy(2));
        }
        return clamp(target, source.minPollInterval(), source.maxPollInterval());
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
