package dev.newswatch.enricher.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Makes text matchable: NFKC (full-width letters, compatibility forms), lower-case Latin, one hyphen, one middle
 * dot, single spaces for any run of white space, no invisible format characters. Every normalised char remembers
 * the range of the original text it came from, so matches can be reported in the original's offsets.
 */
public final class TextNormalizer {

    public static final char HYPHEN = '-';
    static final char MIDDLE_DOT = '\u00B7';
    public static final char SPACE = ' ';
    private static final char HANGUL_SYLLABLES_FIRST = '\uAC00';
    private static final char HANGUL_SYLLABLES_LAST = '\uD7A3';
    /** Below this, no char combines with the one before it. */
    private static final char COMBINING_MARKS_FIRST = '\u0300';

    public NormalizedText normalize(String original) {
        Builder builder = new Builder(original.length());
        int length = original.length();
        int position = 0;
        while (position < length) {
            char c = original.charAt(position);
            if (isOwnNfkc(c) && (position + 1 == length || cannotCombine(original.charAt(position + 1)))) {
                // Plain ASCII and precomposed Hangul, nearly all of a Korean article, are their own NFKC form:
                // skipping the general normaliser for them saves most of the time.
                builder.addPlain(c, position);
                position++;
                continue;
            }
            int segmentEnd = segmentEnd(original, position);
            String folded = Normalizer.normalize(original.substring(position, segmentEnd), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            for (int i = 0; i < folded.length(); i++) {
                builder.add(folded.charAt(i), position, segmentEnd);
            }
            position = segmentEnd;
        }
        return builder.build(original);
    }

    private static boolean isOwnNfkc(char c) {
        return c < 0x80 || (c >= HANGUL_SYLLABLES_FIRST && c <= HANGUL_SYLLABLES_LAST);
    }

    /** A cheap, partial test: true only for chars that certainly do not combine with the one before. */
    private static boolean cannotCombine(char next) {
        return next < COMBINING_MARKS_FIRST || (next >= HANGUL_SYLLABLES_FIRST && next <= HANGUL_SYLLABLES_LAST);
    }

    /** The normalised text under construction, with the original range of every char. */
    private static final class Builder {
        private char[] text;
        private int length;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            text = new char[capacity + 16];
            starts = new int[capacity + 16];
            ends = new int[capacity + 16];
        }

        /** An ASCII char or Hangul syllable that is one char of the original at {@code position}. */
        void addPlain(char c, int position) {
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                } else if (Character.isWhitespace(c)) {
                    c = SPACE;
                }
            }
            append(c, position, position + 1);
        }

        void add(char folded, int originalStart, int originalEnd) {
            char c = unify(folded);
            if (Character.getType(c) == Character.FORMAT) {
                return;
            }
            append(c, originalStart, originalEnd);
        }

        private void append(char c, int originalStart, int originalEnd) {
            if (c == SPACE && length > 0 && text[length - 1] == SPACE) {
                ends[length - 1] = originalEnd;
                return;
            }
            if (length == text.length) {
                text = Arrays.copyOf(text, length * 2);
                starts = Arrays.copyOf(starts, length * 2);
                ends = Arrays.copyOf(ends, length * 2);
            }
            starts[length] = originalStart;
            ends[length] = originalEnd;
            text[length++] = c;
        }

        NormalizedText build(String original) {
            return new NormalizedText(original, new String(text, 0, length), starts, ends);
        }
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
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || (c >= HANGUL_SYLLABLES_FIRST && c <= HANGUL_SYLLABLES_LAST)) {
            return c;
        }
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
