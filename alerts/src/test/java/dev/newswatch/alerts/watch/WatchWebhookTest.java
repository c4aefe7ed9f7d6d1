package dev.newswatch.alerts.watch;

import static dev.newswatch.alerts.TestWatches.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.events.WebhookFormat;
import dev.newswatch.common.events.WebhookTarget;

/** The {@code webhook} block of a watch in a watches file. */
class WatchWebhookTest {

    @TempDir
    Path directory;

    @Test
    void aWebhookBlockIsReadWithItsFormatAndPrivateAddressFlag() throws IOException {
        WatchFile watches = WatchFile.load(write("""
                watches:
                  - id: exports
                    when: {topics: [export-controls]}
                    webhook:
                      url: https://hooks.example.com/services/T000/B000
                      format: slack
                  - id: capex
                    when: {topics: [capex]}
                    webhook:
                      url: http://10.0.0.7:8080/alerts
                      allowPrivateAddress: true
                  - id: chips
                    when: {companies: [huawei]}
                """), SHIPPED);

        assertThat(watches.watches()).extracting(Watch::webhook).containsExactly(
                new WebhookTarget(URI.create("https://hooks.example.com/services/T000/B000"), WebhookFormat.SLACK,
                        false),
                new WebhookTarget(URI.create("http://10.0.0.7:8080/alerts"), WebhookFormat.JSON, true),
                null);
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsReportedWithLineAndField() throws IOException {
        Path file = write("""
                watches:
                  - id: exports
                    when: {topics: [export-controls]}
                    webhook:
                      url: ftp://hooks.example.com/alerts
                """);

        assertThatThrownBy(() -> WatchFile.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("watches[0].webhook.url");
                    assertThat(e.getMessage()).contains("absolute http or https URL");
                });
    }

    @Test
    void aWebhookWithoutUrlOrWithAnUnknownFormatIsRefused() throws IOException {
        Path noUrl = write("""
                watches:
                  - id: exports
                    when: {topics: [export-controls]}
                    webhook:
                      format: json
                """);
        assertThatThrownBy(() -> WatchFile.load(noUrl, SHIPPED)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("webhook has no url");

        Path teams = write("""
                watches:
                  - id: exports
                    when: {topics: [export-controls]}
                    webhook:
                      url: https://hooks.example.com/a
                      format: teams
                """);
        assertThatThrownBy(() -> WatchFile.load(teams, SHIPPED)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("webhook format 'teams' is not supported");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(directory, "watches", ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
