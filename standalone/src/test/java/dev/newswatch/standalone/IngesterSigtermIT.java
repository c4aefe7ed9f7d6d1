package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.IngesterMain;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * The ingester in its own JVM gets SIGTERM while it waits on an article page that does not answer: it abandons
 * that fetch at once rather than waiting out its 60 s timeout, exits cleanly, and leaves no open transaction: what
 * it had published is committed. Started again, it publishes the rest, and nothing twice.
 */
class IngesterSigtermIT {

    private static final int ARTICLES = 12;
    /** The article request that hangs until the test lets it go: the fetch in flight at SIGTERM. */
    private static final int HANGING_REQUEST = 6;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
    private final KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    private final AtomicInteger articleRequests = new AtomicInteger();
    private final CountDownLatch hangingRequestArrived = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private HttpServer site;

    @AfterEach
    void stop() {
        letGo.countDown();
        if (site != null) {
            site.stop(0);
        }
        broker.close();
    }

    @Test
    void sigtermMidFetchExitsCleanlyWithEverythingPublishedCommittedAndNothingLostOrDoubled() throws Exception {
        startSite();
        Path config = writeConfig();

        long publishedBeforeStop;
        try (ServiceProcess ingester = startIngester(config)) {
            assertThat(hangingRequestArrived.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("the ingester reached the page that hangs; stderr:%n%s", ingester.stderr()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> committedArticles().size() == HANGING_REQUEST - 1);

            long stopStarted = System.nanoTime();
            int exit = ingester.terminate(STOP_TIMEOUT);
            Duration stopping = Duration.ofNanos(System.nanoTime() - stopStarted);

            assertThat(exit).as("exit status after SIGTERM; stderr:%n%s", ingester.stderr())
                    .isEqualTo(ServiceProcess.EXIT_AFTER_SIGTERM);
            System.out.printf("IngesterSigtermIT: stopped in %d ms with a fetch in flight%n", stopping.toMillis());
            assertCleanStop(ingester.stderr());
            for (String topic : List.of(Topics.RAW_ARTICLES, Topics.INGESTER_PUBLISHED, Topics.INGESTER_SOURCES)) {
                assertThat(committedEnd(topic)).as("no transaction left open on %s", topic).isEqualTo(writtenEnd(topic));
            }
            publishedBeforeStop = committedArticles().size();
            assertThat(publishedBeforeStop).isEqualTo(HANGING_REQUEST - 1);
        }

        letGo.countDown();
        try (ServiceProcess again = startIngester(config)) {
            await().atMost(START_TIMEOUT).until(() -> committedArticles().size() >= ARTICLES);
            List<RawArticle> published = committedArticles();
            Map<String, Long> copies = published.stream()
                    .collect(Collectors.groupingBy(RawArticle::url, Collectors.counting()));
            System.out.printf("IngesterSigtermIT: listed %d, published %d before SIGTERM, %d in all, %d distinct%n",
                    ARTICLES, publishedBeforeStop, published.size(), copies.size());
            assertThat(copies).hasSize(ARTICLES).allSatisfy((url, count) -> assertThat(count).as(url).isEqualTo(1));
            assertThat(again.terminate(STOP_TIMEOUT)).isEqualTo(ServiceProcess.EXIT_AFTER_SIGTERM);
        }
    }

    private ServiceProcess startIngester(Path config) {
        return ServiceProcess.start("ingester", IngesterMain.class, List.of(config.toString()),
                Map.of("NEWSWATCH_LOG_FORMAT", "json"), directory);
    }

    /** One JSON object per line, no error, and the service's own word that it stopped. */
    private static void assertCleanStop(String log) throws IOException {
        for (String line : log.lines().toList()) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.path("level").asText()).as(line).isIn("INFO", "WARN");
            assertThat(event.path("context").path("properties").path("service").asText()).as(line).isEqualTo("ingester");
        }
        assertThat(log).contains("\"formattedMessage\":\"ingester stopped\"");
    }

    private List<RawArticle> committedArticles() {
        try (TopicRecords<RawArticle> records = new TopicRecords<>(kafka, Topics.RAW_ARTICLES, RawArticle.class)) {
            return records.values();
        }
    }

    /** The end a read_committed consumer sees on each partition: short of the written end while a transaction is open. */
    private Map<TopicPartition, Long> committedEnd(String topic) throws Exception {
        return ends(topic, IsolationLevel.READ_COMMITTED);
    }

    private Map<TopicPartition, Long> writtenEnd(String topic) throws Exception {
        return ends(topic, IsolationLevel.READ_UNCOMMITTED);
    }

    private Map<TopicPartition, Long> ends(String topic, IsolationLevel isolation) throws Exception {
        try (Admin admin = Admin.create(kafka.admin("test-offsets"))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        }
    }

    private Path writeConfig() throws IOException {
        Path sources = directory.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: slow-site
                    outlet: Slow Site
                    kind: feed
                    url: http://127.0.0.1:%d/rss.xml
                    pollInterval: PT1M
                    allowPrivateAddresses: true
                """.formatted(site.getAddress().getPort()), StandardCharsets.UTF_8);
        Path config = directory.resolve("newswatch.yml");
        Files.writeString(config, """
                kafka:
                  bootstrapServers: %s
                ingester:
                  metricsPort: 0
                  sourcesFile: %s
                  hostDelay: PT0S
                  fetchTimeout: PT60S
                  transactionalId: sigterm-test
                """.formatted(broker.bootstrapServers(), sources), StandardCharsets.UTF_8);
        return config;
    }

    /** An RSS feed of {@link #ARTICLES} articles; the {@link #HANGING_REQUEST}th article request hangs until let go. */
    private void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.setExecutor(Executors.newCachedThreadPool());
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        site.createContext("/rss.xml", exchange -> respond(exchange, 200, "application/rss+xml; charset=utf-8",
                feed(base)));
        site.createContext("/news/", exchange -> {
            if (articleRequests.incrementAndGet() == HANGING_REQUEST) {
                hangingRequestArrived.countDown();
                awaitQuietly(letGo);
            }
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/news/".length()));
            respond(exchange, 200, "text/html; charset=utf-8", page(n));
        });
        site.createContext("/", exchange -> respond(exchange, 404, "text/plain", "not found"));
        site.start();
    }

    private static String feed(String base) {
        Function<Integer, String> item = n -> """
                <item><title>Chip plant %1$d opens</title><link>%2$s/news/%1$d</link><guid>%2$s/news/%1$d</guid>
                <pubDate>Mon, 30 Nov 2026 %3$02d:00:00 GMT</pubDate></item>
                """.formatted(n, base, n);
        StringBuilder feed = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Slow Site</title><link>%s/</link><description>d</description>
                """.formatted(base));
        for (int n = ARTICLES; n >= 1; n--) {
            feed.append(item.apply(n));
        }
        return feed.append("</channel></rss>\n").toString();
    }

    private static String page(int n) {
        String paragraph = ("<p>Plant %d of the chip maker started its first production line this week, the company said"
                + " in a statement on Monday. The line makes memory for data centres and employs four hundred people,"
                + " with a second line planned for the spring of next year if demand holds.</p>").formatted(n);
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chip plant %1$d opens</title>
                <meta property="article:published_time" content="2026-11-30T%1$02d:00:00Z"></head>
                <body><article><h1>Chip plant %1$d opens</h1>%2$s%2$s%2$s</article></body></html>
                """.formatted(n, paragraph);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The ingester hung up on the page it abandoned at SIGTERM.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
