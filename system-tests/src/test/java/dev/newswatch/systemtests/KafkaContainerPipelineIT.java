package dev.newswatch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.kafka.KafkaContainer;

import dev.newswatch.common.Topics;
import dev.newswatch.standalone.DemoCommand;
import dev.newswatch.standalone.DemoNewsSite;
import dev.newswatch.standalone.StandaloneSystem;

/**
 * The whole pipeline against Kafka in a container: the sample news site on this host, crawled, tagged and matched
 * by the three services, ends as alerts on the watches' own topics (demo-site/EXPECTED.md says which).
 */
@ExtendWith(ContainerEngine.class)
class KafkaContainerPipelineIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void sampleSiteArticlesBecomeAlertsOnTheWatchTopics(@TempDir Path work) throws Exception {
        try (KafkaContainer kafka = new KafkaContainer(System.getProperty("newswatch.kafka.image"));
                DemoNewsSite site = DemoNewsSite.start(0)) {
            kafka.start();
            Path sources = work.resolve("sources.yml");
            Files.writeString(sources, DemoCommand.demoSources(site.baseUrl(), Duration.ofSeconds(1)),
                    StandardCharsets.UTF_8);
            String broker = kafka.getBootstrapServers();
            try (StandaloneSystem services = InProcessServices.start(broker, sources, work, Duration.ofMillis(50))) {
                // One alert per watch and event, keyed <watch>:<event>; a later report of the event updates it.
                await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(alertKeys(broker, "china-ai-chips")).hasSize(4);
                            assertThat(alertKeys(broker, "ai-infra-capex")).hasSize(1);
                            assertThat(alertKeys(broker, "nvidia-china-exports")).hasSize(1);
                        });
                List<String> exportControls = CommittedRecords.values(broker, Topics.watchAlerts("nvidia-china-exports"));
                assertThat(exportControls).singleElement().asString()
                        .contains(site.baseUrl() + "/chipinsight/news/2001.euc-kr.html")
                        .contains("nvidia-h20", "export-controls", "미 상무부, 엔비디아 H20 대중국 수출 통제 강화 검토");
                assertThat(CommittedRecords.values(broker, Topics.watchAlerts("china-ai-chips")))
                        .noneMatch(alert -> alert.contains("/techbrief/news/1004.html"));
            }
        }
    }

    private static Set<String> alertKeys(String broker, String watchId) {
        return CommittedRecords.read(broker, Topics.watchAlerts(watchId)).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
