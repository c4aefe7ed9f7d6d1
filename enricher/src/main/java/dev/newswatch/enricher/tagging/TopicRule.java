package dev.newswatch.enricher.tagging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One topic of {@code config/topics.yml}: the cues and events that suggest it, what must co-occur, what vetoes a
 * cue, how much its sentence's reading (background, speculative, ...) leaves of a cue, and how much evidence it
 * takes.
 *
 * @param id            canonical id, the contract with the alerts service, e.g. {@code export-controls}
 * @param cues          Korean or English term to weight, enough on its own; a cue in the title counts double
 * @param threshold     the score an article needs to be tagged; absent or 0 means {@link #DEFAULT_THRESHOLD}
 * @param requires      the article must contain at least one of these terms to be tagged; empty means no need
 * @param vetoes        a cue or frame in a sentence holding one of these terms does not count (주식 투자 is not
 *                      capex)
 * @param terms         named groups of terms that {@code frames} combine; a term written {@code /regex/} is a
 *                      pattern that a whole Latin-and-digit token of the normalised (lower-case) text must match,
 *                      such as a product code (mi350, c600)
 * @param frames        events by name, each recognised by terms of several groups close together in a sentence
 * @param clauseWeights what a cue or frame is worth in a sentence of each reading; absent means full weight
 */
public record TopicRule(String id, String name, Map<String, Double> cues, double threshold, List<String> requires,
        List<String> vetoes, Map<String, List<String>> terms, Map<String, TopicFrame> frames,
        ClauseWeights clauseWeights) {

    public static final double DEFAULT_THRESHOLD = 2.0;

    public TopicRule {
        if (id == null || !EntityDefinition.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic " + id + " has no name");
        }
        cues = cues == null ? Map.of() : cues;
        frames = frames == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(frames));
        if (cues.isEmpty() && frames.isEmpty()) {
            throw new IllegalArgumentException("topic " + id + " has neither cues nor frames");
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
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (terms != null) {
            terms.forEach((group, members) -> groups.put(group, terms(id, "terms." + group, members)));
        }
        groups.forEach((group, members) -> members.forEach(member -> {
            try {
                pattern(member);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("topic " + id + ": term " + member + " in group '" + group
                        + "' is not a valid pattern: " + e.getDescription());
            }
        }));
        terms = Collections.unmodifiableMap(groups);
        for (Map.Entry<String, TopicFrame> frame : frames.entrySet()) {
            for (String group : frame.getValue().all()) {
                if (!groups.containsKey(group)) {
                    throw new IllegalArgumentException("topic " + id + ": frame '" + frame.getKey()
                            + "' names term group '" + group + "', which 'terms' does not define");
                }
            }
        }
        clauseWeights = clauseWeights == null ? ClauseWeights.full() : clauseWeights;
    }

    /** The pattern a term written {@code /regex/} stands for; null for a plain term. */
    static Pattern pattern(String term) {
        boolean isPattern = term.length() > 2 && term.startsWith("/") && term.endsWith("/");
        return isPattern ? Pattern.compile(term.substring(1, term.length() - 1)) : null;
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
