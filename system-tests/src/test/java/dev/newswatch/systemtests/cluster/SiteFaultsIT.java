package dev.newswatch.systemtests.cluster;

import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.INGESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.newswatch.systemtests.ContainerEngine;
import dev.newswatch.testsupport.FaultySite.Fault;

/**
 * Issue 13's site faults on the three-broker cluster: while two ingester instances crawl the steady sites and the
 * rest of the fleet processes what they publish, every site times out, resets its connections or serves garbage
 * for 25 s. Throughout, both ingesters stay ready and log each failure with its source and its kind; once the
 * sites recover, every article published up to then is in every topic once (read_committed), the articles whose
 * pages failed included. Prints the table of every case, also to target/site-faults.md. The faults are
 * test-support's {@code FaultySite} fronts of the sites, here on the feed and the article pages together; the
 * feed alone or the article pages alone are the ingester's own IngesterSiteFaultsIT.
 */
@ExtendWith(ContainerEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteFaultsIT {

    private static final int WARM_UP_ARTICLES = 12;
    private static final Duration FAULT = Duration.ofSeconds(25);
    /** A failure line of the ingester: its source and the kind of the failure, a tag of a bounded set. */
    private static final Pattern FAILURE = Pattern.compile("Source (steady-\\d+): .*failed \\[([a-z-]+)\\]");
    /**
     * A request the ingester tries again after its fetch timeout (20 s by default): while a site stays silent
     * for 25 s, a fetch with its retries has not failed for good yet, but its first timeout is logged.
     */
    private static final Pattern TIMEOUT_RETRY = Pattern.compile(
            "no response within \\S+ for \\S+ \\(source (steady-\\d+)\\); trying again");

    private static ClusterFaultSuite suite;

    @BeforeAll
    static void startCluster() {
        suite = ClusterFaultSuite.start("SiteFaultsIT");
    }

    @AfterAll
    static void printTable() {
        if (suite != null) {
            suite.printTable("site-faults.md");
            suite.close();
        }
    }

    @Test
    @Order(1)
    void steadyFlowFirst() {
        suite.assertOnce(suite.runCase("no fault (steady flow)", () ->
                await("articles published").atMost(Duration.ofMinutes(1))
                        .until(() -> suite.site().publishedUrls().size() >= WARM_UP_ARTICLES)));
    }

    @Test
    @Order(2)
    void sitesTimingOut() {
        misbehave("sites time out 25 s", Fault.HANG);
    }

    @Test
    @Order(3)
    void sitesResettingConnections() {
        misbehave("sites reset connections 25 s", Fault.RESET);
    }

    @Test
    @Order(4)
    void sitesServingGarbage() {
        misbehave("sites serve garbage 25 s", Fault.GARBAGE);
    }

    private static void misbehave(String caseName, Fault fault) {
        Map<String, Integer> failuresBefore = failuresByKind();
        suite.assertOnce(suite.runCase(caseName, () -> {
            suite.site().fail(fault);
            try {
                ClusterFaultSuite.hold(caseName + ", both ingesters ready", FAULT, SiteFaultsIT::bothIngestersReady);
            } finally {
                suite.site().fail(Fault.HEALTHY);
            }
        }));
        Map<String, Integer> failures = failuresByKind();
        failuresBefore.forEach((kind, count) -> failures.merge(kind, -count, Integer::sum));
        failures.values().removeIf(count -> count == 0);
        System.out.println(caseName + ": failures the ingesters logged, by kind: " + failures);
        assertThat(failures).as("%s: failures logged with their source and kind", caseName).isNotEmpty();
    }

    private static boolean bothIngestersReady() {
        return IntStream.rangeClosed(1, ServiceFleet.INSTANCES).allMatch(n ->
                suite.fleet().process(INGESTER, n).readiness().equals(OptionalInt.of(200)));
    }

    /** The failure lines of both ingesters' logs so far, counted by kind, and their fetches retried after a timeout. */
    private static Map<String, Integer> failuresByKind() {
        Map<String, Integer> byKind = new TreeMap<>();
        for (int n = 1; n <= ServiceFleet.INSTANCES; n++) {
            try {
                String log = Files.readString(suite.fleet().log(INGESTER, n), StandardCharsets.UTF_8);
                Matcher failure = FAILURE.matcher(log);
                while (failure.find()) {
                    byKind.merge(failure.group(2), 1, Integer::sum);
                }
                Matcher retry = TIMEOUT_RETRY.matcher(log);
                while (retry.find()) {
                    byKind.merge("timeout, retried", 1, Integer::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byKind;
    }
}
