package dev.newswatch.enricher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores each topic by the weights of its cues found in an article. Each distinct cue counts once per field, so
 * a repeated word cannot carry a topic alone; a cue in the title counts double, since a headline states what the
 * article is about. A topic is tagged when its score reaches its threshold.
 */
public final class TopicClassifier {

    private static final double TITLE_FACTOR = 2.0;

    private final Map<TopicRule, PhraseIndex<String>> cuesByTopic = new LinkedHashMap<>();

    public TopicClassifier(TopicRules rules, TextNormalizer normalizer) {
        for (TopicRule rule : rules.rules()) {
            Map<String, String> cues = new LinkedHashMap<>();
            rule.cues().keySet().forEach(cue -> cues.put(cue, cue));
            cuesByTopic.put(rule, new PhraseIndex<>(cues, normalizer, PhraseIndex.HangulEdges.ANY));
        }
    }

    /** Every topic with its score, tagged or not, in rule order. */
    public List<TopicScore> score(NormalizedText title, NormalizedText text) {
        List<TopicScore> scores = new ArrayList<>();
        cuesByTopic.forEach((rule, cues) -> {
            List<PhraseMatch<String>> titleCues = cues.find(title);
            List<PhraseMatch<String>> textCues = cues.find(text);
            double score = TITLE_FACTOR * weightOfDistinct(rule, titleCues) + weightOfDistinct(rule, textCues);
            scores.add(new TopicScore(rule, score, confidence(score, rule.threshold()), titleCues, textCues));
        });
        return scores;
    }

    /** The tagged topics, most confident first, ties by id. */
    public List<TopicScore> classify(NormalizedText title, NormalizedText text) {
        return score(title, text).stream()
                .filter(TopicScore::tagged)
                .sorted(Comparator.comparingDouble(TopicScore::confidence).reversed()
                        .thenComparing(topic -> topic.rule().id()))
                .toList();
    }

    /** 0.5 at the threshold; each further threshold's worth of score halves the remaining doubt. */
    static double confidence(double score, double threshold) {
        return 1.0 - Math.pow(0.5, score / threshold);
    }

    private static double weightOfDistinct(TopicRule rule, List<PhraseMatch<String>> matches) {
        Set<String> distinct = new LinkedHashSet<>();
        matches.forEach(match -> distinct.add(match.payload()));
        return distinct.stream().mapToDouble(cue -> rule.cues().get(cue)).sum();
    }
}
