package dev.newswatch.ingester.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.ingester.discovery.DiscoveredLink;

class PendingLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

    private static DiscoveredLink link(int n) {
        return DiscoveredLink.onTheWeb("https://www.example.kr/news/" + n, "기사 " + n, null, null);
    }

    @Test
    void theBackoffDoublesFromTheFirstRetryUpToTheLongest() {
        assertThat(PendingLinks.backoff(1)).isEqualTo(PendingLinks.FIRST_RETRY);
        assertThat(PendingLinks.backoff(2)).isEqualTo(PendingLinks.FIRST_RETRY.multipliedBy(2));
        assertThat(PendingLinks.backoff(3)).isEqualTo(PendingLinks.FIRST_RETRY.multipliedBy(4));
        assertThat(PendingLinks.backoff(PendingLinks.MAX_ATTEMPTS)).isEqualTo(PendingLinks.LONGEST_RETRY);
        assertThat(PendingLinks.backoff(60)).isEqualTo(PendingLinks.LONGEST_RETRY);
    }

    @Test
    void aFailedLinkWaitsForItsBackoffThenIsDue() {
        PendingLinks pending = PendingLinks.from(null);
        pending.failed("a", link(1), NOW);
        PendingLinks nextPoll = PendingLinks.from(state(pending));

        assertThat(nextPoll.waits("a", NOW.plusSeconds(29))).isTrue();
        assertThat(nextPoll.dueAndUnvisited(NOW.plusSeconds(29))).isEmpty();
        assertThat(nextPoll.waits("a", NOW.plus(PendingLinks.FIRST_RETRY))).isFalse();
        assertThat(nextPoll.dueAndUnvisited(NOW.plus(PendingLinks.FIRST_RETRY))).containsExactly(link(1));
        assertThat(nextPoll.nextTry()).contains(NOW.plus(PendingLinks.FIRST_RETRY));
    }

    @Test
    void aLinkListedLongAgoIsGivenUpForAgeAndRemembered() {
        PendingLinks pending = PendingLinks.from(null);
        pending.defer("old", link(1), NOW);
        pending.defer("young", link(2), NOW.plus(Duration.ofHours(1)));

        List<PendingLinks.GiveUp> expired = pending.expire(NOW.plus(PendingLinks.MAX_AGE).plusSeconds(1));

        assertThat(expired).extracting(PendingLinks.GiveUp::reason).containsExactly(GiveUpReason.AGE);
        assertThat(expired.get(0).link().url()).isEqualTo(link(1).url());
        assertThat(pending.links()).extracting(PendingLink::linkId).containsExactly("young");
        assertThat(pending.isGivenUp("old")).isTrue();
    }

    @Test
    void beyondTheBoundLinksAreNotRecordedButCountedSoTheListingIsReadAgain() {
        PendingLinks pending = PendingLinks.from(null);
        for (int n = 0; n < PendingLinks.MAX_PENDING + 5; n++) {
            pending.defer("link-" + n, link(n), NOW);
        }

        assertThat(pending.size()).isEqualTo(PendingLinks.MAX_PENDING);
        assertThat(pending.notRecorded()).isEqualTo(5);
    }

    private static SourceState state(PendingLinks pending) {
        return new SourceState(null, Duration.ofMinutes(5), NOW, NOW, pending.links(), pending.givenUp());
    }
}
