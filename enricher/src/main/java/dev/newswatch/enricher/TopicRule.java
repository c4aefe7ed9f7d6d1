package dev.newswatch.enricher;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic of {@code config/topics.yml}: the cues that suggest it, what must co-occur, what vetoes a cue, and
 * how much evidence it takes.
 *
 * @param id        canonical id, the contract with the alerts service, e.g. {@code export-controls}
 * @param cues      Korean or English term to weight; a cue in the title counts double
 * @param threshold the score an article needs to be tagged; absent or 0 means {@link #DEFAULT_THRESHOLD}
 * @param requires  the article must contain at least one of these terms to be tagged; empty means no need
 * @param vetoes    a cue in a sentence holding one of these terms does not count (주식 투자 is not capex)
 */
public record TopicRule(String id, String name, Map<String, Double> cues, double threshold, List<String> requires,
        List<String> vetoes) {

    public static final double DEFAULT_THRESHOLD = 2.0;

    public TopicRule {
        if (id == null || !EntityDefinition.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic " + id + " has no name");
        }
        if (cues == null || cues.isEmpty()) {
            throw new IllegalArgumentException("topic " + id + " has no cues");
        }
        for (Map.Entry<String, Double> cue : cues.entrySet()) {
            if (cue.getKey().isBlank()) {
                throw new IllegalArgumentException("topic " + id + " has a blank cue");
            }
            if (cue.getValue() == null || !(cue.getValue() > 0) || cue.getValue().isInfinite()) {
                throw new IllegalArgumentException("topic " + id + ": cue '" + cue.getKey()
                        + "' needs a positive weight, not " + cue.getValue());
            }
        }
        cues = Collections.unmodifiableMap(new LinkedHashMap<>(cues));
        threshold = threshold == 0 ? DEFAULT_THRESHOLD : threshold;
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("topic " + id + " needs a positive threshold, not " + threshold);
        }
        requires = terms(id, "requires", requires);
        vetoes = terms(id, "vetoes", vetoes);
    }

    private static List<String> terms(String id, String field, List<String> terms) {
        if (terms == null) {
            return List.of();
        }
        if (terms.stream().anyMatch(term -> term == null || term.isBlank())) {
            throw new IllegalArgumentException("topic " + id + " has a blank term in " + field);
        }
        return List.copyOf(terms);
    }
}
