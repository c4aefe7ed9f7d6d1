package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.enricher.grouping.StorySignature;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Two enricher instances with a standby replica each, one a process of its own killed (SIGKILL) in the middle of
 * a stream of real Korean news: the survivor takes over its tasks, the story and event indexes included, and
 * every article is on news.enriched exactly once (read_committed); copies of articles the killed instance indexed,
 * sent after the kill, join their stories and events instead of starting new ones.
 */
class EnricherTakeoverIT {

    private static final String APPLICATION = "enricher-takeover";
    /** Short, so the survivor is given the dead instance's tasks in seconds, not Kafka's default 45. */
    private static final Map<String, String> CLIENT = Map.of("session.timeout.ms", "8000");
    /** Kept after the test, for when the first instance did not start; integration tests run at the root. */
    private static final Path FIRST_LOG = Path.of("enricher", "target", "EnricherTakeoverIT-first.log");
    private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);

    @Test
    void theSurvivorTakesOverWithNothingLostDoubledOrRegrouped(@TempDir Path work) throws Exception {
        List<RawArticle> articles = KoreanDevArticles.load("EnricherTakeoverIT", Instant.now());
        List<RawArticle> before = articles.subList(0, articles.size() / 2);
        List<RawArticle> during = articles.subList(articles.size() / 2, articles.size());
        List<RawArticle> copies = before.stream().map(EnricherTakeoverIT::copyOf).toList();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 3, (short) 1, CLIENT);
            Process first = startProcess(broker.bootstrapServers(), work);
            try (Admin admin = Admin.create(kafka.admin("enricher-takeover-admin"))) {
                // The first instance alone owns every task, the story-index one included, when the stream starts.
                await().atMost(Duration.ofMinutes(2)).failFast("the first instance ended: "
                        + FIRST_LOG.toAbsolutePath(), () -> !first.isAlive()).until(() -> groupIsStable(admin, 1));
                String firstMember = awaitStoryIndexOwner(admin);
                send(kafka, before);
                Map<String, EnrichedArticle> indexed = awaitEnriched(kafka, before.size());
                try (EnricherService second = new EnricherService(EnricherSettings.defaults().withMetricsPort(0)
                        .withStateDirectory(work.resolve("second")).withApplicationId(APPLICATION)
                        .withStandbyReplicas(1), kafka)) {
                    second.start();
                    await().atMost(Duration.ofMinutes(2)).until(() -> groupIsStable(admin, 2));
                    // The index task stays where its state is: the kill below moves it, with its state.
                    assertThat(awaitStoryIndexOwner(admin)).as("member reading the story-index topic")
                            .isEqualTo(firstMember);
                    send(kafka, during);
                    first.destroyForcibly().waitFor();
                    Instant killed = Instant.now();
                    send(kafka, copies);

                    int expected = articles.size() + copies.size();
                    awaitEnriched(kafka, expected);
                    Duration recovery = Duration.between(killed, Instant.now());
                    awaitInputCommitted(admin);
                    List<EnrichedArticle> all = readAll(kafka);
                    Map<String, Long> perId = all.stream()
                            .collect(Collectors.groupingBy(article -> article.article().id(), Collectors.counting()));
                    Map<String, EnrichedArticle> byId = all.stream().collect(
                            Collectors.toMap(article -> article.article().id(), Function.identity(), (a, b) -> a));
                    List<RawArticle> groupable = before.stream().filter(EnricherTakeoverIT::hasStorySignature).toList();
                    long sameStory = groupable.stream().filter(original -> indexed.get(original.id()).storyId()
                            .equals(byId.get(copyOf(original).id()).storyId())).count();
                    long sameEvent = groupable.stream().filter(original -> indexed.get(original.id()).eventId()
                            .equals(byId.get(copyOf(original).id()).eventId())).count();
                    System.out.printf("takeover: sent %d, enriched %d records of %d articles, doubled %d, "
                            + "all enriched %.1f s after the kill; copies of %d groupable articles indexed before "
                            + "the kill: %d kept the story id, %d the event id%n", expected, all.size(),
                            perId.size(), all.size() - perId.size(), recovery.toMillis() / 1000.0, groupable.size(),
                            sameStory, sameEvent);

                    assertThat(perId).as("records per article on news.enriched").hasSize(expected)
                            .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
                    assertThat(groupable).isNotEmpty();
                    assertThat(sameStory).as("copies that kept their story").isEqualTo(groupable.size());
                    assertThat(sameEvent).as("copies that kept their event").isEqualTo(groupable.size());
                }
            } finally {
                first.destroyForcibly();
            }
        }
    }

    /** The first instance: an enricher process as an operator runs it, reading a configuration file of its own. */
    private static Process startProcess(String bootstrapServers, Path work) throws IOException {
        Path config = work.resolve("newswatch.yml");
        Path shipped = Path.of("config").toAbsolutePath();
        Files.writeString(config, """
                kafka:
                  bootstrapServers: %s
                  properties: {session.timeout.ms: "8000"}
                enricher:
                  metricsPort: 0
                  entitiesFile: %s
                  topicsFile: %s
                  applicationId: %s
                  stateDirectory: %s
                  standbyReplicas: 1
                """.formatted(bootstrapServers, shipped.resolve("entities.yml"), shipped.resolve("topics.yml"),
                APPLICATION, work.resolve("first")), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), EnricherMain.class.getName(),
                config.toString())
                .redirectErrorStream(true)
                .redirectOutput(FIRST_LOG.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("NEWSWATCH_"));
        return builder.start();
    }

    private static RawArticle copyOf(RawArticle article) {
        return new RawArticle(article.schemaVersion(), "copy-" + article.id(), "portal", "포털",
                article.url() + "#copy", article.title(), article.publishedAt(), null, article.fetchedAt(), "ko",
                null, null, article.text(), "copy-" + article.fingerprint());
    }

    private static boolean hasStorySignature(RawArticle article) {
        return new StorySignature().of(article.title(), article.text()) != null;
    }

    /**
     * The id of the group member assigned the story-index repartition topic's one partition. A stable group may
     * have it unassigned for a moment: a cooperative rebalance revokes a partition in one round and assigns it in
     * the next.
     */
    private static String awaitStoryIndexOwner(Admin admin) {
        return await().atMost(Duration.ofMinutes(1)).until(() -> storyIndexOwner(admin), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> storyIndexOwner(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(APPLICATION)).all().get().get(APPLICATION).members().stream()
                .filter(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> partition.topic().endsWith("-story-index-repartition")))
                .map(MemberDescription::consumerId).findFirst();
    }

    private static boolean groupIsStable(Admin admin, int members) throws InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APPLICATION)).all().get()
                    .get(APPLICATION);
            return group.groupState() == GroupState.STABLE && group.members().size() == members;
        } catch (ExecutionException e) {
            // The group exists only once the first instance has joined.
            return false;
        }
    }

    private static void send(KafkaSettings kafka, List<RawArticle> articles) {
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("enricher-takeover-producer"))) {
            for (RawArticle article : articles) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, article.id(),
                        RAW.serialize(Topics.RAW_ARTICLES, article)));
            }
        }
    }

    /** The first record of each article on news.enriched, once {@code count} articles are there. */
    private static Map<String, EnrichedArticle> awaitEnriched(KafkaSettings kafka, int count) {
        Map<String, EnrichedArticle> seen = new HashMap<>();
        String reader = "enricher-takeover-reader-" + System.nanoTime();
        try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer(reader, reader))) {
            consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
            await().atMost(Duration.ofMinutes(4)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.putIfAbsent(record.key(), ENRICHED.deserialize(record.topic(), record.value()));
                }
                return seen.size() >= count;
            });
        }
        return seen;
    }

    /** Until the enricher has committed every record of news.raw, so nothing it writes later can be missed. */
    private static void awaitInputCommitted(Admin admin) {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream().filter(partition -> partition.topic().equals(Topics.RAW_ARTICLES))
                    .forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return latest.size() == 3 && ends.entrySet().stream()
                    .allMatch(end -> committed.get(end.getKey()).offset() == end.getValue().offset());
        });
    }

    /** Every committed record of news.enriched, from the first to the last stable offset. */
    private static List<EnrichedArticle> readAll(KafkaSettings kafka) {
        List<EnrichedArticle> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer("enricher-takeover-count", null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED_ARTICLES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    all.add(ENRICHED.deserialize(record.topic(), record.value()));
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return all;
    }
}
