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

class WatchesTest {

    private static final Vocabulary SHIPPED = Vocabulary.load(Path.of("..", "config", "entities.yml"),
            Path.of("..", "config", "topics.yml"));

    @TempDir
    Path directory;

    @Test
    void projectWatchesFileDefinesTheThreeSharedWatches() {
        Watches watches = Watches.load(Path.of("..", "config", "watches.yml"), SHIPPED);

        assertThat(watches.ids()).containsExactly("china-ai-chips", "nvidia-china-exports", "ai-infra-capex");
        assertThat(watches.watches().get(1).anyTopics()).containsExactly("export-controls");
        assertThat(watches.watches().get(2).anyEntities()).isEmpty();
    }

    @Test
    void invalidWatchIdIsReportedWithLineAndField() throws IOException {
        Path file = write("""
                watches:
                  - id: china-ai-chips
                    anyEntities: [huawei]
                  - id: Nvidia Exports
                    anyTopics: [export-controls]
                """);

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("watches[1].id");
                    assertThat(e.getMessage()).contains("Nvidia Exports");
                });
    }

    @Test
    void anIdTheDictionariesDoNotDefineIsReportedWithLineAndField() throws IOException {
        Path file = write("""
                watches:
                  - id: chips
                    anyEntities:
                      - huawei
                      - huawai
                  - id: exports
                    anyTopics: [export-control]
                """);

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("watches[0].anyEntities[1]");
                    assertThat(e.getMessage()).contains("no entity 'huawai' in ").contains("entities.yml")
                            .endsWith("(and 1 more problems)");
                });
    }

    @Test
    void duplicateWatchIdIsReportedAtTheSecondOne() throws IOException {
        Path file = write("""
                watches:
                  - id: capex
                    anyTopics: [capex]
                  - id: capex
                    anyTopics: [data-center]
                """);

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("watches[1].id");
                    assertThat(e.getMessage()).contains("already used by watches[0]");
                });
    }

    @Test
    void watchWithNeitherListIsRejected() throws IOException {
        Path file = write("""
                watches:
                  - id: china-ai-chips
                    anyEntities: [huawei]
                  - id: everything
                    name: Everything
                    anyEntities: []
                """);

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("watches[1].id");
                    assertThat(e.getMessage()).contains("would match every article");
                });
    }

    @Test
    void misspeltFieldIsReportedByName() throws IOException {
        Path file = write("""
                watches:
                  - id: nvidia-china-exports
                    anyEntity: [nvidia]
                """);

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("watches[0].anyEntity");
                    assertThat(e.getMessage()).contains("unknown field 'anyEntity'");
                });
    }

    @Test
    void entityIdThatIsNotAnIdIsRejected() throws IOException {
        Path file = write("""
                watches:
                  - id: china-ai-chips
                    anyEntities:
                      - huawei
                      - Cambricon
                """);

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("watches[0].anyEntities[1]");
                    assertThat(e.getMessage()).contains("'Cambricon'");
                });
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("# nothing yet\n");

        assertThatThrownBy(() -> Watches.load(file, SHIPPED))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ", line 1: the file is empty (or only comments); it must be a map of the fields"
                        + " watches");
    }

    @Test
    void alertsSectionOfTheSharedConfigFileGivesDefaultsAndOverrides() throws IOException {
        Path file = write("""
                kafka: {bootstrapServers: 127.0.0.1:9092}
                alerts: {watchesFile: other/watches.yml, commitInterval: PT1S}
                """);

        AlertsSettings settings = AlertsSettings.load(file);

        assertThat(settings.watchesFile()).isEqualTo(Path.of("other", "watches.yml"));
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.metricsPort()).isEqualTo(AlertsSettings.DEFAULT_METRICS_PORT);
        assertThat(settings.applicationId()).isEqualTo("newswatch-alerts");
        assertThat(settings.stateDirectory()).isEqualTo(Path.of("data", "streams"));
        assertThat(settings.withMetricsPort(0).metricsPort()).isZero();
    }

    @Test
    void invalidSettingIsReportedOnItsOwnLine() throws IOException {
        Path file = write("""
                alerts:
                  watchesFile: config/watches.yml
                  commitInterval: PT0S
                """);

        assertThatThrownBy(() -> AlertsSettings.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("alerts.commitInterval");
                });
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("watches.yml"), yaml, StandardCharsets.UTF_8);
    }
}
