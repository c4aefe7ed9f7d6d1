package dev.newswatch.enricher;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Makes text matchable: NFKC (full-width letters, compatibility forms), lower-case Latin, one hyphen, one middle
 * dot, single spaces for any run of white space, no invisible format characters. Every normalised char remembers
 * the range of the original text it came from, so matches can be reported in the original's offsets.
 */
public final class TextNormalizer {

    static final char HYPHEN = '-';
    static final char MIDDLE_DOT = '\u00B7';
    static final char SPACE = ' ';

    public NormalizedText normalize(String original) {
        StringBuilder text = new StringBuilder(original.length());
        int[] starts = new int[original.length() + 16];
        int[] ends = new int[original.length() + 16];
        int position = 0;
        while (position < original.length()) {
            int segmentEnd = segmentEnd(original, position);
            String folded = Normalizer.normalize(original.substring(position, segmentEnd), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            for (int i = 0; i < folded.length(); i++) {
                char c = unify(folded.charAt(i));
                if (Character.getType(c) == Character.FORMAT) {
                    continue;
                }
                int last = text.length() - 1;
                if (c == SPACE && last >= 0 && text.charAt(last) == SPACE) {
                    ends[last] = segmentEnd;
                    continue;
                }
                if (text.length() == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[text.length()] = position;
                ends[text.length()] = segmentEnd;
                text.append(c);
            }
            position = segmentEnd;
        }
        return new NormalizedText(text.toString(), starts, ends);
    }

    /**
     * One code point with whatever combines with it: accents, variation selectors, and the vowel and final jamo
     * of a decomposed Hangul syllable, which NFKC must see together to compose.
     */
    private static int segmentEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < text.length()) {
            int next = text.codePointAt(end);
            if (!combinesWithPrevious(next)) {
                break;
            }
            end += Character.charCount(next);
        }
        return end;
    }

    private static boolean combinesWithPrevious(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)
                || (codePoint >= 0xD7B0 && codePoint <= 0xD7FF);
    }

    private static char unify(char c) {
        switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D':
                return HYPHEN;
            case '\u00B7', '\u2027', '\u2219', '\u2022', '\u30FB', '\u318D', '\uFF65', '\u0387':
                return MIDDLE_DOT;
            default:
                return Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : c;
        }
    }
}
