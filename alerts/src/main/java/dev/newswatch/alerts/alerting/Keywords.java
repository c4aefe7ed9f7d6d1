package dev.newswatch.alerts.alerting;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.Evidence;

/**
 * Finds a watch's plain words and phrases in an article, ignoring case and Korean spacing, which varies (수출 통제
 * and 수출통제 are one phrase). A phrase that begins or ends with a Latin letter or a
 * digit matches only there as a whole word (HBM never in HBM3E), while Korean particles may follow it (HBM을).
 */
final class Keywords {

    private static final String SENTENCE_END = ".!?。\n";

    /** Compiled patterns by phrase; bounded by the phrases of the watches the service has seen. */
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** Where {@code phrase} first stands in the title, else in the text, with its sentence. */
    Optional<Evidence> find(String phrase, String title, String text) {
        Pattern pattern = patterns.computeIfAbsent(phrase, Keywords::compile);
        return find(pattern, ArticleField.TITLE, title).or(() -> find(pattern, ArticleField.TEXT, text));
    }

    private static Optional<Evidence> find(Pattern pattern, ArticleField field, String content) {
        if (content == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(content);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new Evidence(field, matcher.group(), matcher.start(), matcher.end(),
                sentence(content, matcher.start(), matcher.end())));
    }

    /**
     * Spacing may differ wherever a Hangul or other non-Latin character stands beside the next; Latin words stay
     * apart where the phrase has them apart and together where it has them together.
     */
    private static Pattern compile(String phrase) {
        String stripped = phrase.strip();
        StringBuilder regex = new StringBuilder();
        if (wordEdge(stripped.codePointAt(0))) {
            regex.append("(?<![\\p{IsLatin}\\p{Nd}])");
        }
        int previous = -1;
        boolean spaceBefore = false;
        for (int i = 0; i < stripped.length(); i += Character.charCount(stripped.codePointAt(i))) {
            int codePoint = stripped.codePointAt(i);
            if (Character.isWhitespace(codePoint)) {
                spaceBefore = true;
                continue;
            }
            if (previous >= 0) {
                if (spaceBefore && wordEdge(previous) && wordEdge(codePoint)) {
                    regex.append("\\s+");
                } else if (spaceBefore || !wordEdge(previous) || !wordEdge(codePoint)) {
                    regex.append("\\s*");
                }
            }
            regex.append(Pattern.quote(new String(Character.toChars(codePoint))));
            previous = codePoint;
            spaceBefore = false;
        }
        if (wordEdge(previous)) {
            regex.append("(?![\\p{IsLatin}\\p{Nd}])");
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean wordEdge(int codePoint) {
        return Character.isDigit(codePoint)
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
    }

    private static String sentence(String content, int start, int end) {
        int from = start;
        while (from > 0 && SENTENCE_END.indexOf(content.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < content.length() && SENTENCE_END.indexOf(content.charAt(to)) < 0) {
            to++;
        }
        return content.substring(from, Math.min(content.length(), to + 1)).strip();
    }
}
