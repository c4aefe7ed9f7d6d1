package dev.newswatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReloaderTest {

    @TempDir
    Path directory;
    private final List<Map<?, ?>> loaded = new ArrayList<>();
    private final AtomicInteger rejected = new AtomicInteger();

    private ConfigReloader reloaderOf(Path first, Path second) {
        return new ConfigReloader("test", List.of(first, second), () -> {
            loaded.add(ConfigLoader.load(first, Map.class));
            loaded.add(ConfigLoader.load(second, Map.class));
        }, rejected::incrementAndGet);
    }

    @Test
    void reloadsBothFilesWhenEitherChangesAndOnlyThen() throws IOException {
        Path first = Files.writeString(directory.resolve("first.yml"), "a: 1\n", StandardCharsets.UTF_8);
        Path second = Files.writeString(directory.resolve("second.yml"), "b: 1\n", StandardCharsets.UTF_8);
        ConfigReloader reloader = reloaderOf(first, second);

        assertThat(reloader.check()).as("unchanged").isFalse();
        Files.writeString(second, "b: 2\n", StandardCharsets.UTF_8);
        assertThat(reloader.check()).isTrue();
        assertThat(reloader.check()).as("the same content again").isFalse();

        assertThat(loaded).containsExactly(Map.of("a", 1), Map.of("b", 2));
        assertThat(rejected).hasValue(0);
    }

    @Test
    void aFileThatGoesMissingIsRejectedOnceAndReloadedWhenItReturns() throws IOException {
        Path first = Files.writeString(directory.resolve("first.yml"), "a: 1\n", StandardCharsets.UTF_8);
        Path second = Files.writeString(directory.resolve("second.yml"), "b: 1\n", StandardCharsets.UTF_8);
        ConfigReloader reloader = reloaderOf(first, second);

        Files.delete(first);
        assertThat(reloader.check()).isFalse();
        assertThat(reloader.check()).isFalse();
        assertThat(rejected).as("one rejection per edit, not per check").hasValue(1);

        Files.writeString(first, "a: 3\n", StandardCharsets.UTF_8);
        assertThat(reloader.check()).isTrue();
        assertThat(loaded).containsExactly(Map.of("a", 3), Map.of("b", 1));
    }
}
