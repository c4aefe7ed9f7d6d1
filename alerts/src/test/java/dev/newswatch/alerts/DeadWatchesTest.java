package dev.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeadWatchesTest {

    private static final Path SHIPPED = Path.of("..", "config");

    @TempDir
    Path directory;
    private Path entities;
    private String shippedEntities;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DeadWatches deadWatches;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void watchACopyOfTheShippedDictionary() throws IOException {
        entities = Files.copy(SHIPPED.resolve("entities.yml"), directory.resolve("entities.yml"));
        Path topics = Files.copy(SHIPPED.resolve("topics.yml"), directory.resolve("topics.yml"));
        shippedEntities = Files.readString(entities, StandardCharsets.UTF_8);
        Watches watches = Watches.load(SHIPPED.resolve("watches.yml"), Vocabulary.load(entities, topics));
        deadWatches = new DeadWatches(watches, entities, topics, new AlertsMetrics(registry, watches.ids()));
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(stderr);
        deadWatches.close();
    }

    private double dead(String watchId) {
        return registry.get("newswatch.alerts.watches.dead").tag("watch", watchId).gauge().value();
    }

    private List<String> logLines(String level) {
        return log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(level)).toList();
    }

    private void writeEntities(String yaml) throws IOException {
        Path edited = directory.resolve("entities.yml.new");
        Files.writeString(edited, yaml, StandardCharsets.UTF_8);
        Files.move(edited, entities, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aWatchWhoseEntityIdIsRenamedAwayIsReportedDeadAndLiveAgainWhenTheIdReturns() throws IOException {
        assertThat(shippedEntities).contains("  - id: nvidia-h20\n");
        deadWatches.start(Duration.ofMillis(50));

        writeEntities(shippedEntities.replace("  - id: nvidia-h20\n", "  - id: nvidia-h20-china\n"));
        await().atMost(Duration.ofSeconds(10)).until(() -> dead("nvidia-china-exports") == 1.0);

        assertThat(dead("china-ai-chips")).isZero();
        assertThat(dead("ai-infra-capex")).isZero();
        assertThat(logLines("WARN")).singleElement().asString()
                .contains("Watch 'nvidia-china-exports' is dead", "[nvidia-h20]", "entities.yml");

        writeEntities(shippedEntities);
        await().atMost(Duration.ofSeconds(10)).until(() -> dead("nvidia-china-exports") == 0.0);

        // Unit tests log at WARN (see the parent pom), so the INFO line of the revival is not seen here.
        assertThat(logLines("WARN")).as("reported once, not at every check").hasSize(1);
        assertThat(registry.get("newswatch.alerts.dictionary.reloads").tag("outcome", "reloaded").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void aDictionaryThatDoesNotLoadLeavesTheWatchesAsTheyWereAndIsCounted() throws IOException {
        writeEntities("entities: [unclosed\n");

        assertThat(deadWatches.check()).isFalse();

        assertThat(dead("nvidia-china-exports")).isZero();
        assertThat(registry.get("newswatch.alerts.dictionary.reloads").tag("outcome", "rejected").counter().count())
                .isEqualTo(1.0);
        assertThat(logLines("ERROR")).singleElement().asString().contains("entities.yml");
    }
}
