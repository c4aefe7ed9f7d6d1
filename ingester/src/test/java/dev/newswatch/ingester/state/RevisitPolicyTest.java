package dev.newswatch.ingester.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.state.RevisitPolicy.Decision;

class RevisitPolicyTest {

    private static final Instant FETCHED = Instant.parse("2026-11-20T01:00:00Z");
    private static final Optional<PublishedMarker> MARKER = Optional.of(new PublishedMarker("fp", List.of("link"), FETCHED));
    /** Long after publication, so the young-article rule stays out of the way. */
    private static final Instant LATER = FETCHED.plus(Duration.ofDays(2));

    @Test
    void aLinkNeverPublishedIsFetched() {
        assertThat(RevisitPolicy.decide(Optional.empty(), null, null, LATER)).isEqualTo(Decision.FETCH);
    }

    @Test
    void aPublishedLinkIsRevisitedWhenTheSourceDatesAChangeAfterTheLastRead() {
        assertThat(RevisitPolicy.decide(MARKER, null, null, LATER)).isEqualTo(Decision.SKIP);
        assertThat(RevisitPolicy.decide(MARKER, FETCHED.minusSeconds(1), null, LATER)).isEqualTo(Decision.SKIP);
        assertThat(RevisitPolicy.decide(MARKER, FETCHED, null, LATER)).isEqualTo(Decision.SKIP);
        assertThat(RevisitPolicy.decide(MARKER, FETCHED.plusSeconds(60), null, LATER)).isEqualTo(Decision.REVISIT);
    }

    @Test
    void aRevisitThatFoundNothingNewCountsAsTheLastRead() {
        Instant checked = FETCHED.plusSeconds(120);
        assertThat(RevisitPolicy.decide(MARKER, FETCHED.plusSeconds(60), checked, LATER)).isEqualTo(Decision.SKIP);
        assertThat(RevisitPolicy.decide(MARKER, FETCHED.plusSeconds(180), checked, LATER)).isEqualTo(Decision.REVISIT);
        // A check older than the last publication does not hide a later edit.
        assertThat(RevisitPolicy.decide(MARKER, FETCHED.plusSeconds(30), FETCHED.minusSeconds(60), LATER))
                .isEqualTo(Decision.REVISIT);
    }

    @Test
    void aYoungArticleIsReadAgainHourlyEvenWhenTheSourceDatesNoEdits() {
        assertThat(RevisitPolicy.decide(MARKER, null, null, FETCHED.plus(Duration.ofMinutes(30)))).isEqualTo(Decision.SKIP);
        assertThat(RevisitPolicy.decide(MARKER, null, null, FETCHED.plus(Duration.ofMinutes(61)))).isEqualTo(Decision.REVISIT);
        Instant checked = FETCHED.plus(Duration.ofHours(2));
        assertThat(RevisitPolicy.decide(MARKER, null, checked, checked.plus(Duration.ofMinutes(30))))
                .isEqualTo(Decision.SKIP);
        assertThat(RevisitPolicy.decide(MARKER, null, checked, checked.plus(Duration.ofMinutes(61))))
                .isEqualTo(Decision.REVISIT);
        assertThat(RevisitPolicy.decide(MARKER, null, FETCHED.plus(Duration.ofHours(5)), FETCHED.plus(Duration.ofHours(7))))
                .as("older than six hours: left alone").isEqualTo(Decision.SKIP);
    }
}
