package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.testsupport.FaultySite;
import dev.newswatch.testsupport.FaultySite.Fault;
import dev.newswatch.testsupport.FaultySite.PathKind;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * A site that keeps publishing misbehaves for a while, one fault after another (its feed, then its article
 * pages, hanging past the fetch timeout, resetting connections, serving garbage), while the ingester runs in
 * its own JVM against an embedded broker and crawls it beside a healthy site. Through every fault the ingester
 * counts errors of the fault's kind, stays UP and keeps publishing the healthy site; once the site recovers,
 * every article it listed is published exactly once, those whose pages failed included. Prints a row per fault:
 * articles listed, published, duplicates, losses, and the time from the site's recovery until nothing was missing.
 */
class IngesterSiteFaultsIT {

    private static final String FAULTY = "faulty-news";
    private static final String HEALTHY = "healthy-news";
    private static final int ITEMS = 256;
    private static final Duration PUBLISHED_EVERY = Duration.ofSeconds(1);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(1);
    /** A page that failed is read again after 30 s, then 60 s: two retries fit comfortably. */
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);
    private static final int LOG_TAIL_LINES = 80;

    @TempDir
    Path work;

    private RestartableBroker broker;
    private GeneratedNewsSite faulty;
    private GeneratedNewsSite healthy;
    private ServiceProcess ingester;
    private int metricsPort;

    @RegisterExtension
    final AfterTestExecutionCallback printIngesterLogOnFailure = context -> {
        if (context.getExecutionException().isPresent() && ingester != null) {
            System.out.println("--- last " + LOG_TAIL_LINES + " lines of the ingester's log ---\n"
                    + ingester.logTail(LOG_TAIL_LINES));
        }
    };

    @AfterEach
    void stopEverything() {
        if (ingester != null) {
            ingester.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (faulty != null) {
            faulty.close();
        }
        if (healthy != null) {
            healthy.close();
        }
    }

    /** A fault and the error kind the ingester must count while it lasts. */
    private record Case(PathKind where, Fault fault, String errorKind) {
        String name() {
            return where.name().toLowerCase(Locale.ROOT) + " " + fault.name().toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void aSiteThatHangsResetsOrServesGarbageForAWhileLosesAndDoublesNothingAndStopsNoOtherSource() throws Exception {
        broker = RestartableBroker.start(work.resolve("kafka"));
        faulty = GeneratedNewsSite.startBehindFront(ITEMS).publishOneMoreEvery(5, PUBLISHED_EVERY);
        healthy = GeneratedNewsSite.startOn("127.0.0.2", ITEMS).publishOneMoreEvery(5, PUBLISHED_EVERY);
        startIngester();
        awaitNothingMissing(faulty, RECOVERY_LIMIT);

        FaultySite front = faulty.front();
        List<Case> cases = List.of(
                new Case(PathKind.FEED, Fault.HANG, "feed-fetch"),
                new Case(PathKind.FEED, Fault.RESET, "feed-fetch"),
                new Case(PathKind.FEED, Fault.GARBAGE, "feed-parse"),
                new Case(PathKind.ARTICLE, Fault.HANG, "page-fetch"),
                new Case(PathKind.ARTICLE, Fault.RESET, "page-fetch"),
                new Case(PathKind.ARTICLE, Fault.GARBAGE, "extract"));
        for (Case fault : cases) {
            MetricsScrape before = MetricsScrape.of(metricsPort);
            int healthyListedBefore = healthy.listed();
            front.set(fault.where(), fault.fault());
            await(fault.name() + ": the ingester counts " + fault.errorKind() + " errors of the faulty source")
                    .atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> MetricsScrape.of(metricsPort).errors(FAULTY, fault.errorKind())
                            >= before.errors(FAULTY, fault.errorKind()) + 2);
            await(fault.name() + ": the healthy site's new articles are published meanwhile")
                    .atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> tally(healthy).listedPublished() > healthyListedBefore + 2);
            assertThat(ingester.readiness()).as("%s: /ready", fault.name()).isEqualTo(OptionalInt.of(200));
            assertThat(MetricsScrape.of(metricsPort).errors(HEALTHY, fault.errorKind()))
                    .as("%s: errors counted against the healthy source", fault.name()).isZero();
            assertThat(ingester.logTail(400)).as("%s: the log names the source and what failed", fault.name())
                    .contains("Source " + FAULTY + ":").contains("[" + fault.errorKind() + "]");
            front.heal();
            Instant healed = Instant.now();
            PublishedTally tally = awaitNothingMissing(faulty, RECOVERY_LIMIT);
            Duration recovered = Duration.between(healed, Instant.now());
            System.out.printf("SiteFaults [%-15s]: met %3d times; listed %3d, published %3d, duplicates %d, losses %d,"
                            + " recovered in %5.1f s%n", fault.name(), front.served(fault.where(), fault.fault()),
                    tally.listed().size(), tally.listedPublished(), tally.duplicates(), tally.losses(),
                    recovered.toMillis() / 1000.0);
            assertThat(tally.duplicates()).as("%s: articles published more than once", fault.name()).isZero();
            assertThat(tally.losses()).as("%s: listed articles never published: %s", fault.name(), tally.lost())
                    .isZero();
        }
        PublishedTally healthyTally = awaitNothingMissing(healthy, RECOVERY_LIMIT);
        System.out.println(healthyTally.line("the healthy site beside it"));
        assertThat(healthyTally.duplicates()).isZero();
        assertThat(healthyTally.losses()).isZero();
    }

    private void startIngester() throws IOException {
        metricsPort = FreePorts.any();
        Path sources = work.resolve("sources.yml");
        String file = IngesterFiles.feedSources(Map.of(FAULTY, faulty.feedUrl(), HEALTHY, healthy.feedUrl()),
                POLL_INTERVAL);
        Files.writeString(sources, file, StandardCharsets.UTF_8);
        Path config = work.resolve("newswatch.yml");
        Files.writeString(config, IngesterFiles.config(broker.bootstrapServers(), metricsPort, sources,
                Duration.ofMillis(20), "site-faults-it", "  fetchTimeout: " + FETCH_TIMEOUT + "\n"),
                StandardCharsets.UTF_8);
        ingester = ServiceProcess.start(IngesterMain.class, config, metricsPort, work.resolve("ingester.log"));
    }

    private PublishedTally tally(GeneratedNewsSite site) {
        return PublishedTally.read(broker.bootstrapServers(), site.articlesById());
    }

    /**
     * Waits until news.raw holds every article the site lists at the time of asking; returns the tally of the
     * articles listed at the last check, or what is there when time runs out (the caller reports the losses).
     */
    private PublishedTally awaitNothingMissing(GeneratedNewsSite site, Duration atMost) {
        try {
            return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> tally(site), PublishedTally::hasEveryListedArticle);
        } catch (ConditionTimeoutException timedOut) {
            return tally(site);
        }
    }
}
