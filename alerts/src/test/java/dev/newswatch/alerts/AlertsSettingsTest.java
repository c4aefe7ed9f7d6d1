package dev.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;

class AlertsSettingsTest {

    @TempDir
    Path directory;

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("newswatch.yml"), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void theShippedSettingsFileLoads() {
        AlertsSettings settings = AlertsSettings.load(Path.of("..", "config", "newswatch.yml"));

        assertThat(settings.storyWindow()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aStoryWindowShorterThanTheEnrichersIsRefusedNamingBoth() throws IOException {
        Path file = write("""
                enricher:
                  storyWindow: PT72H
                alerts:
                  metricsPort: 9403
                  storyWindow: PT24H
                """);

        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("alerts.storyWindow");
                    assertThat(e.getMessage()).startsWith(file + ", line 5, field alerts.storyWindow: PT24H is shorter"
                            + " than enricher.storyWindow PT72H");
                });
    }

    @Test
    void aLongerEnricherWindowIsCheckedAgainstTheAlertsDefault() throws IOException {
        Path file = write("""
                enricher:
                  storyWindow: PT96H
                alerts:
                  metricsPort: 9403
                """);

        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).as("the alerts section, which leaves its window at the default").isEqualTo(3);
                    assertThat(e.field()).isEqualTo("alerts.storyWindow");
                    assertThat(e.getMessage()).contains("PT72H is shorter than enricher.storyWindow PT96H");
                });
    }

    @Test
    void aStoryWindowAtLeastTheEnrichersIsAccepted() throws IOException {
        assertThat(AlertsSettings.load(write("enricher: {storyWindow: PT12H}\nalerts: {storyWindow: PT12H}\n"))
                .storyWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(AlertsSettings.load(write("alerts: {storyWindow: PT96H}\n")).storyWindow())
                .isEqualTo(Duration.ofHours(96));
    }
}
