package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * Every article a source lists is published to news.raw exactly once, whatever happens on the way: the
 * ingester runs in its own JVM, as in production, against an embedded broker, and crawls a generated feed while
 * faults are injected. Each test prints one line (items listed, published, duplicates, losses) and holds
 * duplicates and losses to zero. Through the broker outage /ready must keep answering, and say DOWN once the
 * ingester has had time to find out it cannot publish.
 */
class NothingLostIT {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration FAST_HOST_DELAY = Duration.ofMillis(20);
    /** Long enough for a fixed ingester to retry what it deferred; a lossy one is caught when it runs out. */
    private static final Duration ALL_PUBLISHED_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(120);
    /**
     * A transaction waits at most the producer's max.block.ms (a minute) for the broker; with half a minute
     * more, the ingester knows it cannot publish and /ready must say so.
     */
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(90);
    private static final int LOG_TAIL_LINES = 80;
    private static final int LOST_URLS_SHOWN = 10;

    @TempDir
    Path work;

    private RestartableBroker broker;
    private GeneratedNewsSite site;
    private Path config;
    private int metricsPort;
    private final List<ServiceProcess> ingesters = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback printIngesterLogOnFailure = context -> {
        if (context.getExecutionException().isPresent() && !ingesters.isEmpty()) {
            ServiceProcess last = ingesters.get(ingesters.size() - 1);
            System.out.println("--- last " + LOG_TAIL_LINES + " lines of the ingester's log " + last.log() + " ---\n"
                    + last.logTail(LOG_TAIL_LINES));
        }
    };

    @AfterEach
    void stopEverything() {
        ingesters.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aBrokerOutageOfTwoMinutesMidFeedLosesNothingAndHealthSaysDownMeanwhile() throws Exception {
        // Slower pacing, so the crawl is still going when the broker goes away.
        crawl(160, Duration.ofMillis(100));
        ServiceProcess ingester = startIngester();
        int publishedBeforeOutage = awaitPublished(20);
        assertThat(publishedBeforeOutage).as("the broker goes down mid-feed").isLessThan(site.items());

        broker.stop();
        List<HealthAnswer> healthDuringOutage = observeHealthFor(ingester, BROKER_OUTAGE);
        broker.startAgain();

        PublishedTally tally = awaitEveryArticle(ALL_PUBLISHED_TIMEOUT.plusMinutes(1));
        assertNothingLost("broker down " + BROKER_OUTAGE.toSeconds() + " s after " + publishedBeforeOutage
                + " published", tally);

        List<HealthAnswer> beforeDown = healthDuringOutage.stream()
                .filter(answer -> answer.at().compareTo(DOWN_WITHIN) < 0).toList();
        List<HealthAnswer> afterDown = healthDuringOutage.stream()
                .filter(answer -> answer.at().compareTo(DOWN_WITHIN) >= 0).toList();
        String health = "first " + DOWN_WITHIN.toSeconds() + " s " + summary(beforeDown) + ", the rest "
                + summary(afterDown);
        System.out.println("NothingLost [broker down]: /ready once a second during the outage: " + health);
        assertThat(healthDuringOutage.stream().filter(answer -> answer.status().isEmpty()).count())
                .as("/ready requests unanswered after two seconds while Kafka was away: %s", health).isZero();
        assertThat(afterDown).as("/ready once a commit has had time to fail: %s", health).isNotEmpty()
                .extracting(HealthAnswer::status).containsOnly(OptionalInt.of(503));
        await().atMost(Duration.ofMinutes(1)).until(() -> ingester.readiness().equals(OptionalInt.of(200)));
    }

    @Test
    void aFeedListingMoreThanOnePollReadsIsPublishedInFull() throws Exception {
        crawl(250, FAST_HOST_DELAY);
        startIngester();

        assertNothingLost("250-item feed", awaitEveryArticle(ALL_PUBLISHED_TIMEOUT));
    }

    @Test
    void killingTheIngesterMidFeedAndStartingItAgainLosesNothing() throws Exception {
        crawl(160, FAST_HOST_DELAY);
        ServiceProcess first = startIngester();
        int publishedBeforeKill = awaitPublished(40);
        first.kill();
        assertThat(publishedBeforeKill).as("killed mid-feed").isLessThan(site.items());

        startIngester();

        assertNothingLost("kill -9 after " + publishedBeforeKill + " published, restart",
                awaitEveryArticle(ALL_PUBLISHED_TIMEOUT));
    }

    @Test
    void anArticleWhoseFirstFetchFailsWith503IsFetchedAgainAndPublished() throws Exception {
        int failing = 5;
        crawl(12, FAST_HOST_DELAY);
        site.failFirstFetch(failing, 503);
        startIngester();

        PublishedTally tally = awaitEveryArticle(ALL_PUBLISHED_TIMEOUT);
        assertNothingLost("first fetch of an article answered 503 (" + site.failuresServed(failing) + " of its "
                + site.requestsFor(failing) + " requests)", tally);
        assertThat(site.failuresServed(failing)).as("requests of the failing article answered 503").isPositive();
        assertThat(site.requestsFor(failing)).as("requests of the failing article")
                .isGreaterThan(site.failuresServed(failing));
    }

    /** A fresh broker, a site listing {@code items} articles, and a config polling it every two seconds. */
    private void crawl(int items, Duration hostDelay) throws IOException {
        broker = RestartableBroker.start(work.resolve("kafka"));
        site = GeneratedNewsSite.start(items);
        metricsPort = FreePorts.any();
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, IngesterFiles.feedSources(Map.of("generated-news", site.feedUrl()), POLL_INTERVAL),
                StandardCharsets.UTF_8);
        config = work.resolve("newswatch.yml");
        Files.writeString(config, IngesterFiles.config(broker.bootstrapServers(), metricsPort, sources, hostDelay,
                "nothing-lost-it", ""), StandardCharsets.UTF_8);
    }

    private ServiceProcess startIngester() {
        ServiceProcess ingester = ServiceProcess.start(IngesterMain.class, config, metricsPort,
                work.resolve("ingester.log"));
        ingesters.add(ingester);
        return ingester;
    }

    private PublishedTally tally() {
        return PublishedTally.read(broker.bootstrapServers(), site.articlesById());
    }

    /** Waits until at least {@code count} articles are in news.raw; returns how many there are. */
    private int awaitPublished(int count) {
        return await().atMost(ALL_PUBLISHED_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> tally().published(), published -> published >= count);
    }

    /**
     * Waits until news.raw has every listed article, then until the ingester has polled the feed twice more, so
     * a late duplicate would be counted too. On timeout, returns what is there: the caller reports the losses.
     */
    private PublishedTally awaitEveryArticle(Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> tally().hasEveryListedArticle());
        } catch (ConditionTimeoutException timedOut) {
            return tally();
        }
        int feedRequests = site.feedRequests();
        await("the ingester keeps polling the feed").atMost(Duration.ofMinutes(1))
                .until(() -> site.feedRequests() >= feedRequests + 2);
        return tally();
    }

    private static void assertNothingLost(String scenario, PublishedTally tally) {
        System.out.println(tally.line(scenario));
        assertThat(tally.duplicates()).as("articles published more than once").isZero();
        assertThat(tally.losses()).as("listed articles never published, first of them %s",
                tally.lost().stream().limit(LOST_URLS_SHOWN).toList()).isZero();
    }

    /** One /ready request during the outage: how long after the broker stopped, and its status if it answered. */
    private record HealthAnswer(Duration at, OptionalInt status) {
    }

    private static String summary(List<HealthAnswer> answers) {
        return answers.stream().collect(Collectors.groupingBy(
                answer -> answer.status().isPresent() ? "HTTP " + answer.status().getAsInt() : "no answer",
                TreeMap::new, Collectors.counting())).toString();
    }

    /**
     * Asks /ready once a second for {@code outage}: the time the broker stays away is the fault injected, so the
     * wait ends when that time is up, not on a condition of the ingester.
     */
    private static List<HealthAnswer> observeHealthFor(ServiceProcess ingester, Duration outage) {
        List<HealthAnswer> answers = new ArrayList<>();
        Instant start = Instant.now();
        Instant end = start.plus(outage);
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).atMost(outage.plusSeconds(30))
                .until(() -> {
                    answers.add(new HealthAnswer(Duration.between(start, Instant.now()), ingester.readiness()));
                    return !Instant.now().isBefore(end);
                });
        return answers;
    }
}
