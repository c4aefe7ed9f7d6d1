package dev.newswatch.systemtests.cluster;

import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.ALERTS;
import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.ENRICHER;
import static dev.newswatch.systemtests.cluster.ServiceFleet.Service.INGESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.Topics;
import dev.newswatch.systemtests.ContainerEngine;
import dev.newswatch.systemtests.cluster.ServiceFleet.Service;
import dev.newswatch.testsupport.ServiceProcess;
import dev.newswatch.testsupport.TmpfsMount;

/**
 * Issue 13's configuration and state faults on the three-broker cluster, two instances of each service, articles
 * flowing throughout. A bad edit of each configuration file the services reload (sources, entities, topics,
 * watches) is rejected by every instance that reads it with one error naming file, line and field, counted, and
 * the running configuration stays in force: articles go on being polled, tagged and matched, every instance stays
 * ready, and the file put back is taken again. A state directory that fills up under a running enricher or alerts
 * instance stops it with an error naming the directory and exit status 1; started again on the freed directory,
 * it goes on. After each case every article is through every topic once (read_committed).
 */
@ExtendWith(ContainerEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigAndStateFaultsIT {

    /** Records news.enriched gains while a bad edit is in place: the flow goes on under the old configuration. */
    private static final int FLOW_UNDER_OLD_CONFIG = 6;
    private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);
    /** Where a rejection says the problem lies: the file, its line, and the field unless the whole file is at fault. */
    private static final Pattern REJECTED = Pattern.compile("Edit of \\[[^]]*] rejected, the running configuration"
            + " stays: (\\S+), line (\\d+)(, field \\S+)?: ");

    private static ClusterFaultSuite suite;
    private static final List<TmpfsMount> mounts = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        suite = ClusterFaultSuite.start("ConfigAndStateFaultsIT");
    }

    @AfterAll
    static void printTable() {
        if (suite != null) {
            suite.printTable("config-and-state-faults.md");
            suite.close();
        }
        // After the fleet: an instance still running on a mount must not find its directory swapped under it.
        mounts.forEach(TmpfsMount::close);
    }

    @Test
    @Order(1)
    void syntaxErrorInSources() {
        badEdit("sources.yml", "sources", List.of(INGESTER),
                valid -> valid + "  - id: \"unclosed\n", "not valid YAML");
    }

    @Test
    @Order(2)
    void unknownFieldInEntities() {
        badEdit("entities.yml", "dictionary", List.of(ENRICHER, ALERTS),
                valid -> valid.replaceFirst("\n    kind: company\n", "\n    kindd: company\n"),
                "field entities[0]");
    }

    @Test
    @Order(3)
    void invalidValueInTopics() {
        // The alerts service reads only the topic ids, which the edit leaves as they were.
        badEdit("topics.yml", "dictionary", List.of(ENRICHER),
                valid -> valid.replaceFirst("\n    threshold: 2.0\n", "\n    threshold: heavy\n"), "threshold");
    }

    @Test
    @Order(4)
    void watchesFileEmptied() {
        badEdit("watches.yml", "watches", List.of(ALERTS), valid -> "", "the file is empty");
    }

    @Test
    @Order(5)
    void enricherStateDirectoryFull() throws IOException {
        stateDirectoryFull(ENRICHER);
    }

    @Test
    @Order(6)
    void alertsStateDirectoryFull() throws IOException {
        stateDirectoryFull(ALERTS);
    }

    /**
     * Makes the edit {@code bad} to {@code file}, checks that each instance of each of {@code readers} rejects it
     * with one error line naming file, line and field (and {@code reported}) and counts it, that articles keep
     * flowing and every instance stays ready, then puts the file back and checks that it is taken again.
     */
    private static void badEdit(String file, String config, List<Service> readers,
            UnaryOperator<String> bad, String reported) {
        Path path = suite.fleet().configFile(file);
        suite.assertOnce(suite.runCase("bad edit of " + file + " (" + reported + "), then put back", () -> {
            String valid = Files.readString(path, StandardCharsets.UTF_8);
            List<Double> rejectedBefore = counts(readers, config, "rejected");
            List<Double> reloadedBefore = counts(readers, config, "reloaded");
            Files.writeString(path, bad.apply(valid), StandardCharsets.UTF_8);
            try {
                await(file + " rejected by every instance that reads it").atMost(RELOAD_TIMEOUT)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> increased(counts(readers, config, "rejected"), rejectedBefore));
                for (Service service : readers) {
                    for (int n = 1; n <= ServiceFleet.INSTANCES; n++) {
                        assertRejectionLogged(service, n, path, reported);
                    }
                }
                suite.awaitFlow(Topics.ENRICHED_ARTICLES, FLOW_UNDER_OLD_CONFIG, FLOW_TIMEOUT);
                assertEveryInstanceReady();
            } finally {
                // Put back whatever happened, or the cases after this one would run on a broken file.
                Files.writeString(path, valid, StandardCharsets.UTF_8);
            }
            await(file + " put back, taken again by every instance").atMost(RELOAD_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> increased(counts(readers, config, "reloaded"), reloadedBefore));
        }));
    }

    /**
     * Stops instance 1 of {@code service}, puts its state directory on a tmpfs of its own and starts it again;
     * fills the tmpfs while it runs, checks that it exits with status 1 naming the directory and the cause, then
     * frees the space and starts it again.
     */
    private static void stateDirectoryFull(Service service) throws IOException {
        Path state = suite.fleet().stateDirectory(service, 1);
        suite.fleet().stop(service, 1);
        TmpfsMount mount;
        try {
            mount = TmpfsMount.mount(state, "256m");
            mounts.add(mount);
        } finally {
            // Started again either way: on the tmpfs, or as it was where no tmpfs can be mounted (then skipped).
            suite.fleet().restart(service, 1);
        }
        suite.assertOnce(suite.runCase("state directory of " + service.id() + "-1 full, freed, restarted", () -> {
            suite.awaitFlow(Topics.ENRICHED_ARTICLES, FLOW_UNDER_OLD_CONFIG, FLOW_TIMEOUT);

            mount.fill();
            ServiceProcess full = suite.fleet().process(service, 1);
            OptionalInt exit = full.awaitExit(EXIT_TIMEOUT);

            assertThat(exit).as("exit status of %s-1", service.id()).hasValue(ServiceLauncher.EXIT_FAILED);
            assertThat(full.stdout()).contains("state directory " + state.toAbsolutePath()
                    + " cannot be written: No space left on device");
            mount.drain();
            suite.fleet().restart(service, 1);
        }));
    }

    private static void assertRejectionLogged(Service service, int n, Path file, String reported) {
        List<String> lines = suite.fleet().process(service, n).stdout().lines()
                .filter(line -> line.contains("rejected, the running configuration stays: " + file)).toList();
        assertThat(lines).as("%s-%d's rejection of %s", service.id(), n, file).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        Matcher where = REJECTED.matcher(last);
        assertThat(where.find()).as("file, line and field in: %s", last).isTrue();
        assertThat(last).contains(reported);
    }

    private static void assertEveryInstanceReady() {
        for (Service service : Service.values()) {
            for (int n = 1; n <= ServiceFleet.INSTANCES; n++) {
                assertThat(suite.fleet().process(service, n).readiness()).as("%s-%d ready", service.id(), n)
                        .hasValue(200);
            }
        }
    }

    /** {@code newswatch_<service>_config_reloads_total{config, outcome}} of each instance of each reader. */
    private static List<Double> counts(List<Service> readers, String config, String outcome) {
        List<Double> counts = new ArrayList<>();
        for (Service service : readers) {
            for (int n = 1; n <= ServiceFleet.INSTANCES; n++) {
                counts.add(suite.fleet().process(service, n).metric("newswatch_" + service.id()
                        + "_config_reloads_total", "config=\"" + config + "\",outcome=\"" + outcome + "\""));
            }
        }
        return counts;
    }

    private static boolean increased(List<Double> now, List<Double> before) {
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i) <= before.get(i)) {
                return false;
            }
        }
        return true;
    }
}
