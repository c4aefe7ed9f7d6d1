package dev.newswatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    record Watch(String id, List<String> topics, Duration every) {
        Watch {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id is required");
            }
            topics = topics == null ? List.of() : topics;
            every = every == null ? Duration.ofMinutes(5) : every;
        }
    }

    record Watches(List<Watch> watches) {
    }

    @TempDir
    Path directory;

    @Test
    void readsRecordsAndAppliesTheirDefaults() throws IOException {
        Path file = write("watches:\n  - id: chips\n    topics: [capex]\n  - id: exports\n    every: PT30S\n");

        Watches loaded = ConfigLoader.load(file, Watches.class);

        assertThat(loaded.watches()).containsExactly(
                new Watch("chips", List.of("capex"), Duration.ofMinutes(5)),
                new Watch("exports", List.of(), Duration.ofSeconds(30)));
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws IOException {
        Path file = write("watches:\n  - id: chips\n  - id: exports\n    topicz: [capex]\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("watches[1].topicz");
                    assertThat(e.getMessage()).startsWith(file + ", line 4, field watches[1].topicz: ");
                });
    }

    @Test
    void aValueTheRecordRejectsIsNamedWithItsLineAndReason() throws IOException {
        Path file = write("watches:\n  - id: chips\n  - topics: [capex]\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("watches[1]");
                    assertThat(e.getMessage()).endsWith("id is required");
                });
    }

    @Test
    void aMistypedValueIsNamed() throws IOException {
        Path file = write("watches:\n  - id: chips\n    every: often\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("watches[0].every");
                });
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        Path file = write("watches:\n  - id: chips\n   bad indent: [\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void validationProblemsPointAtTheirLine() throws IOException {
        Path file = write("watches:\n  - id: chips\n    topics:\n      - capex\n      - capx\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class, loaded -> {
            List<ConfigProblem> problems = new ArrayList<>();
            List<String> topics = loaded.watches().get(0).topics();
            for (int i = 0; i < topics.size(); i++) {
                if (!topics.get(i).equals("capex")) {
                    problems.add(ConfigProblem.at("/watches/0/topics/" + i, "unknown topic '" + topics.get(i) + "'"));
                }
            }
            return problems;
        })).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.field()).isEqualTo("watches[0].topics[1]");
            assertThat(e.getMessage()).endsWith("unknown topic 'capx'");
        });
    }

    @Test
    void aSectionIsReadAloneAndAMissingOneGivesDefaults() throws IOException {
        Path file = write("kafka:\n  bootstrapServers: broker-1:9092\n  partitions: 6\nother:\n  anything: goes\n");

        assertThat(ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isEqualTo(new KafkaSettings("broker-1:9092", 6, (short) 1, java.util.Map.of()));
        assertThat(ConfigLoader.loadSection(write("other: {}\n"), "kafka", KafkaSettings.class))
                .isEqualTo(KafkaSettings.defaults());
    }

    @Test
    void anErrorInASectionNamesTheFieldWithItsSection() throws IOException {
        Path file = write("other: 1\nkafka:\n  partitions: -2\n");

        assertThatThrownBy(() -> ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("kafka.partitions");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).endsWith("partitions: must be at least 1, not -2");
                });
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("nowhere.yml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Watches.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": file not found");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(directory, "config", ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
