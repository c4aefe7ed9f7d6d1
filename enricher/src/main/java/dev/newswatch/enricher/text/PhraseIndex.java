package dev.newswatch.enricher.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds many normalised phrases in a text in one pass (Aho-Corasick), keeps the matches that stand on word
 * boundaries, and resolves overlaps leftmost-longest.
 *
 * <p>Spacing is not trusted: where a phrase has a space or hyphen, or switches between Hangul/Han and
 * Latin/digits, the text may have a space, a hyphen or nothing (어센드 910C, 어센드910C, Ascend-910C). Nowhere
 * else: H20 does not match H-20.
 */
public final class PhraseIndex<T> {

    /** How a match that starts or ends with Hangul must sit in its word. */
    private enum HangulEdges {
        /** A name: not inside a longer word, followed only by particles or common suffixes. */
        WORD,
        /** A cue: any part of a word, since Korean verbs and nouns inflect and compound (출시했다, 수출통제를). */
        ANY
    }

    private static final char[] GAP_FILLERS = {0, TextNormalizer.SPACE, TextNormalizer.HYPHEN};
    /** More gaps than this and only the all-same variants are indexed, to keep the trie small. */
    private static final int MAX_COMBINED_GAPS = 3;

    private final PayloadTrie<Phrase<T>> trie;
    private final HangulEdges hangulEdges;
    /** Nori, for names (WORD edges) only. */
    private final KoreanWords words;

    /** An index whose Hangul phrases may sit anywhere in a word. */
    public PhraseIndex(Map<String, T> phrases, TextNormalizer normalizer) {
        this(phrases, normalizer, HangulEdges.ANY, null);
    }

    /** An index of names, with Nori deciding the words {@link KoreanSuffixes} cannot. */
    public PhraseIndex(Map<String, T> phrases, TextNormalizer normalizer, KoreanWords words) {
        this(phrases, normalizer, HangulEdges.WORD, words);
    }

    /**
     * @param phrases each phrase, as written in configuration, with what it stands for; the order breaks ties
     */
    private PhraseIndex(Map<String, T> phrases, TextNormalizer normalizer, HangulEdges hangulEdges,
            KoreanWords words) {
        this.hangulEdges = hangulEdges;
        this.words = words;
        PayloadTrie.PayloadTrieBuilder<Phrase<T>> builder = PayloadTrie.builder();
        int rank = 0;
        for (Map.Entry<String, T> phrase : phrases.entrySet()) {
            Phrase<T> payload = new Phrase<>(phrase.getValue(), rank++);
            for (String variant : spacingVariants(normalizer.normalize(phrase.getKey()).text().strip())) {
                builder.addKeyword(variant, payload);
            }
        }
        this.trie = builder.build();
    }

    /**
     * The matches on word boundaries, overlaps resolved leftmost-longest, in text order. A shorter phrase inside
     * a longer one that stands on its boundaries is never checked: checking can cost a Nori call.
     */
    public List<PhraseMatch<T>> find(NormalizedText text) {
        String normalized = text.text();
        List<PhraseMatch<Phrase<T>>> inNormalizedOffsets = new ArrayList<>();
        for (PayloadEmit<Phrase<T>> emit : trie.parseText(normalized)) {
            inNormalizedOffsets.add(
                    new PhraseMatch<>(emit.getPayload(), new TextSpan(emit.getStart(), emit.getEnd() + 1)));
        }
        return leftmostLongest(inNormalizedOffsets, Comparator.comparingInt(Phrase::rank),
                match -> onBoundaries(normalized, match.span().start(), match.span().end())).stream()
                .map(match -> new PhraseMatch<>(match.payload().value(),
                        text.toOriginal(match.span().start(), match.span().end())))
                .toList();
    }

    /**
     * Of overlapping matches that {@code accept} takes, keeps the one that starts first, then the longest, then
     * the first by {@code ties}; in text order. A match overlapping one already kept is not offered to
     * {@code accept}.
     */
    public static <P> List<PhraseMatch<P>> leftmostLongest(List<PhraseMatch<P>> matches, Comparator<P> ties,
            Predicate<PhraseMatch<P>> accept) {
        List<PhraseMatch<P>> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.<PhraseMatch<P>>comparingInt(match -> match.span().start())
                .thenComparing(Comparator.<PhraseMatch<P>>comparingInt(match -> match.span().end()).reversed())
                .thenComparing(PhraseMatch::payload, ties));
        List<PhraseMatch<P>> kept = new ArrayList<>();
        int taken = 0;
        for (PhraseMatch<P> match : sorted) {
            if (match.span().start() >= taken && accept.test(match)) {
                kept.add(match);
                taken = match.span().end();
            }
        }
        return kept;
    }

    /** Every match on word boundaries, overlapping ones included, in no particular order. */
    public List<PhraseMatch<T>> findAll(NormalizedText text) {
        String normalized = text.text();
        List<PhraseMatch<T>> matches = new ArrayList<>();
        for (PayloadEmit<Phrase<T>> emit : trie.parseText(normalized)) {
            int end = emit.getEnd() + 1;
            if (onBoundaries(normalized, emit.getStart(), end)) {
                matches.add(new PhraseMatch<>(emit.getPayload().value(), text.toOriginal(emit.getStart(), end)));
            }
        }
        return matches;
    }

    private boolean onBoundaries(String text, int start, int end) {
        int first = text.codePointAt(start);
        int last = text.codePointBefore(end);
        int before = start == 0 ? -1 : text.codePointBefore(start);
        int after = end == text.length() ? -1 : text.codePointAt(end);
        if (isLatinOrDigit(first) && isLatinOrDigit(before)) {
            return false;
        }
        if (isLatinOrDigit(last) && isLatinOrDigit(after)) {
            return false;
        }
        if (hangulEdges == HangulEdges.WORD) {
            if (isHangul(first) && isHangul(before)) {
                return false;
            }
            if (isHangul(last) && isHangul(after)) {
                String rest = hangulRun(text, end);
                return KoreanSuffixes.allowed(rest) || nameEndsWord(text, start, end, rest);
            }
        }
        return true;
    }

    /** Nori's view of the word made of the name's last Hangul run and the Hangul that follows it. */
    private boolean nameEndsWord(String text, int start, int end, String rest) {
        int nameStart = end;
        while (nameStart > start && isHangul(text.codePointBefore(nameStart))) {
            nameStart -= Character.charCount(text.codePointBefore(nameStart));
        }
        return words.nameEndsWord(text.substring(nameStart, end) + rest, end - nameStart);
    }

    private static String hangulRun(String text, int from) {
        int end = from;
        while (end < text.length() && isHangul(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return text.substring(from, end);
    }

    /** The phrase with each gap filled by nothing, a space and a hyphen. */
    static Set<String> spacingVariants(String phrase) {
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c == TextNormalizer.SPACE || c == TextNormalizer.HYPHEN) {
                parts.add(phrase.substring(partStart, i));
                partStart = i + 1;
            } else if (i > partStart && switchesScript(phrase.charAt(i - 1), c)) {
                parts.add(phrase.substring(partStart, i));
                partStart = i;
            }
        }
        parts.add(phrase.substring(partStart));
        parts.removeIf(String::isEmpty);
        Set<String> variants = new LinkedHashSet<>();
        variants.add(phrase);
        if (parts.size() - 1 > MAX_COMBINED_GAPS) {
            for (char filler : GAP_FILLERS) {
                variants.add(join(parts, filler));
            }
        } else {
            addCombinations(parts, 1, new StringBuilder(parts.get(0)), variants);
        }
        return variants;
    }

    private static void addCombinations(List<String> parts, int next, StringBuilder prefix, Set<String> variants) {
        if (next == parts.size()) {
            variants.add(prefix.toString());
            return;
        }
        for (char filler : GAP_FILLERS) {
            int length = prefix.length();
            if (filler != 0) {
                prefix.append(filler);
            }
            prefix.append(parts.get(next));
            addCombinations(parts, next + 1, prefix, variants);
            prefix.setLength(length);
        }
    }

    private static String join(List<String> parts, char filler) {
        return String.join(filler == 0 ? "" : String.valueOf(filler), parts);
    }

    private static boolean switchesScript(char previous, char current) {
        return (isLatinOrDigit(previous) && isHangulOrHan(current)) || (isHangulOrHan(previous) && isLatinOrDigit(current));
    }

    static boolean isLatinOrDigit(int codePoint) {
        if (codePoint < 0x80) {
            return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                    || (codePoint >= '0' && codePoint <= '9');
        }
        return Character.isDigit(codePoint) || (Character.isLetter(codePoint)
                && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN);
    }

    static boolean isHangul(int codePoint) {
        if (codePoint >= '\uAC00' && codePoint <= '\uD7A3') {
            return true;
        }
        return codePoint >= 0x80 && Character.isLetter(codePoint)
                && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
    }

    private static boolean isHangulOrHan(int codePoint) {
        return isHangul(codePoint) || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private record Phrase<T>(T value, int rank) {
    }
}
