package dev.newswatch.systemtests.cluster;

import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.ALERTS;
import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.ENRICHER;
import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.INGESTER;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.newswatch.common.Topics;
import dev.newswatch.systemtests.ContainerEngine;
import dev.newswatch.systemtests.cluster.ServiceFleet.Service;

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
    /** How long the pause and disconnect last. */
    private static final Duration FAULT = Duration.ofSeconds(30);
    /** Records news.enriched gains while a broker is down: the flow goes on with two. */
    private static final int FLOW_WITHOUT_BROKER = 6;
    private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(2);

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

    @Test
    @Order(2)
    void killIngesterInstance() {
        killAndRestart(INGESTER, 1);
    }

    @Test
    @Order(3)
    void killEnricherInstance() {
        killAndRestart(ENRICHER, 1);
    }

    @Test
    @Order(4)
    void killAlertsInstance() {
        killAndRestart(ALERTS, 1);
    }

    @Test
    @Order(5)
    void killBroker() {
        suite.assertOnce(suite.runCase("broker 3 killed, restarted", () -> {
            suite.cluster().kill(3);
            suite.awaitFlow(Topics.ENRICHED_ARTICLES, FLOW_WITHOUT_BROKER, FLOW_TIMEOUT);
            suite.cluster().restart(3);
        }));
    }

    @Test
    @Order(6)
    void killLeaderOfRawPartition() {
        int leader = suite.cluster().leader(Topics.RAW_ARTICLES, 0);
        suite.assertOnce(suite.runCase("news.raw-0 leader (broker " + leader + ") killed, restarted", () -> {
            suite.cluster().kill(leader);
            suite.awaitFlow(Topics.ENRICHED_ARTICLES, FLOW_WITHOUT_BROKER, FLOW_TIMEOUT);
            suite.cluster().restart(leader);
        }));
    }

    @Test
    @Order(7)
    void pauseBroker() {
        suite.assertOnce(suite.runCase("broker 2 paused 30 s", () -> {
            suite.cluster().pause(2);
            ClusterFaultSuite.hold("broker 2 paused", FAULT, () -> suite.cluster().isPaused(2));
            suite.cluster().unpause(2);
        }));
    }

    @Test
    @Order(8)
    void clusterUnreachableForIngesterInstance() {
        disconnectFor30Seconds(INGESTER);
    }

    @Test
    @Order(9)
    void clusterUnreachableForEnricherInstance() {
        disconnectFor30Seconds(ENRICHER);
    }

    @Test
    @Order(10)
    void clusterUnreachableForAlertsInstance() {
        disconnectFor30Seconds(ALERTS);
    }

    private static void killAndRestart(Service service, int n) {
        suite.assertOnce(suite.runCase("kill -9 " + service.id() + "-" + n + ", restarted", () -> {
            suite.fleet().kill9(service, n);
            suite.fleet().restart(service, n);
        }));
    }

    /** Instance 2 of {@code service} is the one with a route of its own to cut. */
    private static void disconnectFor30Seconds(Service service) {
        ProxiedRoute route = suite.fleet().route(service, 2);
        suite.assertOnce(suite.runCase("cluster unreachable 30 s for " + service.id() + "-2", () -> {
            route.disconnect();
            ClusterFaultSuite.hold(service.id() + "-2 cut off", FAULT, route::isCut);
            route.reconnect();
        }));
    }
}
