package dev.newswatch.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.newswatch.alerts.watch.Vocabulary;
import dev.newswatch.common.events.Severity;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.events.WatchCondition;

/** Watches written as conditions in the YAML of config/watches.yml, checked against the shipped dictionary. */
public final class TestWatches {

    /** The project's config/ directory: unit tests run in the module, integration tests in the project. */
    public static final Path SHIPPED_CONFIG = Files.isDirectory(Path.of("config")) ? Path.of("config")
            : Path.of("..", "config");
    public static final Vocabulary SHIPPED = Vocabulary.load(SHIPPED_CONFIG.resolve("entities.yml"),
            SHIPPED_CONFIG.resolve("topics.yml"));
    private static final ObjectMapper YAML = new YAMLMapper();

    private TestWatches() {
    }

    /** A watch of severity high, named after its id, whose condition is {@code when}, in YAML. */
    public static Watch watch(String id, String when) {
        return new Watch(Watch.SCHEMA_VERSION, id, "Watch " + id, "", Severity.HIGH, false, condition(when), null);
    }

    public static WatchCondition condition(String yaml) {
        try {
            return YAML.readValue(yaml, WatchCondition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
