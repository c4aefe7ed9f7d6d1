package dev.newswatch.enricher.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentence spans of the original text, trimmed of surrounding white space. A sentence ends at
 * a line break, at {@code . ! ? …} followed by white space (after any closing quote or bracket), at the CJK
 * full stops, and at a Korean {@code 다.}/{@code 요.} even when the writer left out the space after it. Decimal
 * points ({@code 3.5}) and initials ({@code U.S.}) do not end a sentence.
 */
public final class SentenceSplitter {

    private static final String CLOSERS = "\"'”’)]}」』）》〉";

    public List<TextSpan> split(String text) {
        List<TextSpan> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(sentences, text, start, i);
                start = ++i;
                continue;
            }
            if (isTerminator(c)) {
                int end = i + 1;
                while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (endsSentence(text, i, end)) {
                    add(sentences, text, start, end);
                    start = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(sentences, text, start, text.length());
        return sentences;
    }

    /** The sentence holding {@code offset}, or the whole text when no sentence does. */
    public static TextSpan sentenceAt(List<TextSpan> sentences, int offset, String text) {
        for (TextSpan sentence : sentences) {
            if (sentence.contains(offset)) {
                return sentence;
            }
        }
        return new TextSpan(0, text.length());
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？';
    }

    private static boolean endsSentence(String text, int terminator, int afterClosers) {
        char c = text.charAt(terminator);
        if (c == '。' || c == '！' || c == '？' || afterClosers == text.length()) {
            return true;
        }
        char next = text.charAt(afterClosers);
        if (c == '.' && isInitial(text, terminator)) {
            return false;
        }
        if (Character.isWhitespace(next)) {
            return true;
        }
        // Korean sentences end in 다/요; a missing space after the full stop still ends them.
        char previous = terminator > 0 ? text.charAt(terminator - 1) : ' ';
        return c == '.' && (previous == '다' || previous == '요') && !Character.isDigit(next) && next != '.';
    }

    /** A full stop right after a lone Latin letter, as in {@code U.S.}, abbreviates rather than ends. */
    private static boolean isInitial(String text, int dot) {
        if (dot == 0 || !isLatinLetter(text.charAt(dot - 1))) {
            return false;
        }
        return dot == 1 || !isLatinLetter(text.charAt(dot - 2));
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static void add(List<TextSpan> sentences, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new TextSpan(start, end));
        }
    }
}
