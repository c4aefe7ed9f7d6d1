package dev.newswatch.ingester.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the times Korean news pages write: ISO 8601 in metadata (offset optional), and on-page forms such as
 * {@code 입력 2025.04.16 09:25}, {@code 입력 : 2025-04-16 오전 9:25}, {@code 입력 2026.06.22. 09:31},
 * {@code 등록 2025.12.23 14:26:40}, {@code 2025년 04월 16일 09시 25분} or a bare date. A time without a zone is
 * Korean time; a date without a time is its midnight in Seoul.
 */
final class PublishedTimeParser {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

    /** Year, month and day with dots, dashes, slashes, spaces or 년월일; then an optional weekday and time. */
    private static final String DATE_TIME = "(?<!\\d)(?<y>(?:19|20)\\d{2})\\s*(?:[./\\-]|년)\\s*"
            + "(?<mo>\\d{1,2})\\s*(?:[./\\-]|월)\\s*(?<d>\\d{1,2})(?!\\d)\\s*(?:일|\\.)?\\s*"
            + "(?:\\(?[월화수목금토일](?:요일)?\\)?\\s*)?"
            + "(?:(?<ap>오전|오후|AM|PM|am|pm)?\\s*(?<h>\\d{1,2})\\s*(?::|시)\\s*(?<mi>\\d{2})(?:분|:(?<s>\\d{2}))?)?";
    /** The same with spaces as the only separator ({@code 입력 2024 09 10 17:48}); only read after a label. */
    private static final String SPACED_DATE_TIME = "(?<!\\d)(?<y>(?:19|20)\\d{2}) (?<mo>\\d{2}) (?<d>\\d{2})"
            + "(?!\\d)\\s*(?:(?<ap>오전|오후)?\\s*(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2}))?)?";
    private static final String LABEL_END = "\\s*(?:일시|시간|시각)?\\s*[:：]?\\s*";

    /**
     * First publication, most specific label first: a page showing both 입력 and 승인 (approval) was published
     * at 입력. 수정 (edited) is never a publication time.
     */
    private static final List<Pattern> PUBLISHED = labelled(
            "(?:기사입력|최초입력|일반입력|입력)", "(?:최초등록|등록|게재|발행|작성|송고)", "(?:승인)");
    private static final List<Pattern> UPDATED = labelled("(?:최종수정|기사수정|수정|업데이트)");
    private static final Pattern ANY_DATE_TIME = Pattern.compile(DATE_TIME);

    private PublishedTimeParser() {
    }

    /** An ISO 8601 date-time or date; without an offset it is read as Korean time. */
    static Optional<Instant> iso(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String normalized = SPACE_BEFORE_TIME.matcher(value.strip()).replaceFirst("$1T$2");
        normalized = OFFSET_WITHOUT_COLON.matcher(normalized).replaceFirst("$1:$2");
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(normalized,
                    OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime offset
                    ? offset.toInstant() : ((LocalDateTime) parsed).atZone(SEOUL).toInstant());
        } catch (DateTimeException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(normalized).atStartOfDay(SEOUL).toInstant());
            } catch (DateTimeException notDate) {
                return Optional.empty();
            }
        }
    }

    /** The first publication time a page's text states, e.g. after {@code 입력}, {@code 등록} or {@code 승인}. */
    static Optional<Instant> published(String text) {
        return firstLabelled(PUBLISHED, text);
    }

    /** The edit time a page's text states, after {@code 수정}. */
    static Optional<Instant> updated(String text) {
        return firstLabelled(UPDATED, text);
    }

    /** A time in a short text known to hold one (a date element): ISO 8601, else the first date form in it. */
    static Optional<Instant> anyTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return iso(text).or(() -> first(ANY_DATE_TIME.matcher(text)));
    }

    private static List<Pattern> labelled(String... labels) {
        // Java forbids reusing group names across alternatives, so each date form is a pattern of its own.
        return Arrays.stream(labels)
                .flatMap(label -> Stream.of(Pattern.compile(label + LABEL_END + DATE_TIME),
                        Pattern.compile(label + LABEL_END + SPACED_DATE_TIME)))
                .toList();
    }

    private static Optional<Instant> firstLabelled(List<Pattern> patterns, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Pattern pattern : patterns) {
            Optional<Instant> found = first(pattern.matcher(text));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> first(Matcher matcher) {
        while (matcher.find()) {
            try {
                return Optional.of(instant(matcher));
            } catch (DateTimeException | NumberFormatException impossibleDate) {
                // A number run that only looks like a date; keep looking.
            }
        }
        return Optional.empty();
    }

    private static Instant instant(Matcher matcher) {
        LocalDate date = LocalDate.of(number(matcher, "y"), number(matcher, "mo"), number(matcher, "d"));
        String hourText = matcher.group("h");
        if (hourText == null) {
            return date.atStartOfDay(SEOUL).toInstant();
        }
        int hour = Integer.parseInt(hourText);
        String halfDay = matcher.group("ap");
        boolean afternoon = "오후".equals(halfDay) || "PM".equalsIgnoreCase(halfDay);
        boolean morning = "오전".equals(halfDay) || "AM".equalsIgnoreCase(halfDay);
        if (afternoon && hour < 12) {
            hour += 12;
        } else if (morning && hour == 12) {
            hour = 0;
        }
        String seconds = matcher.group("s");
        LocalTime time = LocalTime.of(hour, number(matcher, "mi"), seconds == null ? 0 : Integer.parseInt(seconds));
        return date.atTime(time).atZone(SEOUL).toInstant();
    }

    private static int number(Matcher matcher, String name) {
        return Integer.parseInt(matcher.group(name));
    }
}
