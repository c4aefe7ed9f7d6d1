package dev.newswatch.enricher;

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
import dev.newswatch.common.config.ConfigLoader;

class EnricherSettingsTest {

    @TempDir
    Path directory;

    private EnricherSettings load(String yaml) throws IOException {
        Path file = directory.resolve("newswatch.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigLoader.loadSection(file, "enricher", EnricherSettings.class);
    }

    @Test
    void readsItsSectionOfTheSharedFile() throws IOException {
        EnricherSettings settings = load("""
                kafka: {bootstrapServers: 127.0.0.1:9092}
                enricher: {metricsPort: 9412, entitiesFile: conf/e.yml, topicsFile: conf/t.yml,
                           applicationId: my-enricher, stateDirectory: /var/lib/streams, commitInterval: PT1S,
                           storyWindow: PT24H, storySimilarity: 0.5, eventWindow: P3D, eventSimilarity: 0.4,
                           maxTextChars: 20000, standbyReplicas: 1}
                alerts: {metricsPort: 9403}
                """);

        assertThat(settings).isEqualTo(new EnricherSettings(9412, Path.of("conf", "e.yml"), Path.of("conf", "t.yml"),
                "my-enricher", Path.of("/var/lib/streams"), Duration.ofSeconds(1), Duration.ofHours(24), 0.5, Duration.ofDays(3), 0.4,
                20_000, 1));
    }

    @Test
    void theShippedSettingsFileLoads() {
        assertThat(ConfigLoader.loadSection(Path.of("..", "config", "newswatch.yml"), "enricher",
                EnricherSettings.class)).isEqualTo(EnricherSettings.defaults());
    }

    @Test
    void aMisspeltFieldIsNamedAtItsLine() {
        assertThatThrownBy(() -> load("""
                enricher:
                  storyWindow: PT24H
                  storySimilarty: 0.5
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("enricher.storySimilarty");
                    assertThat(e.getMessage()).contains("unknown field 'storySimilarty'");
                });
    }

    @Test
    void fillsInDefaultsForAMissingSectionAndKeepsPortZeroAsAnyFreePort() throws IOException {
        EnricherSettings settings = load("kafka: {}\n");

        assertThat(settings).isEqualTo(new EnricherSettings(9402, Path.of("config", "entities.yml"),
                Path.of("config", "topics.yml"), "newswatch-enricher", Path.of("data", "streams"),
                Duration.ofMillis(100), Duration.ofHours(72), 0.3, Duration.ofDays(7), 0.17, 50_000, 0));
        assertThat(settings.withMetricsPort(0).metricsPort()).isZero();
        assertThat(settings.withStateDirectory(directory).stateDirectory()).isEqualTo(directory);
    }

    @Test
    void rejectsANegativeStandbyReplicaCountNamingTheField() {
        assertThatThrownBy(() -> load("enricher: {standbyReplicas: -1}\n"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.getMessage()).contains("standbyReplicas").contains("0 or more"));
    }

    @Test
    void rejectsAStorySimilarityOutsideZeroToOneAndATinyTextLimitNamingTheField() {
        assertThatThrownBy(() -> load("enricher: {storySimilarity: 1.5}\n"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.getMessage()).contains("storySimilarity"));
        assertThatThrownBy(() -> load("enricher: {maxTextChars: 10}\n"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.getMessage()).contains("maxTextChars"));
        assertThatThrownBy(() -> load("enricher: {storyWindow: PT0S}\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains("storyWindow"));
    }

    @Test
    void rejectsAnImpossiblePortNamingTheLine() throws IOException {
        assertThatThrownBy(() -> load("""
                enricher:
                  metricsPort: 70000
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).contains("metricsPort");
                });
    }
}
