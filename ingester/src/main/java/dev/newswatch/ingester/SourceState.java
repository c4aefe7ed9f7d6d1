package dev.newswatch.ingester;

import java.time.Duration;
import java.time.Instant;

/**
 * The crawl state of one source, the value of {@code newswatch.ingester.sources} under its id: enough for any
 * instance to carry on where the last one stopped.
 *
 * @param validators    ETag and Last-Modified of the source's main document, for the next conditional GET
 * @param pollInterval  the interval adaptive polling chose last
 * @param nextPollAt    when the source is due next
 * @param lastSuccessAt when a poll last succeeded, or null
 */
public record SourceState(Validators validators, Duration pollInterval, Instant nextPollAt, Instant lastSuccessAt) {

    public SourceState {
        validators = validators == null ? Validators.NONE : validators;
    }
}
