package dev.newswatch.enricher.tagging;

import java.util.Set;

/**
 * What one topic makes of a sentence's {@link ClauseReading}s: the factor its cues are worth there, from 0 (the
 * sentence does not count) to 1 (it counts in full, the default). A sentence with several readings takes the
 * smallest factor. Export controls told as background still count (미국의 제재로); a model release told as
 * history does not.
 */
public record ClauseWeights(Double background, Double speculative, Double planned, Double negated) {

    public ClauseWeights {
        background = factor("background", background);
        speculative = factor("speculative", speculative);
        planned = factor("planned", planned);
        negated = factor("negated", negated);
    }

    public static ClauseWeights full() {
        return new ClauseWeights(null, null, null, null);
    }

    /** The factor of a sentence with these readings. */
    public double factor(Set<ClauseReading> readings) {
        double factor = 1.0;
        for (ClauseReading reading : readings) {
            factor = Math.min(factor, switch (reading) {
                case BACKGROUND -> background;
                case SPECULATIVE -> speculative;
                case PLANNED -> planned;
                case NEGATED -> negated;
            });
        }
        return factor;
    }

    private static Double factor(String reading, Double factor) {
        if (factor == null) {
            return 1.0;
        }
        if (!(factor >= 0) || factor > 1) {
            throw new IllegalArgumentException("the weight of a " + reading + " sentence must be in [0, 1], not "
                    + factor);
        }
        return factor;
    }
}
