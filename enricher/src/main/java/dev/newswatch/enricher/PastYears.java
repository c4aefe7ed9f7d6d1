package dev.newswatch.enricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sentences that a year puts in the past: an article dated 2025 that says 2019년 출시한 tells history.
 * The article's own year is the latest year it names where it reports rather than plans or guesses (a page's
 * date line, 올해 with a year, a dated event); a year followed by 까지 (until) is a deadline, not a date.
 */
final class PastYears {

    /** A year written as one, 2019년, or as the start of a date, 2025-08-09 / 2025.08.09. */
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?:년|[-./][01]?[0-9][-./])"
            + "(?!\\s*까지)");

    private PastYears() {
    }

    /**
     * The latest year the fields name in sentences that are neither planned nor speculative; empty when they
     * name none.
     */
    static OptionalInt newsYear(List<FieldText> fields, Map<FieldText, Map<TextSpan, Set<ClauseReading>>> readings) {
        OptionalInt latest = OptionalInt.empty();
        for (FieldText field : fields) {
            Matcher year = YEAR.matcher(field.original());
            while (year.find()) {
                Set<ClauseReading> sentence = readings.getOrDefault(field, Map.of())
                        .getOrDefault(field.sentenceAt(year.start()), Set.of());
                if (!sentence.contains(ClauseReading.PLANNED) && !sentence.contains(ClauseReading.SPECULATIVE)) {
                    int value = Integer.parseInt(year.group(1));
                    latest = OptionalInt.of(Math.max(value, latest.orElse(value)));
                }
            }
        }
        return latest;
    }

    /** The sentences of the field naming a year before {@code newsYear}. */
    static List<TextSpan> before(FieldText field, int newsYear) {
        List<TextSpan> sentences = new ArrayList<>();
        Matcher year = YEAR.matcher(field.original());
        while (year.find()) {
            if (Integer.parseInt(year.group(1)) < newsYear) {
                sentences.add(field.sentenceAt(year.start()));
            }
        }
        return sentences;
    }
}
