package dev.newswatch.ingester.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.newswatch.ingester.discovery.DiscoveredLink;

/**
 * The links of one source that wait to be read, while one poll works on them: carried over from the crawl
 * state, added to when a link is deferred (the per-poll cap, or Kafka unreachable) or fails, removed from when
 * one is handled. A failed link is tried again after a backoff that doubles with each failure, from
 * {@link #FIRST_RETRY} up to {@link #LONGEST_RETRY}; it is given up after {@link #MAX_ATTEMPTS} failed reads, or
 * {@link #MAX_AGE} after a listing first showed it, and its id is remembered so that a listing still showing it
 * does not start over. At most {@link #MAX_PENDING} links wait per source: a link beyond that is not recorded,
 * and the poller then keeps the old validators, so the next poll reads the listing in full and finds it again.
 */
public final class PendingLinks {

    public static final int MAX_PENDING = 1000;
    static final int MAX_REMEMBERED_GIVE_UPS = 1000;
    public static final int MAX_ATTEMPTS = 8;
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(48);

    /** A link given up, and why. */
    public record GiveUp(PendingLink link, GiveUpReason reason) {
    }

    private final Map<String, PendingLink> waiting = new LinkedHashMap<>();
    private final Set<String> givenUp = new LinkedHashSet<>();
    /** Links this poll handled, deferred or tried: not to be read again in the same poll. */
    private final Set<String> visited = new HashSet<>();
    private int notRecorded;

    private PendingLinks() {
    }

    /** The pending links of a source's saved state; none without one. */
    public static PendingLinks from(SourceState state) {
        PendingLinks links = new PendingLinks();
        if (state != null) {
            state.pending().forEach(link -> links.waiting.put(link.linkId(), link));
            links.givenUp.addAll(state.givenUp());
        }
        return links;
    }

    /** True when the link is pending and its next try is still to come: it is neither read nor forgotten. */
    public boolean waits(String linkId, Instant now) {
        PendingLink link = waiting.get(linkId);
        return link != null && link.nextTryAt().isAfter(now);
    }

    public boolean isGivenUp(String linkId) {
        return givenUp.contains(linkId);
    }

    /** The link was published, found unchanged, or is not to be read at all. */
    public void handled(String linkId) {
        visited.add(linkId);
        waiting.remove(linkId);
    }

    /** The link waits for a later poll without a failure against it. */
    public void defer(String linkId, DiscoveredLink link, Instant now) {
        visited.add(linkId);
        if (!waiting.containsKey(linkId)) {
            record(new PendingLink(linkId, link.url(), link.title(), link.published(), link.updated(), 0, now, now));
        }
    }

    /**
     * Counts a failed read of the link and schedules its next try, or gives it up once it has failed
     * {@link #MAX_ATTEMPTS} times.
     *
     * @return the link with its new attempt count and next try; {@link #isGivenUp} tells whether it was given up
     */
    public PendingLink failed(String linkId, DiscoveredLink link, Instant now) {
        visited.add(linkId);
        PendingLink before = waiting.get(linkId);
        int attempts = before == null ? 1 : before.attempts() + 1;
        Instant firstSeen = before == null ? now : before.firstSeenAt();
        PendingLink after = new PendingLink(linkId, link.url(), link.title(), link.published(), link.updated(),
                attempts, now.plus(backoff(attempts)), firstSeen);
        if (attempts >= MAX_ATTEMPTS) {
            waiting.remove(linkId);
            rememberGiveUp(linkId);
        } else if (before != null) {
            waiting.put(linkId, after);
        } else {
            record(after);
        }
        return after;
    }

    /** The wait after the {@code attempts}-th failed read: doubling from {@link #FIRST_RETRY}, at most {@link #LONGEST_RETRY}. */
    public static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** Pending links not seen in this poll whose next try has come, to read over HTTP. */
    public List<DiscoveredLink> dueAndUnvisited(Instant now) {
        return waiting.values().stream()
                .filter(link -> !visited.contains(link.linkId()) && !link.nextTryAt().isAfter(now))
                .map(PendingLink::toLink)
                .toList();
    }

    /** Gives up the links first listed more than {@link #MAX_AGE} ago. */
    public List<GiveUp> expire(Instant now) {
        Instant oldest = now.minus(MAX_AGE);
        List<GiveUp> expired = new ArrayList<>();
        for (Iterator<PendingLink> it = waiting.values().iterator(); it.hasNext(); ) {
            PendingLink link = it.next();
            if (link.firstSeenAt().isBefore(oldest)) {
                it.remove();
                rememberGiveUp(link.linkId());
                expired.add(new GiveUp(link, GiveUpReason.AGE));
            }
        }
        return expired;
    }

    /** When the earliest pending link may be read, if any waits. */
    public Optional<Instant> nextTry() {
        return waiting.values().stream().map(PendingLink::nextTryAt).min(Comparator.naturalOrder());
    }

    /** Links this poll could not record because {@link #MAX_PENDING} already wait. */
    public int notRecorded() {
        return notRecorded;
    }

    public int size() {
        return waiting.size();
    }

    public List<PendingLink> links() {
        return List.copyOf(waiting.values());
    }

    public List<String> givenUp() {
        return List.copyOf(givenUp);
    }

    private void record(PendingLink link) {
        if (waiting.size() >= MAX_PENDING) {
            notRecorded++;
        } else {
            waiting.put(link.linkId(), link);
        }
    }

    private void rememberGiveUp(String linkId) {
        givenUp.add(linkId);
        if (givenUp.size() > MAX_REMEMBERED_GIVE_UPS) {
            givenUp.remove(givenUp.iterator().next());
        }
    }
}
