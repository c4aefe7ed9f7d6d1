package dev.newswatch.systemtests.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.newswatch.systemtests.ContainerEngine;

/**
 * Issue 13's fault suite on a three-broker KRaft cluster in containers: two instances of each service in JVMs of
 * their own, articles flowing throughout, each case a fault inflicted mid-stream and then undone, after which
 * every article published up to then is in news.raw, news.enriched, news.alerts and its watches' alert topics
 * once (read_committed). Prints the table of every case at the end, also to target/fault-suite.md.
 */
@ExtendWith(ContainerEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    /** Articles that flow before the first case, so that it starts mid-stream. */
    private static final int WARM_UP_ARTICLES = 12;

    private static ClusterFaultSuite suite;

    @BeforeAll
    static void startCluster() {
        suite = ClusterFaultSuite.start("ClusterFaultsIT");
    }

    @AfterAll
    static void printTable() {
        if (suite != null) {
            suite.printTable("fault-suite.md");
            suite.close();
        }
    }

    @Test
    @Order(1)
    void steadyFlowWithoutFault() {
        suite.assertOnce(suite.runCase("no fault (steady flow)", () ->
                await("articles published").atMost(Duration.ofMinutes(1))
                        .until(() -> suite.site().publishedUrls().size() >= WARM_UP_ARTICLES)));
    }
}
