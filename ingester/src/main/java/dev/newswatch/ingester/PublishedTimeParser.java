package dev.newswatch.ingester;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication times Korean news pages write: ISO 8601 in metadata (offset optional), and on-page
 * bylines such as {@code 입력 2025.04.16 09:25}, {@code 기사입력 : 2025-04-16 오후 3:05} or
 * {@code 등록 2025년 04월 16일 09:25}. A time without a zone is Korean time.
 */
final class PublishedTimeParser {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    /** "입력" and its synonyms mark the first publication; "수정" (edited) is deliberately not among them. */
    private static final Pattern KOREAN_BYLINE = Pattern.compile(
            "(?:기사입력|최초입력|입력|등록|승인|게재)\\s*[:：]?\\s*"
                    + "(\\d{4})\\s*[.\\-/년]\\s*(\\d{1,2})\\s*[.\\-/월]\\s*(\\d{1,2})\\s*[.일]?\\s*"
                    + "(?:\\([월화수목금토일]\\)\\s*)?(오전|오후)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

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

    /** The first Korean byline time in {@code text}, e.g. {@code 입력 2025.04.16 09:25}. */
    static Optional<Instant> koreanByline(String text) {
        Matcher matcher = KOREAN_BYLINE.matcher(text);
        while (matcher.find()) {
            try {
                int hour = Integer.parseInt(matcher.group(5));
                if ("오후".equals(matcher.group(4)) && hour < 12) {
                    hour += 12;
                } else if ("오전".equals(matcher.group(4)) && hour == 12) {
                    hour = 0;
                }
                LocalDateTime local = LocalDateTime.of(Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), hour,
                        Integer.parseInt(matcher.group(6)),
                        matcher.group(7) == null ? 0 : Integer.parseInt(matcher.group(7)));
                return Optional.of(local.atZone(SEOUL).toInstant());
            } catch (DateTimeException impossibleDate) {
                // A number run that only looks like a date; keep looking.
            }
        }
        return Optional.empty();
    }
}
