package dev.newswatch.enricher.grouping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every article the story id of the first article of its story seen within the story window: the story of
 * the most similar earlier article whose {@link StorySignature} is similar enough (the earlier one on a tie),
 * else its own id. An article id seen before (a re-edit) keeps the story it was given.
 *
 * <p>It keeps article id to {@link StoryEntry} in one store and LSH band key to the articles in that band (the
 * candidates of a new article) in another. Entries expire one window after their record time: a look-up ignores
 * older entries at once, and {@link #purgeBefore} deletes them to keep the stores small.
 */
public final class StoryIndex {

    private static final Logger log = LoggerFactory.getLogger(StoryIndex.class);
    /**
     * Most articles kept per band. A band shared by very many articles (one story copied over and over, or
     * boilerplate no pattern strips) would make every look-up read them all; the newest suffice, since copies
     * share their story id.
     */
    static final int BAND_MEMBERS = 16;
    /** Most candidates compared with a new article. */
    static final int CANDIDATES = 8;

    private final IndexStore<StoryEntry> signatures;
    private final IndexStore<BandMembers> bands;
    private final long windowMillis;
    private final double similarity;
    private final StoryMetrics metrics;

    /**
     * @param window     how long after an article a copy still joins its story
     * @param similarity least estimated Jaccard similarity of two articles' shingles for one story
     */
    public StoryIndex(IndexStore<StoryEntry> signatures, IndexStore<BandMembers> bands, Duration window, double similarity,
            StoryMetrics metrics) {
        this.signatures = signatures;
        this.bands = bands;
        this.windowMillis = window.toMillis();
        this.similarity = similarity;
        this.metrics = metrics;
    }

    public String storyOf(String articleId, int[] signature, long now) {
        StoryEntry known = live(signatures.get(articleId), now);
        if (known != null) {
            metrics.reEdit();
            return known.storyId();
        }
        if (signature == null) {
            metrics.tooShort();
            return articleId;
        }
        StoryEntry match = bestMatch(signature, now);
        String storyId = match == null ? articleId : match.storyId();
        if (match == null) {
            metrics.newStory();
        } else {
            metrics.copy();
            log.debug("Article {} joins story {}", articleId, storyId);
        }
        remember(articleId, new StoryEntry(storyId, now, signature));
        return storyId;
    }

    /** The most similar live candidate at or above the threshold, the earlier one on a tie; or {@code null}. */
    private StoryEntry bestMatch(int[] signature, long now) {
        Map<String, Integer> sharedBands = new HashMap<>();
        for (String band : StorySignature.bandKeys(signature)) {
            BandMembers members = bands.get(band);
            if (members != null) {
                members.articleIds().forEach(id -> sharedBands.merge(id, 1, Integer::sum));
            }
        }
        StoryEntry best = null;
        double bestSimilarity = similarity;
        for (String candidate : mostSharedBands(sharedBands)) {
            StoryEntry entry = live(signatures.get(candidate), now);
            if (entry == null) {
                continue;
            }
            double score = StorySignature.similarity(signature, entry.signature());
            if (score > bestSimilarity || score == bestSimilarity && (best == null || entry.seenAt() < best.seenAt())) {
                best = entry;
                bestSimilarity = score;
            }
        }
        return best;
    }

    /**
     * The candidates worth comparing: those sharing the most bands, as the expected share of equal bands grows
     * with the cube of the similarity. Bounds the look-ups when many stored articles look alike.
     */
    private static List<String> mostSharedBands(Map<String, Integer> sharedBands) {
        return sharedBands.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(CANDIDATES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private StoryEntry live(StoryEntry entry, long now) {
        return entry == null || entry.seenAt() < now - windowMillis ? null : entry;
    }

    private void remember(String articleId, StoryEntry entry) {
        forget(articleId, signatures.get(articleId));
        signatures.put(articleId, entry);
        for (String band : StorySignature.bandKeys(entry.signature())) {
            BandMembers members = bands.get(band);
            List<String> ids = members == null ? new ArrayList<>() : new ArrayList<>(members.articleIds());
            ids.add(articleId);
            if (ids.size() > BAND_MEMBERS) {
                ids.subList(0, ids.size() - BAND_MEMBERS).clear();
            }
            bands.put(band, new BandMembers(ids));
        }
    }

    private void forget(String articleId, StoryEntry entry) {
        if (entry == null) {
            return;
        }
        signatures.delete(articleId);
        for (String band : StorySignature.bandKeys(entry.signature())) {
            BandMembers members = bands.get(band);
            if (members == null) {
                continue;
            }
            List<String> ids = new ArrayList<>(members.articleIds());
            ids.remove(articleId);
            if (ids.isEmpty()) {
                bands.delete(band);
            } else {
                bands.put(band, new BandMembers(ids));
            }
        }
    }

    /** Deletes the entries of articles seen more than one window before {@code streamTime}. */
    public void purgeBefore(long streamTime) {
        List<KeyValue<String, StoryEntry>> expired = signatures.all().stream()
                .filter(entry -> live(entry.value, streamTime) == null)
                .toList();
        expired.forEach(entry -> forget(entry.key, entry.value));
        if (!expired.isEmpty()) {
            log.debug("Story index: {} articles older than the window forgotten", expired.size());
        }
    }
}
