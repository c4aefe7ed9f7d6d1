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
        Path file = write("kafka:\n  bootstrapServers: broker-1:9092\n  partitions: 6\nenricher:\n  anything: goes\n");

        assertThat(ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isEqualTo(new KafkaSettings("broker-1:9092", 6, (short) 1, java.util.Map.of()));
        assertThat(ConfigLoader.loadSection(write("alerts: {}\n"), "kafka", KafkaSettings.class))
                .isEqualTo(KafkaSettings.defaults());
    }

    @Test
    void anErrorInASectionNamesTheFieldWithItsSection() throws IOException {
        Path file = write("ingester: 1\nkafka:\n  partitions: -2\n");

        assertThatThrownBy(() -> ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("kafka.partitions");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).endsWith("partitions: must be at least 1, not -2");
                });
    }

    @Test
    void aMisspeltSectionIsRefusedByEveryServiceReadingTheFile() throws IOException {
        Path file = write("kafka:\n  partitions: 3\ningestor:\n  hostDelay: PT2S\n");

        for (String section : ConfigLoader.SECTIONS) {
            assertThatThrownBy(() -> ConfigLoader.loadSection(file, section, Object.class))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.field()).isEqualTo("ingestor");
                        assertThat(e.getMessage()).isEqualTo(file + ", line 3, field ingestor: unknown section "
                                + "'ingestor'; the sections are kafka, ingester, enricher, alerts");
                    });
        }
    }

    @Test
    void aSettingsFileThatIsAListIsRefusedNotReadAsDefaults() throws IOException {
        Path file = write("# settings\n- kafka:\n    partitions: 3\n");

        assertThatThrownBy(() -> ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).as("the whole file").isEmpty();
                    assertThat(e.getMessage()).isEqualTo(file + ", line 2: the file must be a map of the sections "
                            + "kafka, ingester, enricher, alerts, not a list");
                });
    }

    @Test
    void anEmptySettingsFileIsRefusedNotReadAsDefaults() throws IOException {
        Path file = write("# every setting deleted\n\n");

        assertThatThrownBy(() -> ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).as("the whole file").isEmpty();
                    assertThat(e.getMessage()).isEqualTo(file + ", line 1: the file is empty (or only comments); "
                            + "it must be a map of the sections kafka, ingester, enricher, alerts");
                });
        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .isEqualTo(file + ", line 1: the file is empty (or only comments); it must be a map of the"
                                + " fields watches"));
    }

    @Test
    void aKeyWrittenTwiceIsRefusedAtItsSecondLine() throws IOException {
        Path file = write("watches:\n  - id: chips\n    every: PT1M\n    topics: [capex]\n    every: PT5M\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("watches[0].every");
                    assertThat(e.getMessage()).startsWith(file + ", line 5, field watches[0].every: ")
                            .contains("Duplicate field 'every'");
                });
    }

    @Test
    void aKeyWrittenTwiceInAnotherServicesSectionIsRefusedToo() throws IOException {
        Path file = write("kafka:\n  partitions: 3\nalerts:\n  storyWindow: PT72H\n  storyWindow: PT1H\n");

        assertThatThrownBy(() -> ConfigLoader.loadSection(file, "kafka", KafkaSettings.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("alerts.storyWindow");
                });
    }

    @Test
    void anUnknownFieldIsNamedEvenWhenTheRecordWouldRejectWhatItGotInstead() throws IOException {
        Path file = write("watches:\n  - idd: chips\n    topics: [capex]\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Watches.class))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("watches[0].idd");
                    assertThat(e.getMessage()).endsWith("unknown field 'idd'; the fields here are id, topics, every");
                });
    }

    @Test
    void aSectionCheckedAgainstAnotherPointsAtTheFieldOrTheSectionThatLacksIt() throws IOException {
        Path file = write("kafka:\n  partitions: 6\nalerts:\n  metricsPort: 9403\n");

        assertThatThrownBy(() -> ConfigLoader.loadSection(file, "kafka", KafkaSettings.class, kafka ->
                List.of(ConfigProblem.at("/alerts/storyWindow", "needs one per partition"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).as("the alerts section, which leaves the field out").isEqualTo(3);
                    assertThat(e.field()).isEqualTo("alerts.storyWindow");
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
