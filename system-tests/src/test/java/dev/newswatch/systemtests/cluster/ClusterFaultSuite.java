package dev.newswatch.systemtests.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * What a fault case runs on: the {@link ThreeBrokerCluster} (with a proxied route per service), the
 * {@link SteadyNewsSite} publishing articles throughout, the {@link ServiceFleet} crawling and processing them, the
 * {@link RecordLedger} counting what comes out, and the {@link FaultTable}. Start one per test class; run the
 * cases in order with {@link #runCase}, which settles the flow after each fault and adds its row.
 *
 * <p>Everything a run leaves (each instance's config, state and log) is under
 * {@code system-tests/target/fault-suite/<name>-<time>/}, named in every failure.
 */
public final class ClusterFaultSuite implements AutoCloseable {

    /** Articles a second in all: 6 sites, one article each every 2 s. */
    private static final int SITES = 6;
    private static final Duration ARTICLE_PERIOD = Duration.ofSeconds(2);
    /** How long the flow may take to catch up after a fault before what is missing counts as lost. */
    public static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
    private static final int LOG_TAIL_LINES = 40;
    /** How long an instance may be not ready (rebalancing, reconnecting) before a case restarts it. */
    private static final Duration READY_GRACE = Duration.ofMinutes(1);

    private final String name;
    private final Path work;
    private final ThreeBrokerCluster cluster;
    private final SteadyNewsSite site;
    private final ServiceFleet fleet;
    private final RecordLedger ledger;
    private final FaultTable table = new FaultTable();
    private RecordLedger.Tally settledBefore;

    /** What a case does to the system: returns once the fault is over (the instance restarted, the line back). */
    @FunctionalInterface
    public interface Fault {
        void inflict() throws Exception;
    }

    private ClusterFaultSuite(String name, Path work, ThreeBrokerCluster cluster, SteadyNewsSite site,
            ServiceFleet fleet, RecordLedger ledger) {
        this.name = name;
        this.work = work;
        this.cluster = cluster;
        this.site = site;
        this.fleet = fleet;
        this.ledger = ledger;
        this.settledBefore = ledger.tally(List.of());
    }

    /** Starts everything and waits until the first articles are through; {@code name} names the run's files. */
    public static ClusterFaultSuite start(String name) {
        Path work = buildDirectory().resolve("fault-suite").resolve(name + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC)));
        ThreeBrokerCluster cluster = null;
        SteadyNewsSite site = null;
        ServiceFleet fleet = null;
        RecordLedger ledger = null;
        try {
            Files.createDirectories(work);
            cluster = ThreeBrokerCluster.start(ServiceFleet.Service.values().length);
            site = SteadyNewsSite.start(SITES, ARTICLE_PERIOD);
            Path sources = writeSources(work, site.feedUrls());
            ledger = RecordLedger.start(cluster.bootstrapServers(), SteadyNewsSite.ALERTING_WATCHES);
            fleet = ServiceFleet.start(cluster, sources, work);
            ClusterFaultSuite suite = new ClusterFaultSuite(name, work, cluster, site, fleet, ledger);
            System.out.println("fault suite " + name + ": brokers " + cluster.bootstrapServers() + ", files in " + work);
            return suite;
        } catch (IOException | RuntimeException e) {
            String logs = fleet != null ? fleet.logTails(LOG_TAIL_LINES) : "";
            for (AutoCloseable part : new AutoCloseable[] {fleet, ledger, site, cluster}) {
                closeQuietly(part);
            }
            throw new IllegalStateException("the fault suite did not start; files in " + work + "\n" + logs, e);
        }
    }

    private static Path buildDirectory() {
        return Path.of(System.getProperty("newswatch.build.directory", "system-tests/target"));
    }

    private static Path writeSources(Path work, List<String> feeds) throws IOException {
        StringBuilder file = new StringBuilder("sources:\n");
        IntStream.range(0, feeds.size()).forEach(n -> file.append("""
                  - id: steady-%d
                    outlet: 꾸준뉴스%d
                    kind: feed
                    url: %s
                    pollInterval: PT1S
                    allowPrivateAddresses: true
                """.formatted(n + 1, n + 1, feeds.get(n))));
        return Files.writeString(work.resolve("sources.yml"), file, StandardCharsets.UTF_8);
    }

    public ThreeBrokerCluster cluster() {
        return cluster;
    }

    public ServiceFleet fleet() {
        return fleet;
    }

    public SteadyNewsSite site() {
        return site;
    }

    public RecordLedger ledger() {
        return ledger;
    }

    /**
     * Restarts any instance a failed case before left not ready ({@link ServiceFleet#restartUnready}), inflicts
     * {@code fault} while articles flow, then waits until every article published up to the fault's end
     * is through every topic, and adds the case's row: the articles published since the case before, what each
     * topic gained, duplicates gained, articles still missing, time to recover. Returns the row; a case asserts on
     * it with {@link #assertOnce}.
     */
    public FaultTable.Row runCase(String caseName, Fault fault) {
        List<String> restarted = fleet.restartUnready(READY_GRACE);
        if (!restarted.isEmpty()) {
            System.out.println(caseName + ": first restarted " + restarted + ", not ready after the case before");
        }
        try {
            fault.inflict();
        } catch (Exception e) {
            throw new IllegalStateException(caseName + ": the fault itself failed; files in " + work, e);
        }
        Instant faultEnd = Instant.now();
        List<String> published = site.publishedUrls(faultEnd);
        AtomicReference<RecordLedger.Tally> last = new AtomicReference<>();
        Optional<Duration> recovery;
        try {
            await(caseName + ": every article published by the fault's end through").atMost(SETTLE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last.set(ledger.tally(published));
                        return last.get().complete();
                    });
            recovery = Optional.of(Duration.between(faultEnd, Instant.now()));
        } catch (ConditionTimeoutException e) {
            recovery = Optional.empty();
        }
        RecordLedger.Tally now = ledger.tally(published);
        FaultTable.Row row = new FaultTable.Row(caseName, since(settledBefore, now), recovery);
        settledBefore = now;
        table.add(row);
        System.out.println(caseName + ": " + row);
        return row;
    }

    /** The records {@code now} holds beyond {@code before}; losses as they stand now. */
    private static RecordLedger.Tally since(RecordLedger.Tally before, RecordLedger.Tally now) {
        Map<String, Integer> alerts = new LinkedHashMap<>();
        now.alerts().forEach((topic, count) -> alerts.put(topic, count - before.alerts().getOrDefault(topic, 0)));
        return new RecordLedger.Tally(now.in() - before.in(), now.raw() - before.raw(),
                now.enriched() - before.enriched(), alerts,
                now.duplicates() - before.duplicates(), now.losses());
    }

    /**
     * Keeps a fault in force for {@code duration} (the 30 s), checking all along that it is: a fault that
     * lifted early would prove less than the table says.
     */
    public static void hold(String fault, Duration duration, Callable<Boolean> inForce) {
        await(fault + " in force for " + duration.toSeconds() + " s").during(duration)
                .atMost(duration.plusSeconds(10)).pollInterval(Duration.ofSeconds(1)).until(inForce);
    }

    /**
     * Waits until {@code topic} has gained {@code records} committed records from now: the flow goes on while
     * a fault is in force.
     */
    public void awaitFlow(String topic, int records, Duration timeout) {
        int from = ledger.records(topic);
        await(records + " more records on " + topic).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> ledger.records(topic) >= from + records);
    }

    /** Fails, naming the run's files and the tail of each service's log, unless the case lost and doubled nothing. */
    public void assertOnce(FaultTable.Row row) {
        if (row.tally().duplicates() != 0 || row.tally().losses() != 0 || row.recovery().isEmpty()) {
            throw new AssertionError(row.name() + ": " + row.tally().duplicates() + " duplicates, "
                    + row.tally().losses() + " losses, recovered " + row.recovery().map(Duration::toString)
                    .orElse("never") + "; files in " + work + "\n" + fleet.logTails(LOG_TAIL_LINES));
        }
    }

    /** Prints the table and writes it to {@code system-tests/target/<file>}. */
    public void printTable(String file) {
        table.print(name + " (" + Instant.now() + ")", buildDirectory().resolve(file));
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {fleet, ledger, site, cluster}) {
            closeQuietly(part);
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("closing " + part + ": " + e);
        }
    }
}
