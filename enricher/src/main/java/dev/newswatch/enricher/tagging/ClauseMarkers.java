package dev.newswatch.enricher.tagging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words that give a sentence each {@link ClauseReading}, from the {@code clauses} section of
 * {@code config/topics.yml}. They are rules of Korean news writing, shared by every topic; each topic says in
 * {@link ClauseWeights} what a reading does to its cues.
 */
record ClauseMarkers(List<String> background, List<String> speculative, List<String> planned,
        List<String> negated) {

    public ClauseMarkers {
        background = markers("background", background);
        speculative = markers("speculative", speculative);
        planned = markers("planned", planned);
        negated = markers("negated", negated);
    }

    public static ClauseMarkers none() {
        return new ClauseMarkers(null, null, null, null);
    }

    /** Every reading with its markers. */
    public Map<ClauseReading, List<String>> byReading() {
        Map<ClauseReading, List<String>> byReading = new EnumMap<>(ClauseReading.class);
        byReading.put(ClauseReading.BACKGROUND, background);
        byReading.put(ClauseReading.SPECULATIVE, speculative);
        byReading.put(ClauseReading.PLANNED, planned);
        byReading.put(ClauseReading.NEGATED, negated);
        return byReading;
    }

    private static List<String> markers(String reading, List<String> markers) {
        if (markers == null) {
            return List.of();
        }
        if (markers.stream().anyMatch(marker -> marker == null || marker.isBlank())) {
            throw new IllegalArgumentException("clauses." + reading + " has a blank marker");
        }
        return List.copyOf(markers);
    }
}
