package dev.newswatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ConfigReloaderTest {

    @TempDir
    Path directory;
    private final List<Map<?, ?>> loaded = new ArrayList<>();
    private final List<ReloadOutcome> outcomes = new CopyOnWriteArrayList<>();

    private Path first;
    private ConfigReloader reloader;

    @BeforeEach
    void twoFilesInForce() throws IOException {
        first = write("first.yml", "a: 1\n");
        Path second = write("second.yml", "b: 1\n");
        reloader = new ConfigReloader("test", List.of(first, second), () -> {
            loaded.add(ConfigLoader.load(first, Map.class));
            loaded.add(ConfigLoader.load(second, Map.class));
        }, outcomes::add);
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(directory.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void reloadsBothFilesWhenEitherChangesAndTheChangeHasSettled() throws IOException {

        assertThat(reloader.check()).as("unchanged").isFalse();
        write("second.yml", "b: 2\n");
        assertThat(reloader.check()).as("changed since the last check: maybe still being written").isFalse();
        assertThat(loaded).isEmpty();
        assertThat(reloader.check()).as("read the same twice").isTrue();
        assertThat(reloader.check()).as("the same content again").isFalse();

        assertThat(loaded).containsExactly(Map.of("a", 1), Map.of("b", 2));
        assertThat(outcomes).containsExactly(ReloadOutcome.RELOADED);
    }

    @Test
    void aFileCaughtHalfWrittenIsNeverPutInForce() throws IOException {

        // The first half of a copy: valid YAML, but not what the user is writing.
        write("first.yml", "a: 1\nc:\n");
        assertThat(reloader.check()).isFalse();
        write("first.yml", "a: 1\nc:\n  d: 4\n");
        assertThat(reloader.check()).as("still changing").isFalse();
        assertThat(reloader.check()).isTrue();

        assertThat(loaded).containsExactly(Map.of("a", 1, "c", Map.of("d", 4)), Map.of("b", 1));
        assertThat(outcomes).containsExactly(ReloadOutcome.RELOADED);
    }

    @Test
    void aFileThatGoesMissingIsRejectedOnceAndReloadedWhenItReturns() throws IOException {

        Files.delete(first);
        assertThat(reloader.check()).isFalse();
        assertThat(reloader.check()).isFalse();
        assertThat(reloader.check()).isFalse();
        assertThat(outcomes).as("one rejection per edit, not per check").containsExactly(ReloadOutcome.REJECTED);

        write("first.yml", "a: 3\n");
        reloader.check();
        assertThat(reloader.check()).isTrue();
        assertThat(loaded).containsExactly(Map.of("a", 3), Map.of("b", 1));
        assertThat(outcomes).containsExactly(ReloadOutcome.REJECTED, ReloadOutcome.RELOADED);
    }

    @Test
    void anEmptiedFileIsRejectedAndTheFileBackAsItWasIsTakenAgain() throws IOException {

        write("first.yml", "");
        reloader.check();
        assertThat(reloader.check()).isFalse();
        write("first.yml", "a: 1\n");
        reloader.check();
        assertThat(reloader.check()).as("the file as the service runs it, after a rejected edit").isTrue();

        assertThat(outcomes).containsExactly(ReloadOutcome.REJECTED, ReloadOutcome.RELOADED);
    }

    @Test
    void countsEachOutcomeUnderTheServiceAndWhatTheFilesHold() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConfigReloader counted = new ConfigReloader("test", List.of(first), () -> ConfigLoader.load(first, Map.class),
                new ConfigReloads(registry, "enricher", "dictionary"));

        write("first.yml", "a: [1\n");
        counted.check();
        counted.check();

        assertThat(registry.get("newswatch.enricher.config.reloads").tags("config", "dictionary", "outcome", "rejected")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("newswatch.enricher.config.reloads").tags("config", "dictionary", "outcome", "reloaded")
                .counter().count()).as("registered before any reload").isZero();
    }
}
