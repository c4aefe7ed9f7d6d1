package dev.newswatch.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The newswatch.yml an alerts service in its own JVM runs with in a test: the test's broker, its own metrics port,
 * watches file, application id and state directory, and the shipped entity and topic catalogs of the module's
 * {@code config/}. The {@code newswatch watches} commands read the same file.
 */
public final class AlertsSettingsFile {

    private static final Path SHIPPED = Path.of("config");

    private AlertsSettingsFile() {
    }

    /** Writes {@code newswatch.yml} into {@code directory}, with the state directory beside it, and returns it. */
    public static Path write(Path directory, String bootstrapServers, int metricsPort, Path watchesFile,
            String applicationId) throws IOException {
        Path shipped = SHIPPED.toAbsolutePath();
        return Files.writeString(directory.resolve("newswatch.yml"), """
                kafka:
                  bootstrapServers: %s
                alerts:
                  metricsPort: %d
                  watchesFile: "%s"
                  entitiesFile: "%s"
                  topicsFile: "%s"
                  applicationId: %s
                  stateDirectory: "%s"
                """.formatted(bootstrapServers, metricsPort, watchesFile.toAbsolutePath(),
                shipped.resolve("entities.yml"), shipped.resolve("topics.yml"), applicationId,
                directory.resolve("state").toAbsolutePath()), StandardCharsets.UTF_8);
    }
}
