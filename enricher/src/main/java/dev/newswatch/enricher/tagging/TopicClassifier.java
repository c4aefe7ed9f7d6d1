package dev.newswatch.enricher.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newswatch.enricher.text.FieldText;
import dev.newswatch.enricher.text.NormalizedText;
import dev.newswatch.enricher.text.PhraseIndex;
import dev.newswatch.enricher.text.PhraseMatch;
import dev.newswatch.enricher.text.TextNormalizer;
import dev.newswatch.enricher.text.TextSpan;

/**
 * Scores each topic by the cues and events (frames) found in an article, sentence by sentence, the way a reader
 * weighs them. A cue is one telling term (설비투자); a frame is an event told by several terms close together in
 * one sentence: an action and its object (HBM3E를 양산), an actor and its measure (미국의 제재). Each sentence gets
 * its readings from the clause markers (background, speculative, planned, negated), and the topic says what a
 * cue is worth under each: a model release told as history counts nothing, an export control told as background
 * counts in full. A cue or frame in a sentence holding one of the topic's vetoes does not count; a topic that
 * requires a term the article lacks scores nothing. Each distinct cue or frame counts once per field, at its best
 * sentence, so a repeated word cannot carry a topic alone; the title counts double, since a headline states what
 * the article is about. A topic is tagged when its score reaches its threshold; its evidence names the sentences
 * that decided it.
 *
 * <p>Every term of every topic and every clause marker sit in one phrase index, so a field is read once however
 * many topics there are.
 */
final class TopicClassifier {

    private static final double TITLE_FACTOR = 2.0;

    private enum Role { CUE, GROUP, REQUIRED, VETO, MARKER }

    /**
     * One use of a phrase: as a cue, a frame group's term, a requirement or veto of a topic, or as a clause
     * marker (no topic; {@code name} is then the reading).
     */
    private record Term(TopicRule rule, Role role, String name, String phrase, int rank) {
    }

    /** A term of a frame group written as a pattern, matched apart from the phrase index. */
    private record PatternTerm(Term term, Pattern pattern) {
    }

    private final List<TopicRule> rules;
    private final PhraseIndex<List<Term>> terms;
    private final List<PatternTerm> patterns = new ArrayList<>();

    public TopicClassifier(TopicRules rules, TextNormalizer normalizer) {
        this.rules = rules.rules();
        Phrases byPhrase = new Phrases(normalizer);
        for (TopicRule rule : rules.rules()) {
            int rank = 0;
            for (String cue : rule.cues().keySet()) {
                byPhrase.add(new Term(rule, Role.CUE, cue, cue, rank++));
            }
            rule.terms().forEach((group, members) -> members.forEach(member -> {
                Term term = new Term(rule, Role.GROUP, group, member, 0);
                Pattern pattern = TopicRule.pattern(member);
                if (pattern == null) {
                    byPhrase.add(term);
                } else {
                    patterns.add(new PatternTerm(term, pattern));
                }
            }));
            rule.requires().forEach(term -> byPhrase.add(new Term(rule, Role.REQUIRED, term, term, 0)));
            rule.vetoes().forEach(term -> byPhrase.add(new Term(rule, Role.VETO, term, term, 0)));
        }
        rules.clauses().byReading().forEach((reading, markers) -> markers.forEach(marker ->
                byPhrase.add(new Term(null, Role.MARKER, reading.name(), marker, 0))));
        this.terms = new PhraseIndex<>(byPhrase.terms, normalizer);
    }

    /** Every topic with its score, tagged or not, in rule order. */
    public List<TopicScore> score(FieldText title, FieldText text) {
        Found inTitle = found(title);
        Found inText = found(text);
        PastYears.newsYear(List.of(title, text), Map.of(title, inTitle.readings(), text, inText.readings()))
                .ifPresent(year -> {
                    inTitle.markPast(PastYears.before(title, year));
                    inText.markPast(PastYears.before(text, year));
                });
        List<TopicScore> scores = new ArrayList<>();
        for (TopicRule rule : rules) {
            List<Counted> titleEvidence = counted(rule, inTitle);
            List<Counted> textEvidence = counted(rule, inText);
            boolean required = rule.requires().isEmpty() || inTitle.has(rule, Role.REQUIRED)
                    || inText.has(rule, Role.REQUIRED);
            double score = required
                    ? TITLE_FACTOR * weightOfDistinct(titleEvidence) + weightOfDistinct(textEvidence) : 0;
            scores.add(new TopicScore(rule, score, confidence(score, rule.threshold()), matches(titleEvidence),
                    matches(textEvidence)));
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

    /** A cue or frame that counts, by name, where it was found and what it is worth there. */
    private record Counted(String name, TextSpan span, double weight) {
    }

    /** The cues and frames of one topic in one field that count: in no vetoed sentence, at a weight above 0. */
    private static List<Counted> counted(TopicRule rule, Found found) {
        List<Integer> vetoed = found.of(rule, Role.VETO).stream().map(veto -> veto.span().start()).toList();
        List<Counted> counted = new ArrayList<>();
        List<PhraseMatch<Term>> cues = PhraseIndex.leftmostLongest(found.of(rule, Role.CUE),
                Comparator.comparingInt(Term::rank), cue -> true);
        for (PhraseMatch<Term> cue : cues) {
            addIfCounts(counted, rule, found, vetoed, cue.payload().name(), cue.span(),
                    rule.cues().get(cue.payload().name()));
        }
        if (!rule.frames().isEmpty()) {
            Map<TextSpan, Map<String, List<TextSpan>>> groupsBySentence = new LinkedHashMap<>();
            for (PhraseMatch<Term> term : found.of(rule, Role.GROUP)) {
                groupsBySentence.computeIfAbsent(found.sentenceOf(term.span()), sentence -> new HashMap<>())
                        .computeIfAbsent(term.payload().name(), group -> new ArrayList<>()).add(term.span());
            }
            rule.frames().forEach((name, frame) -> groupsBySentence.values().forEach(groups -> {
                TextSpan span = closest(frame, groups);
                if (span != null) {
                    addIfCounts(counted, rule, found, vetoed, name, span, frame.weight());
                }
            }));
        }
        return counted;
    }

    private static void addIfCounts(List<Counted> counted, TopicRule rule, Found found, List<Integer> vetoed,
            String name, TextSpan span, double weight) {
        if (!vetoed.isEmpty()) {
            TextSpan clauses = found.clausesAround(span);
            for (int veto : vetoed) {
                if (clauses.contains(veto)) {
                    return;
                }
            }
        }
        TextSpan sentence = found.sentenceOf(span);
        double worth = weight * rule.clauseWeights().factor(found.readingsOf(sentence));
        if (worth > 0) {
            counted.add(new Counted(name, span, worth));
        }
    }

    /**
     * The tightest span holding a term of every group of the frame, in the frame's order if it has one, if one
     * fits within the frame's reach. Tries each combination: a sentence holds only a handful of each group's
     * terms.
     */
    private static TextSpan closest(TopicFrame frame, Map<String, List<TextSpan>> groups) {
        List<List<TextSpan>> parts = new ArrayList<>();
        for (String group : frame.all()) {
            List<TextSpan> spans = groups.get(group);
            if (spans == null) {
                return null;
            }
            parts.add(spans);
        }
        TextSpan[] best = {null};
        combine(frame, parts, 0, null, new TextSpan(Integer.MAX_VALUE, Integer.MAX_VALUE), best);
        return best[0];
    }

    /** Extends {@code sofar} (null before the first part) by each term of part {@code next}, keeping the best. */
    private static void combine(TopicFrame frame, List<List<TextSpan>> parts, int next, TextSpan sofar,
            TextSpan previous, TextSpan[] best) {
        if (next == parts.size()) {
            boolean tighter = best[0] == null || sofar.end() - sofar.start() < best[0].end() - best[0].start();
            if (sofar.end() - sofar.start() <= frame.within() && tighter) {
                best[0] = sofar;
            }
            return;
        }
        for (TextSpan span : parts.get(next)) {
            if (frame.ordered() && sofar != null && span.start() < previous.end()) {
                continue;
            }
            TextSpan extended = sofar == null ? span
                    : new TextSpan(Math.min(sofar.start(), span.start()), Math.max(sofar.end(), span.end()));
            combine(frame, parts, next + 1, extended, span, best);
        }
    }

    /** Each distinct cue or frame at the best weight it has in the field. */
    private static double weightOfDistinct(List<Counted> counted) {
        Map<String, Double> best = new HashMap<>();
        counted.forEach(each -> best.merge(each.name(), each.weight(), Math::max));
        return best.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<PhraseMatch<String>> matches(List<Counted> counted) {
        return counted.stream()
                .sorted(Comparator.comparingInt((Counted each) -> each.span().start()))
                .map(each -> new PhraseMatch<>(each.name(), each.span()))
                .toList();
    }

    private Found found(FieldText field) {
        // By identity: a rule is a record whose hash would walk all its cues on every lookup.
        Map<TopicRule, Map<Role, List<PhraseMatch<Term>>>> byRule = new IdentityHashMap<>();
        Map<TextSpan, Set<ClauseReading>> readings = new HashMap<>();
        for (PhraseMatch<List<Term>> match : terms.findAll(field.normalized())) {
            for (Term term : match.payload()) {
                if (term.role() == Role.MARKER) {
                    readings.computeIfAbsent(sentenceAt(field, match.span().start()),
                            sentence -> EnumSet.noneOf(ClauseReading.class))
                            .add(ClauseReading.valueOf(term.name()));
                    continue;
                }
                add(byRule, term, match.span());
            }
        }
        if (!patterns.isEmpty()) {
            findPatterns(field.normalized(), byRule);
        }
        return new Found(field, byRule, readings);
    }

    private static void add(Map<TopicRule, Map<Role, List<PhraseMatch<Term>>>> byRule, Term term, TextSpan span) {
        byRule.computeIfAbsent(term.rule(), rule -> new HashMap<>())
                .computeIfAbsent(term.role(), role -> new ArrayList<>())
                .add(new PhraseMatch<>(term, span));
    }

    /**
     * Matches the pattern terms against each whole token of ASCII letters and digits in the text (mi350 in
     * mi350을), as Latin phrases must stand; a text has a few dozen such tokens, so this is far cheaper than
     * searching at every offset. ASCII only, since asking the Unicode tables about every Hangul char would cost
     * more than all the rest.
     */
    private void findPatterns(NormalizedText text, Map<TopicRule, Map<Role, List<PhraseMatch<Term>>>> byRule) {
        String normalized = text.text();
        List<Matcher> matchers = patterns.stream().map(pattern -> pattern.pattern().matcher(normalized)).toList();
        int start = 0;
        while (start < normalized.length()) {
            if (!isAsciiLetterOrDigit(normalized.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            while (end < normalized.length() && isAsciiLetterOrDigit(normalized.charAt(end))) {
                end++;
            }
            for (int i = 0; i < matchers.size(); i++) {
                if (matchers.get(i).region(start, end).matches()) {
                    add(byRule, patterns.get(i).term(), text.toOriginal(start, end));
                }
            }
            start = end;
        }
    }

    /** Lower-case only: the text is normalised. */
    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * The sentence of the field holding {@code offset}, found by bisection: an article has dozens of sentences and
     * the topic terms hundreds of matches. Between sentences (white space), the field as a whole.
     */
    private static TextSpan sentenceAt(FieldText field, int offset) {
        List<TextSpan> sentences = field.sentences();
        int low = 0;
        int high = sentences.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            TextSpan sentence = sentences.get(middle);
            if (offset < sentence.start()) {
                high = middle - 1;
            } else if (offset >= sentence.end()) {
                low = middle + 1;
            } else {
                return sentence;
            }
        }
        return field.sentenceAt(offset);
    }

    /**
     * The terms by normalised phrase. Phrases that differ only in spacing (데이터센터, 데이터 센터) match the same
     * text, so they share one entry, keyed by the spelling with the most gaps, whose variants cover the others';
     * two entries would make one keyword of the index and one of them would be lost.
     */
    private static final class Phrases {
        private final TextNormalizer normalizer;
        private final Map<String, List<Term>> terms = new LinkedHashMap<>();
        private final Map<String, String> keyByGapless = new HashMap<>();

        Phrases(TextNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        void add(Term term) {
            String phrase = normalizer.normalize(term.phrase()).text().strip();
            String gapless = withoutGaps(phrase);
            String key = keyByGapless.get(gapless);
            if (key == null) {
                keyByGapless.put(gapless, phrase);
                key = phrase;
            } else if (phrase.length() > key.length()) {
                terms.put(phrase, terms.remove(key));
                keyByGapless.put(gapless, phrase);
                key = phrase;
            }
            terms.computeIfAbsent(key, any -> new ArrayList<>()).add(term);
        }

        private static String withoutGaps(String phrase) {
            return phrase.replace(String.valueOf(TextNormalizer.SPACE), "")
                    .replace(String.valueOf(TextNormalizer.HYPHEN), "");
        }
    }

    /** The terms found in one field, by topic and role, and the readings of its sentences. */
    private record Found(FieldText field, Map<TopicRule, Map<Role, List<PhraseMatch<Term>>>> byRule,
            Map<TextSpan, Set<ClauseReading>> readings) {

        List<PhraseMatch<Term>> of(TopicRule rule, Role role) {
            return byRule.getOrDefault(rule, Map.of()).getOrDefault(role, List.of());
        }

        boolean has(TopicRule rule, Role role) {
            return !of(rule, role).isEmpty();
        }

        TextSpan sentenceOf(TextSpan span) {
            return sentenceAt(field, span.start());
        }

        /**
         * The clause or clauses of the sentence that {@code span} touches: from the comma before its start to the
         * comma after its end. Writers join clauses about different things with a comma (공급을 멈췄고, 이에 …
         * 반독점 조사를 시작했다), so what one clause says does not veto another.
         */
        TextSpan clausesAround(TextSpan span) {
            TextSpan sentence = sentenceOf(span);
            String text = field.original();
            int start = span.start();
            while (start > sentence.start() && !isClauseBreak(text.charAt(start - 1))) {
                start--;
            }
            int end = Math.max(span.end(), start);
            while (end < sentence.end() && !isClauseBreak(text.charAt(end))) {
                end++;
            }
            return new TextSpan(start, end);
        }

        private static boolean isClauseBreak(char c) {
            return c == ',' || c == '，' || c == ';' || c == '、';
        }

        Set<ClauseReading> readingsOf(TextSpan sentence) {
            return readings.getOrDefault(sentence, Set.of());
        }

        /** Reads these sentences as background too: they name a year before the article's own. */
        void markPast(List<TextSpan> sentences) {
            sentences.forEach(sentence -> readings.computeIfAbsent(sentence,
                    any -> EnumSet.noneOf(ClauseReading.class)).add(ClauseReading.BACKGROUND));
        }
    }
}
