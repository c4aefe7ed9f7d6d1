package dev.newswatch.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.streams.FailureKind;

class MetricTagsTest {

    @Test
    void anEnumConstantIsLowerCaseWithHyphensWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            assertThat(MetricTags.of(FailureKind.UNKNOWN_SCHEMA_VERSION)).isEqualTo("unknown-schema-version");
            assertThat(MetricTags.of(FailureKind.INVALID_RECORD)).isEqualTo("invalid-record");
            assertThat(MetricTags.of(EntityKind.CHIP)).isEqualTo("chip");
        } finally {
            Locale.setDefault(before);
        }
    }
}
