package dev.newswatch.enricher.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;
import dev.newswatch.enricher.text.TextNormalizer;

/** The topics the enricher tags, from {@code config/topics.yml}, checked as a whole. */
public final class TopicRules {

    /**
     * The file's shape: {@code clauses: {background, speculative, planned, negated}} (marker lists) and
     * {@code topics: [ {id, name, threshold, cues: {term: weight}, requires, vetoes, terms, frames,
     * clauseWeights}, ... ]}.
     */
    record TopicsFile(ClauseMarkers clauses, List<TopicRule> topics) {
        TopicsFile {
            clauses = clauses == null ? ClauseMarkers.none() : clauses;
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    private final ClauseMarkers clauses;
    private final List<TopicRule> rules;

    private TopicRules(ClauseMarkers clauses, List<TopicRule> rules) {
        this.clauses = clauses;
        this.rules = List.copyOf(rules);
    }

    /** Reads and checks the file; a {@link dev.newswatch.common.config.ConfigException} names what is wrong. */
    public static TopicRules load(Path file) {
        TopicsFile loaded = ConfigLoader.load(file, TopicsFile.class, TopicRules::problems);
        return new TopicRules(loaded.clauses(), loaded.topics());
    }

    ClauseMarkers clauses() {
        return clauses;
    }

    /** In file order. */
    public List<TopicRule> rules() {
        return rules;
    }

    private static List<ConfigProblem> problems(TopicsFile file) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (file.topics().isEmpty()) {
            problems.add(ConfigProblem.at("", "no topics: the file needs a 'topics' list"));
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        TextNormalizer normalizer = new TextNormalizer();
        for (int i = 0; i < file.topics().size(); i++) {
            TopicRule rule = file.topics().get(i);
            Integer earlier = firstIndexOfId.putIfAbsent(rule.id(), i);
            if (earlier != null) {
                problems.add(ConfigProblem.at("/topics/" + i + "/id",
                        "duplicate id '" + rule.id() + "', already used by topics[" + earlier + "]"));
            }
            Map<String, String> cueByMatchedText = new HashMap<>();
            for (String cue : rule.cues().keySet()) {
                String same = cueByMatchedText.putIfAbsent(matchedText(normalizer, cue), cue);
                if (same != null) {
                    problems.add(ConfigProblem.at("/topics/" + i + "/cues/" + cue.replace("~", "~0").replace("/", "~1"),
                            "cue '" + cue + "' is the same as cue '" + same + "': case, width, spaces and hyphens"
                                    + " do not count when a cue is matched; keep one"));
                }
            }
        }
        return problems;
    }

    /**
     * The text a cue stands for once normalised, where a space or hyphen may also be nothing (어센드 910C,
     * 어센드910C, Ascend-910C), as {@link dev.newswatch.enricher.text.PhraseIndex} matches it.
     */
    private static String matchedText(TextNormalizer normalizer, String cue) {
        return normalizer.normalize(cue).text().strip()
                .replace(String.valueOf(TextNormalizer.SPACE), "")
                .replace(String.valueOf(TextNormalizer.HYPHEN), "");
    }
}
