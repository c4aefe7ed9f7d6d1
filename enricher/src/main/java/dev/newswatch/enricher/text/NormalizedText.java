package dev.newswatch.enricher.text;

/**
 * A text as {@link TextNormalizer} made it, matchable with normalised phrases, and able to map any range of it
 * back to the range of the original text it came from.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] originalStarts;
    private final int[] originalEnds;

    NormalizedText(String original, String text, int[] originalStarts, int[] originalEnds) {
        this.original = original;
        this.text = text;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    /** The text as it was before normalisation. */
    public String original() {
        return original;
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    /** The range of the original text that produced normalised range {@code [start, end)}. */
    public TextSpan toOriginal(int start, int end) {
        if (start < 0 || end > text.length() || end <= start) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") is not a non-empty range of the "
                    + text.length() + "-char normalised text");
        }
        return new TextSpan(originalStarts[start], originalEnds[end - 1]);
    }
}
