package dev.newswatch.enricher.text;

/** A half-open range {@code [start, end)} of UTF-16 offsets into a text. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
