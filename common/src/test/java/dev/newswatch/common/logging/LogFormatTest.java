package dev.newswatch.common.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void textUnlessJsonIsAskedForInAnyCase() {
        assertThat(LogFormat.from(Map.<String, String>of()::get)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.from(Map.of("NEWSWATCH_LOG_FORMAT", " ")::get)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.from(Map.of("NEWSWATCH_LOG_FORMAT", "JSON")::get)).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.JSON.appenderName()).isEqualTo("json");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheVariableAndTheChoices() {
        assertThatThrownBy(() -> LogFormat.from(Map.of("NEWSWATCH_LOG_FORMAT", "xml")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NEWSWATCH_LOG_FORMAT: 'xml' is not one of [text, json]");
    }
}
