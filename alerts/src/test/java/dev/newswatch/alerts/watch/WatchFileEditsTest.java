package dev.newswatch.alerts.watch;

import static dev.newswatch.alerts.TestWatches.SHIPPED;
import static dev.newswatch.alerts.TestWatches.SHIPPED_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.config.ConfigReloader;
import dev.newswatch.common.config.ConfigReloads;
import dev.newswatch.common.events.Watch;
import dev.newswatch.testsupport.BadConfigEdits;
import dev.newswatch.testsupport.BadConfigEdits.BadEdit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Edits of the watches file while the service runs, read the way {@link WatchSeeder} reads them before it writes
 * anything to the watches topic: a bad edit is rejected with file, line and field and the watches in force stay.
 */
class WatchFileEditsTest {

    @TempDir
    Path directory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Map<String, Watch>> inForce = new AtomicReference<>();

    private ConfigReloader reloaderOf(Path file) {
        inForce.set(WatchFile.load(file, SHIPPED).byId());
        return new ConfigReloader("alerts-watches", List.of(file), () -> inForce.set(WatchFile.load(file, SHIPPED)
                .byId()), new ConfigReloads(registry, "alerts", "watches"));
    }

    private double reloads(String outcome) {
        return registry.get("newswatch.alerts.config.reloads").tags("config", "watches", "outcome", outcome)
                .counter().count();
    }

    @Test
    void everyBadEditIsRejectedNamingFileLineAndFieldAndTheWatchesInForceStay() throws IOException {
        String valid = Files.readString(SHIPPED_CONFIG.resolve("watches.yml"), StandardCharsets.UTF_8);
        Path file = Files.writeString(directory.resolve("watches.yml"), valid, StandardCharsets.UTF_8);
        ConfigReloader reloader = reloaderOf(file);
        Map<String, Watch> shipped = inForce.get();
        List<BadEdit> edits = new ArrayList<>(BadConfigEdits.anyFile(valid));
        edits.add(BadConfigEdits.replacing("unknown field", valid, "    severity: medium", "    severity_: medium",
                "watches[0].severity_", "unknown field 'severity_'"));
        edits.add(BadConfigEdits.replacing("invalid value", valid, "    severity: medium", "    severity: urgent",
                "watches[0].severity"));
        edits.add(BadConfigEdits.replacing("an id the dictionary lacks", valid, "[huawei, cambricon,",
                "[huawei-typo, cambricon,", "watches[0].when.any[0].companies[0]", "huawei-typo"));

        BadConfigEdits.assertEachRejected(file, valid, edits, reloader::check,
                () -> assertThat(inForce.get()).as("the watches in force").isEqualTo(shipped));

        assertThat(reloads("rejected")).isEqualTo(edits.size());
    }

    @Test
    void aWatchesFileCaughtHalfWrittenIsNeverPutInForce() throws IOException {
        String valid = Files.readString(SHIPPED_CONFIG.resolve("watches.yml"), StandardCharsets.UTF_8);
        Path file = Files.writeString(directory.resolve("watches.yml"), valid, StandardCharsets.UTF_8);
        ConfigReloader reloader = reloaderOf(file);
        String added = valid + """
                  - id: kuaishou-video
                    name: Kuaishou video
                    when:
                      keywords: [콰이쇼우]
                """;

        BadConfigEdits.writeInTwoHalves(file, added, reloader::check);

        assertThat(inForce.get()).containsKey("kuaishou-video").hasSize(WatchFile.load(
                SHIPPED_CONFIG.resolve("watches.yml"), SHIPPED).byId().size() + 1);
        assertThat(reloads("rejected")).isZero();
    }

    @Test
    void anEntityWhoseKindIsMisspeltIsRefusedRatherThanDroppedWithEveryWatchNamingIt() throws IOException {
        String valid = Files.readString(SHIPPED_CONFIG.resolve("entities.yml"), StandardCharsets.UTF_8);
        Path entities = Files.writeString(directory.resolve("entities.yml"),
                valid.replaceFirst("\n    kind: company\n", "\n    kindd: company\n"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Vocabulary.load(entities, SHIPPED_CONFIG.resolve("topics.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(entities + ", line ")
                .hasMessageContaining(", field entities[0]: has no kind");
    }
}
