package dev.newswatch.enricher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores each topic by the weights of its cues found in an article. Each distinct cue counts once per field, so
 * a repeated word cannot carry a topic alone; a cue in the title counts double, since a headline states what the
 * article is about; a cue in a body sentence that looks back (지난해 공개한) counts for less than news. A cue in a
 * sentence holding one of the topic's vetoes does not count at all, and a topic that requires a term the
 * article lacks scores nothing. A topic is tagged when its score reaches its threshold.
 *
 * <p>Every term of every topic (cues, requirements, vetoes) and the background markers sit in one phrase index,
 * so a field is read once however many topics there are.
 */
public final class TopicClassifier {

    private static final double TITLE_FACTOR = 2.0;

    private enum Role { CUE, REQUIRED, VETO, BACKGROUND }

    /** One use of a phrase: as a cue, requirement or veto of a topic, or as a background marker (no topic). */
    private record Term(TopicRule rule, Role role, String phrase, int rank) {
    }

    private final List<TopicRule> rules;
    private final PhraseIndex<List<Term>> terms;
    private final double backgroundFactor;

    public TopicClassifier(TopicRules rules, TextNormalizer normalizer) {
        this.rules = rules.rules();
        Map<String, List<Term>> byPhrase = new LinkedHashMap<>();
        for (TopicRule rule : rules.rules()) {
            int rank = 0;
            for (String cue : rule.cues().keySet()) {
                add(byPhrase, normalizer, new Term(rule, Role.CUE, cue, rank++));
            }
            rule.requires().forEach(term -> add(byPhrase, normalizer, new Term(rule, Role.REQUIRED, term, 0)));
            rule.vetoes().forEach(term -> add(byPhrase, normalizer, new Term(rule, Role.VETO, term, 0)));
        }
        rules.background().markers().forEach(marker ->
                add(byPhrase, normalizer, new Term(null, Role.BACKGROUND, marker, 0)));
        this.terms = new PhraseIndex<>(byPhrase, normalizer);
        this.backgroundFactor = rules.background().factor();
    }

    /** Every topic with its score, tagged or not, in rule order. */
    public List<TopicScore> score(FieldText title, FieldText text) {
        Found inTitle = found(title);
        Found inText = found(text);
        List<TopicScore> scores = new ArrayList<>();
        for (TopicRule rule : rules) {
            List<PhraseMatch<String>> titleCues = counted(rule, inTitle, title);
            List<PhraseMatch<String>> textCues = counted(rule, inText, text);
            boolean required = rule.requires().isEmpty() || inTitle.has(rule, Role.REQUIRED)
                    || inText.has(rule, Role.REQUIRED);
            double score = required ? TITLE_FACTOR * weightOfDistinct(rule, titleCues, title, List.of())
                    + weightOfDistinct(rule, textCues, text, inText.of(null, Role.BACKGROUND)) : 0;
            scores.add(new TopicScore(rule, score, confidence(score, rule.threshold()), titleCues, textCues));
        }
        return scores;
    }

    /** The tagged topics, most confident first, ties by id. */
    public List<TopicScore> classify(FieldText title, FieldText text) {
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

    /** The cues of one topic in one field, overlaps resolved, that no veto in their sentence cancels. */
    private static List<PhraseMatch<String>> counted(TopicRule rule, Found found, FieldText field) {
        List<PhraseMatch<Term>> cues = found.of(rule, Role.CUE);
        if (cues.isEmpty()) {
            return List.of();
        }
        List<PhraseMatch<Term>> vetoes = found.of(rule, Role.VETO);
        return PhraseIndex.leftmostLongest(cues, Comparator.comparingInt(Term::rank), cue -> true).stream()
                .filter(cue -> !inSameSentence(cue, vetoes, field))
                .map(cue -> new PhraseMatch<>(cue.payload().phrase(), cue.span()))
                .toList();
    }

    /** Each distinct cue at the best weight it has in the field, background sentences weighing less. */
    private double weightOfDistinct(TopicRule rule, List<PhraseMatch<String>> matches, FieldText field,
            List<PhraseMatch<Term>> background) {
        Map<String, Double> best = new HashMap<>();
        for (PhraseMatch<String> match : matches) {
            double weight = rule.cues().get(match.payload())
                    * (inSameSentence(match, background, field) ? backgroundFactor : 1.0);
            best.merge(match.payload(), weight, Math::max);
        }
        return best.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static boolean inSameSentence(PhraseMatch<?> match, List<PhraseMatch<Term>> others, FieldText field) {
        if (others.isEmpty()) {
            return false;
        }
        TextSpan sentence = field.sentenceAt(match.span().start());
        return others.stream().anyMatch(other -> sentence.contains(other.span().start()));
    }

    private Found found(FieldText field) {
        // By identity: a rule is a record whose hash would walk all its cues on every lookup.
        Map<TopicRule, Map<Role, List<PhraseMatch<Term>>>> byRule = new IdentityHashMap<>();
        for (PhraseMatch<List<Term>> match : terms.findAll(field.normalized())) {
            for (Term term : match.payload()) {
                byRule.computeIfAbsent(term.rule(), rule -> new HashMap<>())
                        .computeIfAbsent(term.role(), role -> new ArrayList<>())
                        .add(new PhraseMatch<>(term, match.span()));
            }
        }
        return new Found(byRule);
    }

    private static void add(Map<String, List<Term>> byPhrase, TextNormalizer normalizer, Term term) {
        byPhrase.computeIfAbsent(normalizer.normalize(term.phrase()).text().strip(), phrase -> new ArrayList<>())
                .add(term);
    }

    /** The terms found in one field, by topic (null for background markers) and role. */
    private record Found(Map<TopicRule, Map<Role, List<PhraseMatch<Term>>>> byRule) {

        List<PhraseMatch<Term>> of(TopicRule rule, Role role) {
            return byRule.getOrDefault(rule, Map.of()).getOrDefault(role, List.of());
        }

        boolean has(TopicRule rule, Role role) {
            return !of(rule, role).isEmpty();
        }
    }
}
