package dev.newswatch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.kafka.KafkaContainer;

import com.github.dockerjava.api.DockerClient;

import dev.newswatch.common.Topics;
import dev.newswatch.standalone.StandaloneSystem;

/**
 * The broker's container is stopped and started again while the services crawl, tag and match a stream of
 * articles: every article still reaches news.raw and news.enriched exactly once, as a read_committed consumer
 * counts them.
 */
@ExtendWith(ContainerEngine.class)
class BrokerRestartIT {

    private static final int ARTICLES = 40;
    /** Articles published before the restart: the rest flow during and after it. */
    private static final int RESTART_AFTER = 3;
    /** As {@code docker stop}: SIGTERM to the container's first process, SIGKILL if it still runs after this. */
    private static final int STOP_TIMEOUT_SECONDS = 10;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void restartingTheBrokerMidStreamLosesAndDoublesNothing(@TempDir Path work) throws Exception {
        int brokerPort = freePort();
        try (KafkaContainer kafka = new KafkaContainer(System.getProperty("newswatch.kafka.image"));
                FlowingNewsSite site = FlowingNewsSite.start(ARTICLES)) {
            // A fixed host port: the broker advertises it, and a restarted container must come back on it.
            kafka.setPortBindings(List.of(brokerPort + ":9092"));
            kafka.start();
            String broker = kafka.getBootstrapServers();
            Path sources = work.resolve("sources.yml");
            Files.writeString(sources, """
                    sources:
                      - id: flow
                        outlet: 흐름뉴스
                        kind: feed
                        url: %s
                        pollInterval: PT1S
                        allowPrivateAddresses: true
                    """.formatted(site.feedUrl()), StandardCharsets.UTF_8);

            try (StandaloneSystem services = InProcessServices.start(broker, sources, work, Duration.ofMillis(250))) {
                await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> CommittedRecords.read(broker, Topics.RAW_ARTICLES).size() >= RESTART_AFTER);
                int publishedBeforeRestart = CommittedRecords.read(broker, Topics.RAW_ARTICLES).size();

                DockerClient docker = kafka.getDockerClient();
                docker.stopContainerCmd(kafka.getContainerId()).withTimeout(STOP_TIMEOUT_SECONDS).exec();
                docker.startContainerCmd(kafka.getContainerId()).exec();
                assertThat(publishedBeforeRestart).as("articles published before the restart").isLessThan(ARTICLES);

                await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(CommittedRecords.read(broker, Topics.RAW_ARTICLES)).hasSizeGreaterThanOrEqualTo(ARTICLES);
                            assertThat(CommittedRecords.read(broker, Topics.ENRICHED_ARTICLES)).hasSizeGreaterThanOrEqualTo(ARTICLES);
                        });
            }
            assertEachArticleOnce(broker, Topics.RAW_ARTICLES, site.articleUrls());
            assertEachArticleOnce(broker, Topics.ENRICHED_ARTICLES, site.articleUrls());
        }
    }

    private static void assertEachArticleOnce(String broker, String topic, List<String> urls) {
        List<ConsumerRecord<String, String>> records = CommittedRecords.read(broker, topic);
        Map<String, Long> copiesById = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(copiesById).as("%s: records per article id", topic).hasSize(urls.size())
                .allSatisfy((id, copies) -> assertThat(copies).as("copies of %s", id).isEqualTo(1));
        assertThat(urls).as("%s: every listed article", topic)
                .allSatisfy(url -> assertThat(records).map(ConsumerRecord::value)
                        .anyMatch(value -> value.contains("\"" + url + "\"")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
