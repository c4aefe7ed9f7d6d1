package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.ingester.assignment.SourcePartitions;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * Two ingester instances, each in its own JVM as in production, share the sources of several hosts through
 * their consumer group: every article is published once and every page fetched once across both, a source added
 * while they run goes to one of them, and when one is killed the other polls its sources within 30 s, from the
 * crawl state and markers it left, with nothing lost or doubled. Prints the takeover time.
 */
class ShardedIngestersIT {

    private static final int PARTITIONS = 2;
    /** The default group of the ingesters. */
    private static final String GROUP = "newswatch-ingester";
    private static final int SITES_PER_PARTITION = 3;
    private static final int ITEMS = 30;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
    private static final Duration ALL_PUBLISHED_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern POLLS = Pattern.compile(
            "(?m)^newswatch_ingester_source_polls_total\\{([^}]*)\\} (\\S+)$");
    private static final Pattern SOURCE_TAG = Pattern.compile("source=\"([^\"]+)\"");

    @TempDir
    Path work;

    private RestartableBroker broker;
    /** The sites by source id, in the order they were added. */
    private final Map<String, GeneratedNewsSite> sites = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private Path sourcesFile;

    private record Instance(ServiceProcess process, int metricsPort) {
    }

    @RegisterExtension
    final AfterTestExecutionCallback printLogsOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            instances.forEach((id, instance) -> System.out.println("--- last 60 lines of ingester " + id + " ---\n"
                    + instance.process().logTail(60)));
        }
    };

    @AfterEach
    void stopEverything() {
        instances.values().forEach(instance -> instance.process().close());
        if (broker != null) {
            broker.close();
        }
        sites.values().forEach(GeneratedNewsSite::close);
    }

    @Test
    void twoInstancesSplitTheSitesAndTheSurvivorTakesOverTheKilledOnesWithin30Seconds() throws Exception {
        broker = RestartableBroker.start(work.resolve("kafka"));
        List<String> addresses = loopbackAddressesCoveringEveryPartition();
        // The file must list a source; the others come once both instances are in the group, or the first one
        // up would crawl them all before the second joins.
        String first = addSite(addresses.get(0));
        writeSources();
        startInstance("ingester-a");
        startInstance("ingester-b");
        awaitBothInstancesOwnPartitions();
        addresses.subList(1, addresses.size() - 1).forEach(address -> addSite(address));
        writeSources();

        awaitEveryArticlePublished();
        Map<String, Set<String>> polledBy = sourcesPolledByInstance();
        System.out.println("ShardedIngesters: sources polled by instance " + polledBy);
        assertThat(polledBy.values()).as("each instance polls some of the sources").allSatisfy(polled ->
                assertThat(polled).isNotEmpty());
        // The first source may have moved once, when the second instance joined; its pages are still fetched once.
        assertEachSourcePolledByOneInstance(polledBy, first);
        assertEveryPageFetchedOnce();

        // A source added to the file while both run goes to one of them.
        String added = addSite(addresses.get(addresses.size() - 1));
        writeSources();
        awaitEveryArticlePublished();
        Map<String, Set<String>> withAdded = sourcesPolledByInstance();
        assertEachSourcePolledByOneInstance(withAdded, first);
        assertThat(withAdded.values().stream().filter(polled -> polled.contains(added))).hasSize(1);
        assertEveryPageFetchedOnce();

        Set<String> orphaned = withAdded.get("ingester-a");
        Map<String, Integer> feedRequestsAtKill = new HashMap<>();
        Instant killedAt = Instant.now();
        instances.get("ingester-a").process().kill();
        orphaned.forEach(source -> feedRequestsAtKill.put(source, sites.get(source).feedRequests()));
        await("the survivor polls every source of the killed instance").atMost(TAKEOVER_LIMIT.plusSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> orphaned.stream().allMatch(source ->
                        sites.get(source).feedRequests() > feedRequestsAtKill.get(source)));
        Duration takeover = Duration.between(killedAt, Instant.now());
        System.out.printf("ShardedIngesters: instance killed (kill -9), its %d sources polled by the survivor after"
                + " %.1f s%n", orphaned.size(), takeover.toMillis() / 1000.0);
        assertThat(takeover).as("takeover of the killed instance's sources").isLessThanOrEqualTo(TAKEOVER_LIMIT);

        // Two more polls of each: a republication or a page fetched again after the takeover is counted too.
        Map<String, Integer> feedRequestsAfterTakeover = new HashMap<>();
        sites.forEach((source, site) -> feedRequestsAfterTakeover.put(source, site.feedRequests()));
        await("the survivor keeps polling every source").atMost(Duration.ofMinutes(1))
                .until(() -> sites.entrySet().stream().allMatch(site ->
                        site.getValue().feedRequests() >= feedRequestsAfterTakeover.get(site.getKey()) + 2));
        PublishedTally tally = tally();
        System.out.println(tally.line("two instances, one killed after " + sites.size() + " sites were crawled"));
        assertThat(tally.duplicates()).as("articles published more than once").isZero();
        assertThat(tally.losses()).as("listed articles never published: %s", tally.lost()).isZero();
        assertEveryPageFetchedOnce();
        assertThat(sourcesPolledByInstance("ingester-b")).containsAll(sites.keySet());
    }

    /**
     * Loopback addresses, each another host to the crawler, until every partition has its share of sites, plus
     * one more for the source added later.
     */
    private static List<String> loopbackAddressesCoveringEveryPartition() {
        SourcePartitions partitions = new SourcePartitions(PARTITIONS);
        Map<Integer, Integer> sitesPerPartition = new HashMap<>();
        List<String> addresses = new ArrayList<>();
        for (int n = 2; n < 250 && addresses.size() < PARTITIONS * SITES_PER_PARTITION; n++) {
            String address = "127.0.0." + n;
            int partition = partitions.of(Source.feed("probe", "probe", URI.create("http://" + address + "/rss.xml")));
            if (sitesPerPartition.merge(partition, 1, Integer::sum) <= SITES_PER_PARTITION) {
                addresses.add(address);
            }
        }
        addresses.add("127.0.0.250");
        return addresses;
    }

    private void awaitBothInstancesOwnPartitions() {
        try (Admin admin = Admin.create(KafkaSettings.forBootstrapServers(broker.bootstrapServers())
                .admin("sharded-it"))) {
            await("both instances own partitions").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> {
                        var members = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members();
                        return members.size() == 2 && members.stream()
                                .allMatch(member -> !member.assignment().topicPartitions().isEmpty());
                    });
        }
    }

    private String addSite(String address) {
        String id = "site-" + address.replace('.', '-');
        sites.put(id, GeneratedNewsSite.startOn(address, ITEMS));
        return id;
    }

    private void writeSources() throws IOException {
        Map<String, String> feeds = new LinkedHashMap<>();
        sites.forEach((id, site) -> feeds.put(id, site.feedUrl()));
        String file = IngesterFiles.feedSources(feeds, POLL_INTERVAL);
        // Written whole and moved into place, so the reloader never reads half a file.
        sourcesFile = work.resolve("sources.yml");
        Path next = work.resolve("sources.yml.next");
        Files.writeString(next, file, StandardCharsets.UTF_8);
        Files.move(next, sourcesFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An instance with a config of its own: the same but for its metrics port and instance id. */
    private void startInstance(String instanceId) throws IOException {
        int metricsPort = FreePorts.any();
        Path config = work.resolve("newswatch-" + instanceId + ".yml");
        Files.writeString(config, IngesterFiles.config(broker.bootstrapServers(), metricsPort, sourcesFile,
                Duration.ofMillis(20), "sharded-it", """
                  instanceId: %s
                  assignmentPartitions: %d
                """.formatted(instanceId, PARTITIONS)), StandardCharsets.UTF_8);
        instances.put(instanceId, new Instance(
                ServiceProcess.start(IngesterMain.class, config, metricsPort, work.resolve(instanceId + ".log")),
                metricsPort));
    }

    private Map<String, String> listed() {
        Map<String, String> listed = new HashMap<>();
        sites.values().forEach(site -> listed.putAll(site.articlesById()));
        return listed;
    }

    private PublishedTally tally() {
        return PublishedTally.read(broker.bootstrapServers(), listed());
    }

    private void awaitEveryArticlePublished() {
        await("every listed article published").atMost(ALL_PUBLISHED_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> tally().hasEveryListedArticle());
    }

    private void assertEveryPageFetchedOnce() {
        sites.forEach((source, site) -> IntStream.rangeClosed(1, site.items()).forEach(n ->
                assertThat(site.requestsFor(n)).as("requests of article %d of %s, across both instances", n, source)
                        .isEqualTo(1)));
    }

    private static void assertEachSourcePolledByOneInstance(Map<String, Set<String>> polledBy, String except) {
        Map<String, List<String>> instancesBySource = new HashMap<>();
        polledBy.forEach((instance, polled) -> polled.stream().filter(source -> !source.equals(except))
                .forEach(source -> instancesBySource.computeIfAbsent(source, any -> new ArrayList<>()).add(instance)));
        assertThat(instancesBySource).as("sources polled").hasSizeGreaterThanOrEqualTo(5);
        assertThat(instancesBySource).allSatisfy((source, pollers) ->
                assertThat(pollers).as("instances polling %s", source).hasSize(1));
    }

    private Map<String, Set<String>> sourcesPolledByInstance() {
        Map<String, Set<String>> polledBy = new LinkedHashMap<>();
        instances.keySet().forEach(id -> polledBy.put(id, sourcesPolledByInstance(id)));
        return polledBy;
    }

    /** The sources an instance has polled since it started, from its own polls counter. */
    private Set<String> sourcesPolledByInstance(String instanceId) {
        Set<String> polled = new TreeSet<>();
        Matcher series = POLLS.matcher(MetricsScrape.of(instances.get(instanceId).metricsPort()).text());
        while (series.find()) {
            Matcher source = SOURCE_TAG.matcher(series.group(1));
            if (Double.parseDouble(series.group(2)) > 0 && source.find()) {
                polled.add(source.group(1));
            }
        }
        return polled;
    }
}
