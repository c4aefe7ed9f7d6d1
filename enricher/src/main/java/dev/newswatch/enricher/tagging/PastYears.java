package dev.newswatch.enricher.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newswatch.enricher.text.FieldText;
import dev.newswatch.enricher.text.TextSpan;

/**
 * Finds the sentences that a year puts in the past: an article dated 2025 that says 2019년 출시한 tells history.
 * The article's own year is the latest year it names where it reports rather than plans or guesses (a page's
 * date line, 올해 with a year, a dated event); a year followed by 까지 (until) is a deadline, not a date.
 */
final class PastYears {

    /** What follows a year in a date: 2019년, 2025-08-09, 2025.08.09, 2025/8/9; not a 까지 deadline. */
    private static final Pattern DATE_AFTER_YEAR = Pattern.compile("(?:년|[-./][01]?[0-9][-./])(?!\\s*까지)");

    private PastYears() {
    }

    /**
     * The latest year the fields name in sentences that are neither planned nor speculative; empty when they
     * name none.
     */
    static OptionalInt newsYear(List<FieldText> fields, Map<FieldText, Map<TextSpan, Set<ClauseReading>>> readings) {
        OptionalInt latest = OptionalInt.empty();
        for (FieldText field : fields) {
            for (int[] year : years(field.original())) {
                Set<ClauseReading> sentence = readings.getOrDefault(field, Map.of())
                        .getOrDefault(field.sentenceAt(year[0]), Set.of());
                if (!sentence.contains(ClauseReading.PLANNED) && !sentence.contains(ClauseReading.SPECULATIVE)) {
                    latest = OptionalInt.of(Math.max(year[1], latest.orElse(year[1])));
                }
            }
        }
        return latest;
    }

    /** The sentences of the field naming a year before {@code newsYear}. */
    static List<TextSpan> before(FieldText field, int newsYear) {
        List<TextSpan> sentences = new ArrayList<>();
        for (int[] year : years(field.original())) {
            if (year[1] < newsYear) {
                sentences.add(field.sentenceAt(year[0]));
            }
        }
        return sentences;
    }

    /**
     * Each year the text names as a date, as its offset and value. Scans for four-digit 19xx/20xx runs first: a
     * pattern with a look-behind tried at every offset would cost more than the rest of the topic work.
     */
    private static List<int[]> years(String text) {
        List<int[]> years = new ArrayList<>();
        Matcher after = DATE_AFTER_YEAR.matcher(text);
        for (int i = 0; i + 4 < text.length(); i++) {
            char first = text.charAt(i);
            if ((first == '1' || first == '2') && (i == 0 || !isDigit(text.charAt(i - 1))) && isDigit(text.charAt(i + 1))
                    && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))) {
                int value = Integer.parseInt(text, i, i + 4, 10);
                if (value >= 1900 && value < 2100 && after.region(i + 4, text.length()).lookingAt()) {
                    years.add(new int[] {i, value});
                }
                i += 3;
            }
        }
        return years;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
