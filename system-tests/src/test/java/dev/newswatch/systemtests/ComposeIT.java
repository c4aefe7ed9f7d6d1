package dev.newswatch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;

import dev.newswatch.common.Topics;
import dev.newswatch.standalone.DemoCommand;
import dev.newswatch.standalone.DemoNewsSite;

/**
 * docker-compose.yml, run with README's commands over the container engine's API: Kafka, the three services built
 * from this checkout's jars and Prometheus come up; the sample news site, served on this host, is crawled from a
 * container; an alert arrives on its watch's topic; Prometheus's HTTP API shows the services' counters moved; and
 * {@code docker-compose down -v} leaves no container, network or volume behind.
 *
 * <p>Host ports are free ones chosen here (README's NEWSWATCH_*_PORT variables), the services' config is
 * config/ with the sample site as the only source (NEWSWATCH_CONFIG_DIR), and containers reach this host by
 * podman's name for it, host.containers.internal.
 */
@ExtendWith(ContainerEngine.class)
class ComposeIT {

    /** README's compose commands, in order; the jars they build from are made by this module's reactor. */
    private static final List<List<String>> UP = List.of(
            List.of("docker-compose", "build"),
            List.of("docker-compose", "up", "-d"));
    private static final List<String> DOWN = List.of("docker-compose", "down", "-v");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(4);
    private static final String CONTAINER_HOST = "host.containers.internal";
    private static final int SAMPLE_ARTICLES = 7;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void composeRunsThePipelineAndPrometheusSeesItsCountersMove(@TempDir Path work) throws Exception {
        String project = "newswatchit" + ThreadLocalRandom.current().nextInt(1_000_000);
        Map<String, String> environment = new HashMap<>(Map.of("COMPOSE_PROJECT_NAME", project));
        for (String port : List.of("KAFKA", "INGESTER", "ENRICHER", "ALERTS", "PROMETHEUS")) {
            environment.put("NEWSWATCH_" + port + "_PORT", String.valueOf(freePort()));
        }
        String kafka = "localhost:" + environment.get("NEWSWATCH_KAFKA_PORT");
        int prometheusPort = Integer.parseInt(environment.get("NEWSWATCH_PROMETHEUS_PORT"));

        // Containers reach this host through their network's gateway: the site listens on every interface.
        try (DemoNewsSite site = DemoNewsSite.start("0.0.0.0", 0, CONTAINER_HOST)) {
            environment.put("NEWSWATCH_CONFIG_DIR", configCrawlingOnly(site, work).toString());
            Path log = work.resolve("compose.log");
            try {
                for (List<String> command : UP) {
                    run(command, environment, log);
                }
                await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(
                                CommittedRecords.values(kafka, Topics.watchAlerts("nvidia-china-exports")))
                                .singleElement().asString()
                                .contains(site.baseUrl() + "/chipinsight/news/2001.euc-kr.html"));
                // Each service started from zero: a counter above zero has moved.
                await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(prometheus(prometheusPort,
                                    "sum(newswatch_alerts_raised_total{watch=\"nvidia-china-exports\"})"))
                                    .isEqualTo(1);
                            assertThat(prometheus(prometheusPort, "sum(newswatch_ingester_articles_published_total)"))
                                    .isEqualTo(SAMPLE_ARTICLES);
                        });
            } finally {
                run(DOWN, environment, log);
            }
        }
        assertNothingLeft(project);
    }

    /** The project's config/ with the sample site as the only source, readable by the containers' user. */
    private static Path configCrawlingOnly(DemoNewsSite site, Path work) throws IOException {
        Path config = Files.createDirectory(work.resolve("config"));
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Files.writeString(config.resolve("sources.yml"), DemoCommand.demoSources(site.baseUrl(), Duration.ofSeconds(2)),
                StandardCharsets.UTF_8);
        for (Path path : List.of(work, config)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return config.toAbsolutePath();
    }

    /** The value of a PromQL query whose answer is one number; fails while there is none. */
    private double prometheus(int port, String query) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("Prometheus %s", query).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("data").path("result");
        assertThat(result).as("Prometheus %s: %s", query, response.body()).hasSize(1);
        return result.get(0).path("value").get(1).asDouble();
    }

    private static void assertNothingLeft(String project) {
        DockerClient docker = DockerClientFactory.instance().client();
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", project)).exec())
                .as("containers of %s after down", project).isEmpty();
        assertThat(docker.listNetworksCmd().exec()).as("networks after down")
                .noneMatch(network -> network.getName().startsWith(project + "_"));
        assertThat(docker.listVolumesCmd().exec().getVolumes()).as("volumes after down")
                .noneMatch(volume -> volume.getName().startsWith(project + "_"));
    }

    private static void run(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("`%s` %s; its output:%n%s", String.join(" ", command),
                        finished ? "exited " + process.exitValue() : "timed out", Files.readString(log))
                .isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
