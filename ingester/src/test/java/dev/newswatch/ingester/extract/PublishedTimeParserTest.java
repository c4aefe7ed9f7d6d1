package dev.newswatch.ingester.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedTimeParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            입력 2025.04.16 09:25                          | 2025-04-16T00:25:00Z
            입력 : 2025-04-16 오전 9:25                    | 2025-04-16T00:25:00Z
            입력 : 2025-04-16 오후 3:05                    | 2025-04-16T06:05:00Z
            입력 2025-04-16 오전 12:10                     | 2025-04-15T15:10:00Z
            입력:2025-11-07 12:33                          | 2025-11-07T03:33:00Z
            입력 2026.06.22. 09:31                         | 2026-06-22T00:31:00Z
            등록 2025.12.23 14:26:40                       | 2025-12-23T05:26:40Z
            승인 2025.04.16 09:25                          | 2025-04-16T00:25:00Z
            기사입력 2025.04.16 09:25                      | 2025-04-16T00:25:00Z
            일반입력 :2015/01/20 09:02    수정: 2015/01/20 09:05 | 2015-01-20T00:02:00Z
            입력 2024 09 10 17:48                          | 2024-09-10T08:48:00Z
            최초입력 2025년 04월 16일 09시 25분            | 2025-04-16T00:25:00Z
            입력 2025.09.24                                | 2025-09-23T15:00:00Z
            김서연 기자 입력 2025.04.16(수) 09:25          | 2025-04-16T00:25:00Z
            """)
    void koreanOnPageForms(String text, String expected) {
        assertThat(PublishedTimeParser.published(text)).contains(Instant.parse(expected));
    }

    @Test
    void firstInputTimeIsPublishedAndEditTimeIsUpdated() {
        String byline = "수정 2025.04.16 11:40 입력 2025.04.16 09:25 승인 2025.04.16 09:30";
        assertThat(PublishedTimeParser.published(byline)).contains(Instant.parse("2025-04-16T00:25:00Z"));
        assertThat(PublishedTimeParser.updated(byline)).contains(Instant.parse("2025-04-16T02:40:00Z"));
        assertThat(PublishedTimeParser.updated("입력 2025.04.16 09:25")).isEmpty();
    }

    @Test
    void unlabelledFormsAreReadOnlyWhereATimeIsExpected() {
        assertThat(PublishedTimeParser.anyTime("2025년 04월 16일 09시 25분")).contains(Instant.parse("2025-04-16T00:25:00Z"));
        assertThat(PublishedTimeParser.anyTime("2026년 02월 26일 목요일")).contains(Instant.parse("2026-02-25T15:00:00Z"));
        assertThat(PublishedTimeParser.anyTime("2025.09.24")).contains(Instant.parse("2025-09-23T15:00:00Z"));
        assertThat(PublishedTimeParser.published("매출 2025.09.24 기준")).isEmpty();
    }

    @Test
    void isoWithAndWithoutOffset() {
        assertThat(PublishedTimeParser.iso("2026-04-16T09:25:00+09:00")).contains(Instant.parse("2026-04-16T00:25:00Z"));
        assertThat(PublishedTimeParser.iso("2026-04-16T09:25:00+0900")).contains(Instant.parse("2026-04-16T00:25:00Z"));
        assertThat(PublishedTimeParser.iso("2026-04-16 09:25:00")).contains(Instant.parse("2026-04-16T00:25:00Z"));
        assertThat(PublishedTimeParser.iso("2026-04-16T00:25:00Z")).contains(Instant.parse("2026-04-16T00:25:00Z"));
        assertThat(PublishedTimeParser.iso("2026-04-16")).contains(Instant.parse("2026-04-15T15:00:00Z"));
    }

    @Test
    void impossibleOrAbsentDatesAreEmptyNotErrors() {
        assertThat(PublishedTimeParser.published("입력 2025.13.45 25:99")).isEmpty();
        assertThat(PublishedTimeParser.iso("yesterday")).isEmpty();
        assertThat(PublishedTimeParser.anyTime(null)).isEqualTo(Optional.empty());
        assertThat(PublishedTimeParser.published("")).isEmpty();
    }
}
