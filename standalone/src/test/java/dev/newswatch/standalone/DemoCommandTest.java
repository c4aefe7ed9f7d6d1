package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.testsupport.ServiceProcess;
import picocli.CommandLine;

/**
 * {@code newswatch demo} refuses bad configuration and taken ports with one line, before it starts anything: each
 * test holds the sample site's port, so a demo that started the site (or checked ports) first would say so.
 */
class DemoCommandTest {

    private static final Path SHIPPED = Path.of("..", "config").toAbsolutePath().normalize();

    @TempDir
    Path directory;
    private ServerSocket heldSitePort;
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void holdTheSitePort() throws IOException {
        heldSitePort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void release() throws IOException {
        heldSitePort.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A newswatch.yml on free ports, reading the shipped files except where {@code entities} says otherwise. */
    private Path config(Path entities) throws IOException {
        return Files.writeString(directory.resolve("newswatch.yml"), """
                ingester:
                  metricsPort: %d
                enricher:
                  metricsPort: %d
                  entitiesFile: %s
                  topicsFile: %s
                alerts:
                  metricsPort: %d
                  watchesFile: %s
                  entitiesFile: %s
                  topicsFile: %s
                """.formatted(freePort(), freePort(), entities, SHIPPED.resolve("topics.yml"), freePort(),
                SHIPPED.resolve("watches.yml"), entities, SHIPPED.resolve("topics.yml")), StandardCharsets.UTF_8);
    }

    private int demo(Path config) throws IOException {
        CommandLine command = NewswatchCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(out, true));
        return command.execute("demo", "--config", config.toString(), "--data-dir", directory.resolve("data").toString(),
                "--site-port", Integer.toString(heldSitePort.getLocalPort()),
                "--broker-port", Integer.toString(freePort()), "--controller-port", Integer.toString(freePort()));
    }

    @Test
    void aBrokenSettingsFileIsRefusedBeforeAnythingStarts() throws IOException {
        Path broken = Files.writeString(directory.resolve("broken.yml"), """
                enricher:
                  storySimilarity: 7
                """, StandardCharsets.UTF_8);

        int exitCode = demo(broken);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("Cannot start: ").contains("broken.yml", "storySimilarity").doesNotContain("in use");
        assertThat(out.toString()).doesNotContain("Sample news site");
    }

    @Test
    void aBrokenDictionaryIsRefusedBeforeAnythingStarts() throws IOException {
        Path entities = Files.writeString(directory.resolve("entities.yml"), Files.readString(
                SHIPPED.resolve("entities.yml"), StandardCharsets.UTF_8) + "  - id: broken\n", StandardCharsets.UTF_8);

        int exitCode = demo(config(entities));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("Cannot start: ").contains("entities.yml").doesNotContain("in use");
        assertThat(out.toString()).doesNotContain("Sample news site");
    }

    @Test
    void aTakenPortIsOneLineNamingTheOptionThatMovesIt() throws IOException {
        int exitCode = demo(config(SHIPPED.resolve("entities.yml")));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("Cannot start: 127.0.0.1:" + heldSitePort.getLocalPort() + " is already in use, so the "
                        + "sample news site cannot listen there (is Newswatch or another Kafka already running, or "
                        + "still stopping?); choose another port with --site-port");
    }

    @Test
    void aKafkaVariableKafkaCannotReadIsOneLineNamingItAndExitStatus2() throws Exception {
        Path config = config(SHIPPED.resolve("entities.yml"));
        // In a JVM of its own: only there can the variable be set.
        ServiceProcess demo = ServiceProcess.start("demo-bad-variable", NewswatchCommand.class, List.of("demo",
                        "--config", config.toString(), "--data-dir", directory.resolve("data").toString(),
                        "--site-port", Integer.toString(heldSitePort.getLocalPort()),
                        "--broker-port", Integer.toString(freePort()), "--controller-port", Integer.toString(freePort())),
                Map.of("NEWSWATCH_KAFKA_LINGER_MS", "soon"), directory);
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> !demo.isAlive());
            assertThat(demo.terminate(Duration.ofSeconds(5))).as("exit status").isEqualTo(2);
            assertThat(demo.stderr().lines()).singleElement().asString()
                    .startsWith("Cannot start: environment variable NEWSWATCH_KAFKA_LINGER_MS: ").contains("soon");
        } finally {
            demo.close();
        }
    }

    @Test
    void aKafkaVariableSettingWhatNewswatchSetsIsRefusedNamingIt() throws IOException {
        Path config = config(SHIPPED.resolve("entities.yml"));

        assertThatThrownBy(() -> KafkaEnvironment.settings(config, Map.of("NEWSWATCH_KAFKA_ACKS", "1")))
                .isInstanceOf(KafkaEnvironment.BadVariable.class).hasMessageContaining("NEWSWATCH_KAFKA_ACKS");
        assertThat(KafkaEnvironment.settings(config, Map.of("NEWSWATCH_KAFKA_LINGER_MS", "20")).properties())
                .containsEntry("linger.ms", "20");
    }
}
