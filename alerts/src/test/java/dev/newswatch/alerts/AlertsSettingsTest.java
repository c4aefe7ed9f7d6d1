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

import dev.newswatch.alerts.delivery.DeliverySettings;
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

        assertThat(settings.eventWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.updateInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anEventWindowShorterThanTheEnrichersIsRefusedNamingBoth() throws IOException {
        Path file = write("""
                enricher:
                  eventWindow: P7D
                alerts:
                  metricsPort: 9403
                  eventWindow: PT24H
                """);

        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("alerts.eventWindow");
                    assertThat(e.getMessage()).startsWith(file + ", line 5, field alerts.eventWindow: PT24H is shorter"
                            + " than enricher.eventWindow PT168H");
                });
    }

    @Test
    void aWebhookSettingIsReadWithTheOthersDefaultAndABadOneIsRefusedNamingItsLine() throws IOException {
        Path quick = write("""
                alerts:
                  webhooks:
                    maxAttempts: 3
                """);
        assertThat(AlertsSettings.load(quick).webhooks())
                .isEqualTo(new DeliverySettings(3, null, null, null, null));

        Path file = write("""
                alerts:
                  webhooks:
                    firstBackoff: PT10S
                    maxBackoff: PT5S
                """);
        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("alerts.webhooks.maxBackoff");
                });
    }

    @Test
    void aLongerEnricherWindowIsCheckedAgainstTheAlertsDefault() throws IOException {
        Path file = write("""
                enricher:
                  eventWindow: P10D
                alerts:
                  metricsPort: 9403
                """);

        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).as("the alerts section, which leaves its window at the default").isEqualTo(3);
                    assertThat(e.field()).isEqualTo("alerts.eventWindow");
                    assertThat(e.getMessage()).contains("PT168H is shorter than enricher.eventWindow PT240H");
                });
    }

    @Test
    void anEventWindowAtLeastTheEnrichersIsAccepted() throws IOException {
        assertThat(AlertsSettings.load(write("enricher: {eventWindow: PT12H}\nalerts: {eventWindow: PT12H}\n"))
                .eventWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(AlertsSettings.load(write("alerts: {eventWindow: P10D}\n")).eventWindow())
                .isEqualTo(Duration.ofDays(10));
    }

    @Test
    void theAlertsSectionGivesDefaultsAndOverrides() throws IOException {
        Path file = write("""
                kafka: {bootstrapServers: 127.0.0.1:9092}
                alerts: {watchesFile: other/watches.yml, commitInterval: PT1S, updateInterval: PT30S}
                """);

        AlertsSettings settings = AlertsSettings.load(file);

        assertThat(settings.watchesFile()).isEqualTo(Path.of("other", "watches.yml"));
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.updateInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.metricsPort()).isEqualTo(AlertsSettings.DEFAULT_METRICS_PORT);
        assertThat(settings.applicationId()).isEqualTo("newswatch-alerts");
        assertThat(settings.stateDirectory()).isEqualTo(Path.of("data", "streams"));
        assertThat(settings.withMetricsPort(0).metricsPort()).isZero();
    }

    @Test
    void anInvalidSettingIsReportedOnItsOwnLine() throws IOException {
        Path file = write("""
                alerts:
                  watchesFile: config/watches.yml
                  updateInterval: PT0S
                """);

        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("alerts.updateInterval");
                });
    }
}
