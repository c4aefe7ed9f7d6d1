package dev.newswatch.alerts.delivery;

import java.time.Duration;

import dev.newswatch.common.config.ConfigValues;
import dev.newswatch.common.config.InvalidConfigValue;

/**
 * How hard the webhooks are tried: the {@code webhooks} block of the {@code alerts} section. An absent value is its
 * default: six attempts over about a minute (waits of 1, 2, 4, 8 and 16 s), 10 s per request, alerts up to a day old.
 *
 * @param maxAttempts    requests per alert change before it goes to the dead-letter topic
 * @param firstBackoff   the wait after the first failed attempt; each later wait doubles it
 * @param maxBackoff     no wait is longer, whatever a Retry-After asks for
 * @param requestTimeout how long one request may take, connecting included
 * @param maxAlertAge    an alert this much older than when it is read (such as the history of a watch given a
 *                       webhook only now) is recorded as expired instead of sent: news a day old is no longer news
 */
public record DeliverySettings(Integer maxAttempts, Duration firstBackoff, Duration maxBackoff,
        Duration requestTimeout, Duration maxAlertAge) {

    public DeliverySettings {
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        maxAlertAge = maxAlertAge == null ? Duration.ofHours(24) : maxAlertAge;
        if (maxAttempts < 1) {
            throw new InvalidConfigValue("maxAttempts", "must be at least 1, not " + maxAttempts);
        }
        if (firstBackoff.isNegative()) {
            throw new InvalidConfigValue("firstBackoff", "must not be negative, not " + firstBackoff);
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new InvalidConfigValue("maxBackoff", "must be at least firstBackoff (" + firstBackoff + "), not "
                    + maxBackoff);
        }
        ConfigValues.positive("requestTimeout", requestTimeout);
        ConfigValues.positive("maxAlertAge", maxAlertAge);
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(null, null, null, null, null);
    }

    /** The wait before attempt {@code attempt} (2 for the first retry), at least {@code asked} when the receiver asked. */
    Duration backoffBefore(int attempt, Duration asked) {
        Duration exponential = firstBackoff.multipliedBy(1L << Math.min(attempt - 2, 30));
        Duration wait = exponential.compareTo(asked) >= 0 ? exponential : asked;
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
