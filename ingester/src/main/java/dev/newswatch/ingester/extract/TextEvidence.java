package dev.newswatch.ingester.extract;

/**
 * What a run of text says about itself: how much it says (CJK characters count for more, as each carries about a
 * word) and whether it is shaped like prose (commas and sentence ends) rather than a label, a name or a menu.
 */
final class TextEvidence {

    private TextEvidence() {
    }

    /**
     * The length of a text in Latin-script characters' worth: a Hangul syllable counts one and a half, a Han or
     * kana character two and a half, as Korean and Japanese or Chinese say as much in fewer characters.
     */
    static double weightedLength(CharSequence text) {
        double length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uac00' && c <= '\ud7a3') {
                length += 1.5;
            } else if (c >= '\u3040' && c <= '\u30ff' || c >= '\u4e00' && c <= '\u9fff') {
                length += 2.5;
            } else {
                length += 1;
            }
        }
        return length;
    }

    /**
     * Commas and sentence ends: a sentence end is a full stop, question or exclamation mark after a non-digit and
     * before a space or the end (so the dots of {@code 2026.06.22.} are not sentences).
     */
    static int punctuation(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '。' || c == '！' || c == '？' || c == ';') {
                count++;
            } else if ((c == '.' || c == '!' || c == '?') && i > 0 && !Character.isDigit(text.charAt(i - 1))
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))
                            || "\"'”’)»".indexOf(text.charAt(i + 1)) >= 0)) {
                count++;
            }
        }
        return count;
    }

    /** Whether the text ends the way a sentence does (a full stop, a question, a quotation closing one). */
    static boolean endsLikeSentence(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if ("\"'”’)»".indexOf(c) >= 0) {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？' || c == ':' || c == '…';
        }
        return false;
    }
}
