package dev.newswatch.ingester.publish;

import static dev.newswatch.ingester.publish.ArticlePublisherIT.article;
import static dev.newswatch.ingester.publish.ArticlePublisherIT.publishFailure;
import static dev.newswatch.ingester.publish.ArticlePublisherIT.rawArticleIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.ingester.RestartableBroker;
import dev.newswatch.ingester.assignment.AssignmentConsumer;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.publish.Publisher.Publication;
import dev.newswatch.ingester.state.PublishedArticles;

/**
 * Two ingester instances with transactional ids of their own, fenced by their membership of the ingesters' group
 * on a real broker: an instance that stops polling (as a JVM paused by GC or cut off does) loses its membership and
 * its partition to the other, and when it wakes up with a batch in hand the group refuses its commit; the other
 * publishes that article, once.
 */
class GroupFenceIT {

    private static final String GROUP = "fence-it";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final TopicPartition SHARE = new TopicPartition(AssignmentConsumer.TOPIC, 0);

    @Test
    void anInstanceWhoseMembershipExpiredCannotCommitAndTheNewOwnerPublishesTheArticleOnce(@TempDir Path directory)
            throws Exception {
        try (RestartableBroker broker = RestartableBroker.start(directory)) {
            KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
            TopicCreator topics = new TopicCreator(kafka, "fence-it-admin");
            topics.ensure(List.of(Topics.RAW_ARTICLES));
            topics.ensureCompacted(Topics.INGESTER_PUBLISHED);
            topics.ensureCompacted(Topics.INGESTER_SOURCES);
            AssignmentConsumer.ensureTopic(kafka, 1);

            Map<String, Object> zombieConfig = kafka.consumer("fence-it-zombie", GROUP);
            // Not polling for this long ends its membership, as a pause past the session does.
            zombieConfig.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3000);
            try (KafkaConsumer<String, byte[]> zombie = new KafkaConsumer<>(zombieConfig)) {
                zombie.subscribe(List.of(AssignmentConsumer.TOPIC));
                await("the first instance owns the partition").atMost(TIMEOUT).until(() -> {
                    zombie.poll(Duration.ofMillis(100));
                    return zombie.assignment().contains(SHARE);
                });
                GroupFence asMember = new GroupFence(Map.of(SHARE, new OffsetAndMetadata(zombie.position(SHARE))),
                        zombie.groupMetadata());
                try (ArticlePublisher zombiePublisher = new ArticlePublisher(kafka, "fence-it-zombie",
                        new PublishedArticles(), producer -> { }, sourceId -> Optional.of(asMember))) {
                    assertThat(zombiePublisher.publish(article(1), "link-1")).as("published while a member")
                            .isEqualTo(Publication.NEW);

                    // The first instance polls no more; the second joins and gets the partition.
                    Set<Integer> owned = ConcurrentHashMap.newKeySet();
                    try (AssignmentConsumer owner = AssignmentConsumer.start(kafka, GROUP, "fence-it-owner",
                            new AssignmentConsumer.Assignments() {
                                @Override
                                public void assigned(Set<Integer> partitions) {
                                    owned.addAll(partitions);
                                }

                                @Override
                                public void revoked(Set<Integer> partitions) {
                                    owned.removeAll(partitions);
                                }

                                @Override
                                public void lost(Set<Integer> partitions) {
                                    owned.removeAll(partitions);
                                }
                            });
                         ArticlePublisher ownerPublisher = new ArticlePublisher(kafka, "fence-it-owner",
                                 new PublishedArticles(), producer -> { }, sourceId -> owner.fence(0))) {
                        await("the second instance owns the partition").atMost(TIMEOUT).until(() -> owned.contains(0));

                        IngestException refused = publishFailure(() -> zombiePublisher.publish(article(2), "link-2"));
                        System.out.println("GroupFence: the stale instance's commit was refused: "
                                + refused.getMessage());
                        assertThat(refused.kind()).isEqualTo(ErrorKind.FENCED);
                        assertThat(zombiePublisher.isUsable()).as("a refused commit is not fatal").isTrue();
                        assertThat(ownerPublisher.publish(article(2), "link-2")).isEqualTo(Publication.NEW);
                    }
                }
            }
            assertThat(rawArticleIds(kafka)).as("news.raw, read committed")
                    .containsExactly(article(1).id(), article(2).id());
        }
    }
}
