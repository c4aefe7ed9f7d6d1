package dev.newswatch.ingester.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.newswatch.ingester.fetch.Validators;

/**
 * The crawl state of one source, the value of {@code newswatch.ingester.sources} under its id: enough for any
 * instance to carry on where the last one stopped. The validators are only ever saved together with a pending
 * list that holds every article their listing showed and no poll has handled yet, so a 304 or a restart never
 * hides an article.
 *
 * @param validators    ETag and Last-Modified of the source's main document, for the next conditional GET
 * @param pollInterval  the interval adaptive polling chose last
 * @param nextPollAt    when the source is due next
 * @param lastSuccessAt when a poll last succeeded, or null
 * @param pending       listed links not published yet, each with its retry schedule (empty in older records)
 * @param givenUp       ids of links given up lately, so a listing that still shows them does not start over
 */
public record SourceState(Validators validators, Duration pollInterval, Instant nextPollAt, Instant lastSuccessAt,
                          List<PendingLink> pending, List<String> givenUp) {

    public SourceState {
        validators = validators == null ? Validators.NONE : validators;
        pending = pending == null ? List.of() : List.copyOf(pending);
        givenUp = givenUp == null ? List.of() : List.copyOf(givenUp);
    }

    /** This state with other validators. */
    public SourceState withValidators(Validators other) {
        return new SourceState(other, pollInterval, nextPollAt, lastSuccessAt, pending, givenUp);
    }
}
