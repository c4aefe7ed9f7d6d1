package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark command: in one process, the broker's own ceiling for records of an article's size, the whole
 * pipeline raw → alert (enricher and alerts services as the standalone system runs them, the ingester left out:
 * generated articles go straight to news.raw) saturated and at steady loads, the bytes it writes to the broker per
 * article, CPU per article per service, memory, and the CPU-time figures of tagging and extraction on one core.
 * Prints a Markdown report as it goes and writes it to a file. Run from the repository root (it reads
 * {@code config/} and {@code ../shared}): {@code benchmarks/run-bench [options]}.
 */
@Command(name = "run-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the broker's ceiling and the pipeline raw -> alert in one run; prints and writes "
                + "a Markdown report.")
public final class PipelineBench implements Callable<Integer> {

    /** How long the warm-up may go without an alert: the services' first records wait for JIT and group joins. */
    private static final Duration STALL = Duration.ofSeconds(60);
    /**
     * How long a measured run may go without a new alert before the rest count as not alerted. Not every article
     * alerts under its own id (one alert per watch and event: a later report of an event updates its first
     * report's alert), so each run ends this long after its last alert.
     */
    private static final Duration DRAINED = Duration.ofSeconds(30);
    private static final double MEGABYTE = 1024 * 1024;
    /** Issue 13: the pipeline writes at most this many times an article's raw record to the broker. */
    private static final double TARGET_AMPLIFICATION = 4;

    @Option(names = "--ceiling-records", defaultValue = "20000",
            description = "records per broker-ceiling run (default ${DEFAULT-VALUE})")
    private int ceilingRecords;

    @Option(names = "--per-transaction", defaultValue = "100",
            description = "records per transaction in the transactional ceiling run (default ${DEFAULT-VALUE})")
    private int perTransaction;

    @Option(names = "--warm-up", defaultValue = "1000",
            description = "articles through the pipeline before anything is measured (default ${DEFAULT-VALUE})")
    private int warmUp;

    @Option(names = "--articles", defaultValue = "3000",
            description = "articles of the saturated run, all sent at once (default ${DEFAULT-VALUE})")
    private int saturatedArticles;

    @Option(names = "--loads", split = ",", defaultValue = "20,100,300",
            description = "steady loads in articles per second (default ${DEFAULT-VALUE})")
    private int[] loads;

    @Option(names = "--seconds", defaultValue = "20",
            description = "seconds each steady load is offered (default ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--tagging-rounds", defaultValue = "6",
            description = "rounds of TaggingCpuTime; the first half warm up (default ${DEFAULT-VALUE})")
    private int taggingRounds;

    @Option(names = "--extraction-rounds", defaultValue = "3",
            description = "rounds of ExtractionCpuTime; the first warms up (default ${DEFAULT-VALUE})")
    private int extractionRounds;

    @Option(names = "--crawl-hosts", split = ",", defaultValue = "20,200",
            description = "local sites crawled at once, one per loopback address from 127.0.0.2; one crawl per "
                    + "count (default ${DEFAULT-VALUE})")
    private int[] crawlHosts;

    @Option(names = "--crawl-articles", defaultValue = "20",
            description = "articles each crawled site lists (default ${DEFAULT-VALUE})")
    private int crawlArticles;

    @Option(names = "--memory-seconds", defaultValue = "60",
            description = "seconds of steady load on the services in their own JVMs (default ${DEFAULT-VALUE})")
    private int memorySeconds;

    @Option(names = "--memory-rate", defaultValue = "5",
            description = "generated articles per second sent to news.raw meanwhile (default ${DEFAULT-VALUE})")
    private int memoryRate;

    @Option(names = "--memory-hosts", defaultValue = "5",
            description = "local sites the ingester JVM crawls meanwhile, one request per second each (default "
                    + "${DEFAULT-VALUE})")
    private int memoryHosts;

    @Option(names = "--service-java-opts", defaultValue = "",
            description = "JVM options of the service JVMs (default none, as the Dockerfile runs them)")
    private String serviceJavaOpts;

    @Option(names = "--replay", defaultValue = "1000000",
            description = "archived articles in news.raw re-enriched by a fresh enricher (default ${DEFAULT-VALUE})")
    private int replayArticles;

    @Option(names = "--skip", split = ",", paramLabel = "PART",
            description = "parts left out: ${COMPLETION-CANDIDATES} (any case)")
    private Set<Part> skip = EnumSet.noneOf(Part.class);

    @Option(names = "--out", defaultValue = "benchmarks/target/bench.md",
            description = "where the report is written (default ${DEFAULT-VALUE})")
    private Path out;

    private final StringBuilder report = new StringBuilder();

    /** The parts of a run, in the order they run. */
    enum Part {
        TAGGING, PIPELINE, CRAWL, MEMORY, REPLAY
    }

    public static void main(String[] args) {
        // Our services' start-up lines would bury the figures; warnings and errors still show (the libraries log
        // nothing less anyway). Logs go to standard error, the report to standard output.
        System.setProperty("NEWSWATCH_LOG_LEVEL", "warn");
        System.exit(new CommandLine(new PipelineBench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        section("Newswatch benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS),
                MachineFacts.describe() + "\n\nLoad average (1 min) at start: " + MachineFacts.loadAverage() + "."
                        + (skip.isEmpty() ? "" : " Parts left out: " + skip.stream().map(part -> part.name()
                        .toLowerCase(Locale.ROOT)).toList() + "."));
        if (!skip.contains(Part.TAGGING)) {
            measureTaggingAndExtraction();
        }
        if (!skip.contains(Part.PIPELINE)) {
            measurePipeline();
        }
        if (!skip.contains(Part.CRAWL)) {
            measureCrawl();
        }
        if (!skip.contains(Part.MEMORY)) {
            measureServiceMemory();
        }
        if (!skip.contains(Part.REPLAY)) {
            measureReplay();
        }
        System.out.println("Written to " + out);
        return 0;
    }

    private void measurePipeline() {
        int steadyArticles = Arrays.stream(loads).map(rate -> rate * seconds).sum();
        KoreanArticles generator = KoreanArticles.distinctStories(20261130L);
        List<RawArticle> warmUpArticles = generator.next(warmUp);
        List<RawArticle> saturated = generator.next(saturatedArticles);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
            List<byte[]> values = saturated.stream().map(Topics.RAW::serialize).toList();
            BrokerCeiling.Result[] ceilings = measureCeiling(new BrokerCeiling(kafka), values);
            try (InProcessServices services = InProcessServices.enricherAndAlerts(kafka);
                    ArticleFlow flow = new ArticleFlow(kafka, Topics.ALERTS, ArticleFlow::articleIdOfAlertKey)) {
                flow.offer(warmUpArticles, 0, STALL);
                measureSaturated(kafka, flow, saturated, values, ceilings);
                measureSteadyLoads(flow, generator, steadyArticles);
                section("Story index check", "The generated articles are meant to be a story each (every alert "
                        + "passes the one-alert-per-story filter); the enricher counted, warm-up included:\n\n```\n"
                        + String.join("\n", services.metricLines("newswatch_enricher_stories_total")) + "\n```");
            }
        }
    }

    private void measureCrawl() {
        String load = MachineFacts.loadAverage();
        List<CrawlBench.Result> crawls = new ArrayList<>();
        for (int hosts : crawlHosts) {
            // A broker of its own for each crawl: nothing published before, no crawl state to resume from.
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
                crawls.add(CrawlBench.crawl(KafkaSettings.forBootstrapServers(broker.bootstrapServers()), hosts,
                        crawlArticles, KoreanArticles.distinctStories(20261201L)));
            }
        }
        List<String> headers = new ArrayList<>(List.of("crawl"));
        crawls.forEach(crawl -> headers.add(crawl.figures().hosts() + " hosts"));
        MarkdownTable table = new MarkdownTable(headers.toArray(String[]::new));
        crawlRow(table, crawls, "requests answered (robots.txt, feed, articles)",
                crawl -> format("%,d", crawl.figures().requests()));
        crawlRow(table, crawls, "article pages fetched / published", crawl -> format("%,d / %,.0f",
                crawl.articlesServed(), crawl.articlesPublished()));
        crawlRow(table, crawls, "first request to last", crawl -> format("%.1f s",
                crawl.figures().elapsedNanos() / 1e9));
        crawlRow(table, crawls, "**requests/s achieved**", crawl -> format("**%,.1f**",
                crawl.figures().requestsPerSecond()));
        crawlRow(table, crawls, "politeness bound (hosts / host delay)", crawl -> format("%,.0f requests/s",
                crawl.figures().politenessBound()));
        crawlRow(table, crawls, "achieved / politeness bound", crawl -> format("%.0f %%",
                100 * crawl.figures().fractionOfPolitenessBound()));
        crawlRow(table, crawls, "mean time between two requests to one host", crawl -> format("%.2f s",
                crawl.figures().meanGapPerHostSeconds()));
        crawlRow(table, crawls, "crawler CPU per request (poll threads, HTTP client, its producer)",
                crawl -> format("%.2f ms", crawl.figures().crawlerCpuMillisPerRequest()));
        crawlRow(table, crawls, "process CPU per request (with broker, sites, GC and JIT)",
                crawl -> format("%.2f ms", crawl.figures().processCpuMillisPerRequest()));
        crawlRow(table, crawls, "requests/s the crawler's CPU would allow on all cores",
                crawl -> format("%,.0f", crawl.figures().crawlerCpuBound()));
        crawlRow(table, crawls, "share of the cores the process used", crawl -> format("%.0f %%",
                100 * crawl.figures().processCpuShare()));
        crawlRow(table, crawls, "publisher: transactions per second (one per article, one per crawl state saved)",
                crawl -> format("%,.1f", (crawl.articlesPublished() + crawl.figures().hosts())
                        / (crawl.figures().elapsedNanos() / 1e9)));
        StringBuilder limits = new StringBuilder();
        for (CrawlBench.Result crawl : crawls) {
            limits.append("- ").append(crawl.figures().hosts()).append(" hosts: ").append(crawl.figures().limit())
                    .append(".\n");
        }
        CrawlBench.Result largest = crawls.get(crawls.size() - 1);
        int lastHosts = Arrays.stream(crawlHosts).max().orElseThrow();
        section("Crawling", "The ingester as the service runs it (`IngesterService`: sources scheduler, "
                + "`SourcePoller`, `Crawler`, `HostPacer` and `PageFetcher`, the shipped fetch settings: host delay "
                + largest.figures().hostDelay().toMillis() + " ms, robots.txt honoured) in this process, crawling "
                + "local sites, one per loopback address (127.0.0.2-" + CrawlSites.address(lastHosts - 1)
                + ", each a host of its own to the pacer), each serving robots.txt, an RSS feed of " + crawlArticles
                + " articles and their pages (generated Korean articles, about 6 KB of HTML each). It publishes to "
                + "an embedded broker of its own in this process (exactly-once, as shipped): the crawler's stages "
                + "are package-private to the ingester, so no counting publisher stands in, and publishing is part "
                + "of what is measured. The ingester publishes each article, and each source's crawl state after a "
                + "poll, in a transaction of its own through its one transactional producer, one at a time "
                + "(`ArticlePublisher` is synchronized), whichever source's thread asks. From the first request the "
                + "sites answered to the last article page. Load average " + load + " → "
                + MachineFacts.loadAverage() + ".\n\n" + table.render() + "\nWhat limited each crawl:\n\n" + limits
                + "\nCPU by thread group over the crawl of " + largest.figures().hosts() + " hosts:\n\n"
                + cpuTable(largest.cpu(), largest.figures().requests(), "CPU ms per request"));
    }

    private static void crawlRow(MarkdownTable table, List<CrawlBench.Result> crawls, String figure,
            Function<CrawlBench.Result, String> value) {
        List<String> cells = new ArrayList<>(List.of(figure));
        crawls.forEach(crawl -> cells.add(value.apply(crawl)));
        table.row(cells.toArray(String[]::new));
    }

    private void measureServiceMemory() {
        String load = MachineFacts.loadAverage();
        List<String> javaOptions = serviceJavaOpts.isBlank() ? List.of()
                : List.of(serviceJavaOpts.strip().split("\\s+"));
        ServiceMemoryBench.Result result;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            result = ServiceMemoryBench.measure(KafkaSettings.forBootstrapServers(broker.bootstrapServers()),
                    broker.bootstrapServers(), memorySeconds, memoryRate, memoryHosts, javaOptions,
                    KoreanArticles.distinctStories(20261203L));
        }
        FlowFigures flow = result.flow();
        long articles = flow.offered() + result.crawledArticles();
        double loadSeconds = result.loadNanos() / 1e9;
        MarkdownTable table = new MarkdownTable("service JVM", "peak RSS MB (VmHWM)", "RSS MB at end",
                "peak heap used MB", "heap committed MB at end", "max heap MB", "CPU ms per article",
                "CPU, share of one core");
        for (ServiceMemoryBench.ServiceFigures service : result.services()) {
            table.row(service.service(), format("%,.0f", service.peakRssBytes() / MEGABYTE),
                    format("%,.0f", service.rssBytes() / MEGABYTE), format("%,.0f", service.peakHeapBytes() / MEGABYTE),
                    format("%,.0f", service.heapCommitted() / MEGABYTE), format("%,.0f", service.heapMax() / MEGABYTE),
                    format("%.2f", service.cpuNanos() / 1e6 / articles),
                    format("%.0f %%", 100 * service.cpuNanos() / 1e9 / loadSeconds));
        }
        section("Memory and CPU per service, each in its own JVM", "The three services started as an operator "
                + "starts them, each its own JVM (`IngesterMain`, `EnricherMain`, `AlertsMain` with a config file; "
                + "JVM options: " + (javaOptions.isEmpty() ? "none, the JVM's defaults as the Dockerfile runs them"
                : "`" + String.join(" ", javaOptions) + "`") + "), against an embedded broker in this process. "
                + "Steady load for " + format("%.0f s", loadSeconds) + ": " + memoryRate + " generated articles/s "
                + "sent to news.raw (" + format("%,d", flow.offered()) + ", " + format("%,d", flow.delivered())
                + " alerted, p50 " + format("%,.0f", flow.latencyMillis(0.5)) + " ms, p99 "
                + format("%,.0f", flow.latencyMillis(0.99)) + " ms raw → alert), while the ingester crawled "
                + memoryHosts + " local sites at its host delay (" + format("%,d", result.crawledArticles())
                + " article pages fetched and published); CPU per article is over these " + format("%,d", articles)
                + " articles. Peak RSS is VmHWM of /proc/<pid>/status (since the JVM started, start-up included), "
                + "heap from each service's /metrics (jvm_memory_*{area=\"heap\"}, all pools; the peak is the "
                + "largest of samples taken every second), CPU from /proc/<pid>/stat. Load average " + load + " → "
                + MachineFacts.loadAverage() + ".\n\n" + table.render());
    }

    private void measureReplay() {
        String load = MachineFacts.loadAverage();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        long free = temporary.toFile().getUsableSpace();
        int articles = ReplayDisk.articlesThatFit(replayArticles, free);
        String sizing = format("Free disk under %s at start: %,.1f GB; at up to %,d KB written to the broker per "
                + "archived article (news.raw and what the enricher writes, changelogs included), %,d articles need "
                + "up to %,.1f GB", temporary, free / 1e9, ReplayDisk.BYTES_PER_ARTICLE / 1000, replayArticles,
                (double) replayArticles * ReplayDisk.BYTES_PER_ARTICLE / 1e9)
                + (articles < replayArticles ? format(", more than half of what is free: replayed %,d instead.",
                articles) : ".");
        if (articles < 1) {
            section("Replay", "Not measured: " + sizing);
            return;
        }
        ReplayFigures replay;
        long brokerBytes;
        int partitions;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
            partitions = kafka.partitions();
            replay = ReplayBench.replay(kafka, articles, KoreanArticles.distinctStories(20261202L));
            brokerBytes = BrokerLogSizes.of(kafka).values().stream().mapToLong(Long::longValue).sum();
        }
        MarkdownTable table = new MarkdownTable("replay of news.raw", "figure");
        table.row("archived articles written to news.raw", format("%,d (%,.0f MB before compression)",
                replay.archived(), replay.archivedBytes() / 1e6));
        table.row("time to write them", format("%,.1f s (%,.0f articles/s, %,.1f MB/s)",
                replay.fillNanos() / 1e9, replay.fillRate(), replay.fillMegabytesPerSecond()));
        table.row("enriched records read back", format("%,d of %,d%s", replay.enriched(), replay.archived(),
                replay.complete() ? "" : " (stopped: none came for two minutes)"));
        table.row("enricher start to first enriched record", format("%.1f s", replay.startSeconds()));
        table.row("**time to re-enrich them**", format("**%,.0f s** (%s)", replay.elapsedSeconds(),
                duration(replay.elapsedSeconds())));
        table.row("rate over the whole replay", format("%,.0f articles/s", replay.rate()));
        table.row("sustained rate (middle 80 % of the records)", format("%,.0f articles/s",
                replay.sustainedRate()));
        if (replay.archived() < ReplayFigures.ONE_MILLION) {
            table.row("**projected for one million articles** (start-up + 1,000,000 at the sustained rate)",
                    format("**%s**", duration(replay.projectedSeconds(ReplayFigures.ONE_MILLION))));
        }
        table.row("broker disk after the replay (all topics)", format("%,.0f MB (%,.0f B per article)",
                brokerBytes / 1e6, (double) brokerBytes / replay.archived()));
        section("Replay", "An embedded broker of its own; news.raw (" + partitions + " partitions) filled with "
                + format("%,d", replay.archived()) + " generated "
                + "articles (each its own story) by one producer in large zstd batches; then one enricher (shipped "
                + "configuration, one stream thread, exactly-once) under a fresh application id ("
                + ReplayBench.APPLICATION_ID + "), so it reads news.raw from the beginning, with empty state; timed "
                + "from its start until news.enriched holds as many records, read with read_committed. Alerts are "
                + "not part of it. " + sizing + " Load average " + load + " → " + MachineFacts.loadAverage()
                + ".\n\n" + table.render());
    }

    /** Seconds as hours and minutes (or minutes and seconds under an hour). */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? format("%d h %02d min", whole / 3600, whole % 3600 / 60)
                : format("%d min %02d s", whole / 60, whole % 60);
    }

    private void measureTaggingAndExtraction() {
        MarkdownTable table = new MarkdownTable("work, CPU time of one thread", "rounds kept", "CPU per item",
                "items per CPU-second (one core)");
        String load = MachineFacts.loadAverage();
        List<TaggingCpuTime.Round> tagging = TaggingCpuTime.measure(taggingRounds, Path.of("config"));
        List<TaggingCpuTime.Round> kept = tagging.subList(tagging.size() / 2, tagging.size());
        table.row("tagging (`ArticleEnricher.enrich`), 1,000 articles", kept.size() + " of " + tagging.size(),
                range(kept, TaggingCpuTime.Round::enrichMicros, "%,.0f") + " µs",
                range(kept, round -> 1e6 / round.enrichMicros(), "%,.0f"));
        table.row("story and event signature (`ArticleSigner.sign`)", kept.size() + " of " + tagging.size(),
                range(kept, TaggingCpuTime.Round::signMicros, "%,.0f") + " µs",
                range(kept, round -> 1e6 / round.signMicros(), "%,.0f"));
        String extractionNote = "";
        try {
            List<ExtractionCpuTime.Round> extraction = ExtractionCpuTime.measure(extractionRounds);
            for (NewsExtractionPages.Extractor extractor : NewsExtractionPages.Extractor.values()) {
                List<ExtractionCpuTime.Round> rounds = extraction.stream()
                        .filter(round -> round.extractor() == extractor
                                && (round.round() > 1 || extractionRounds == 1)).toList();
                table.row("extraction, " + extractor.name().toLowerCase(Locale.ROOT)
                        + " (decode, parse, extract), 250 real pages", rounds.size() + " of " + extractionRounds,
                        range(rounds, ExtractionCpuTime.Round::millisPerPage, "%.1f") + " ms",
                        range(rounds, round -> 1e3 / round.millisPerPage(), "%.0f"));
            }
        } catch (IOException | IllegalStateException e) {
            extractionNote = "\n\nExtraction not measured: " + e.getMessage();
        }
        section("Tagging and extraction per core", "`TaggingCpuTime` and `ExtractionCpuTime`, the first rounds "
                + "left out as JIT warm-up; ranges over the rounds kept. Load average " + load + " → "
                + MachineFacts.loadAverage() + ".\n\n" + table.render() + extractionNote);
    }

    private BrokerCeiling.Result[] measureCeiling(BrokerCeiling ceiling, List<byte[]> values) {
        ceiling.idempotent(values, Math.max(1, ceilingRecords / 5));
        String load = MachineFacts.loadAverage();
        BrokerCeiling.Result[] results = {ceiling.idempotent(values, ceilingRecords),
            ceiling.transactional(values, ceilingRecords, perTransaction)};
        MarkdownTable table = new MarkdownTable("producer → broker → read_committed consumer", "records",
                "mean record", "records/s", "MB/s");
        for (BrokerCeiling.Result result : results) {
            table.row(result.mode(), format("%,d", result.records()),
                    format("%,.0f B", (double) result.bytes() / result.records()),
                    format("%,.0f", result.recordsPerSecond()), format("%.1f", result.megabytesPerSecond()));
        }
        section("Broker ceiling", "The embedded KRaft broker in this process, a topic of " + ceiling.partitions()
                + " partitions, the services' producer settings (idempotent, acks=all, linger 5 ms); the records are "
                + "the serialised raw articles of the saturated run, taken in turn; the rate is from the first send "
                + "to the last record read, after a warm-up run of a fifth as many records. Load average " + load
                + " → " + MachineFacts.loadAverage() + ".\n\n"
                + table.render());
        return results;
    }

    private void measureSaturated(KafkaSettings kafka, ArticleFlow flow, List<RawArticle> articles,
            List<byte[]> values, BrokerCeiling.Result[] ceilings) {
        String load = MachineFacts.loadAverage();
        Map<String, Long> logsBefore = BrokerLogSizes.of(kafka);
        ThreadCpu.Snapshot cpuBefore = ThreadCpu.take();
        FlowFigures figures = flow.offer(articles, 0, DRAINED);
        Map<String, Long> cpu = ThreadCpu.spent(cpuBefore, ThreadCpu.take());
        Map<String, Long> written = BrokerLogSizes.growth(logsBefore, BrokerLogSizes.of(kafka));
        double rawBytes = values.stream().mapToLong(value -> value.length).average().orElseThrow();

        MarkdownTable rate = new MarkdownTable("raw → alert, all sent at once", "figure");
        rate.row("articles sent / alerted", format("%,d / %,d", figures.offered(), figures.delivered()));
        rate.row("sustained rate (middle 80 % of alerts)", format("%,.0f articles/s", figures.sustainedRate()));
        rate.row("first send to last alert", format("%.1f s (%,.0f articles/s)", figures.elapsedSeconds(),
                figures.throughput()));
        for (BrokerCeiling.Result ceiling : ceilings) {
            rate.row("fraction of the broker ceiling, " + ceiling.mode(),
                    format("%.1f %%", 100 * figures.sustainedRate() / ceiling.recordsPerSecond()));
        }
        long total = written.values().stream().mapToLong(Long::longValue).sum();
        rate.row("bytes written to the broker per article (all topics)", format("%,.0f B = %.1f × the raw record",
                (double) total / figures.delivered(), total / figures.delivered() / rawBytes));

        MarkdownTable topics = new MarkdownTable("topic", "bytes per article", "× raw record");
        written.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(topic -> topics.row(topic.getKey(), format("%,.0f", (double) topic.getValue()
                        / figures.delivered()), format("%.2f", topic.getValue() / rawBytes / figures.delivered())));
        long withoutRaw = total - written.getOrDefault(Topics.RAW_ARTICLES, 0L);
        double amplification = withoutRaw / rawBytes / figures.delivered();
        rate.row("**pipeline bytes per article, news.raw left out, ÷ raw record (target ≤ "
                + format("%.0f", TARGET_AMPLIFICATION) + "×)**", format("**%.1f × (%s)**", amplification,
                amplification <= TARGET_AMPLIFICATION ? "met" : "not met"));
        topics.row("**all topics**", format("%,.0f", (double) total / figures.delivered()),
                format("%.2f", total / rawBytes / figures.delivered()));
        topics.row("**all but news.raw**", format("%,.0f", (double) withoutRaw / figures.delivered()),
                format("%.2f", withoutRaw / rawBytes / figures.delivered()));

        section("Pipeline raw → alert, saturated", "Enricher and alerts services (shipped configuration: "
                + "exactly-once, one stream thread each, commit interval 100 ms) in this process on the same broker; "
                + format("%,d", figures.offered()) + " generated articles (each its own story, each matching the watch "
                + "china-ai-chips; mean raw record " + format("%,.0f", rawBytes) + " B) sent to news.raw as fast "
                + "as the producer goes, alerts read read_committed from news.alerts. Load average " + load + " → "
                + MachineFacts.loadAverage() + ".\n\n" + rate.render()
                + "\nBytes written to the broker per article, by topic (growth of each topic's log on disk during "
                + "the run, from describeLogDirs; batch headers and transaction markers included):\n\n"
                + topics.render() + "\nCPU per article, by thread group (thread CPU time; the Streams "
                + "threads and their clients' threads carry the application id in their names):\n\n"
                + cpuTable(cpu, figures.delivered(), "CPU ms per article"));
    }

    /**
     * CPU per item by thread group; groups that spent less than 5 µs per item are left out (the alerts service's
     * idle webhook client, whose JDK HTTP client threads are named as the crawler's, in a run without the ingester).
     */
    private static String cpuTable(Map<String, Long> cpu, long items, String perItem) {
        MarkdownTable table = new MarkdownTable("threads", perItem, "share of the process");
        long process = cpu.get(ThreadCpu.TOTAL);
        cpu.forEach((group, nanos) -> {
            if (nanos / 1e3 / items >= 5 || group.equals(ThreadCpu.TOTAL)) {
                table.row(group, format("%.2f", nanos / 1e6 / items), format("%.0f %%", 100.0 * nanos / process));
            }
        });
        return table.render();
    }

    private void measureSteadyLoads(ArticleFlow flow, KoreanArticles generator, int steadyArticles) {
        MarkdownTable delays = new MarkdownTable("offered/s", "articles", "alerted", "achieved/s", "p50 ms",
                "p99 ms", "max ms", "load average");
        MarkdownTable costs = new MarkdownTable("offered/s", "enricher CPU ms/article", "alerts CPU ms/article",
                "process CPU ms/article", "peak RSS MB", "RSS MB at end", "peak heap MB", "live heap MB");
        ProcessMemory memory = new ProcessMemory();
        boolean peakRssReset = true;
        for (int rate : loads) {
            List<RawArticle> articles = generator.next(rate * seconds);
            String load = MachineFacts.loadAverage();
            memory.resetPeaks();
            ThreadCpu.Snapshot cpuBefore = ThreadCpu.take();
            FlowFigures figures = flow.offer(articles, rate, DRAINED);
            Map<String, Long> cpu = ThreadCpu.spent(cpuBefore, ThreadCpu.take());
            ProcessMemory.Figures used = memory.read();
            peakRssReset &= used.peakRssWasReset();
            delays.row(Integer.toString(rate), format("%,d", figures.offered()), format("%,d", figures.delivered()),
                    format("%,.0f", figures.throughput()), format("%,.0f", figures.latencyMillis(0.5)),
                    format("%,.0f", figures.latencyMillis(0.99)), format("%,.0f", figures.maxLatencyMillis()),
                    load + " → " + MachineFacts.loadAverage());
            costs.row(Integer.toString(rate), perArticle(cpu, ThreadCpu.ENRICHER, figures),
                    perArticle(cpu, ThreadCpu.ALERTS, figures), perArticle(cpu, ThreadCpu.TOTAL, figures),
                    format("%,.0f", used.peakRssBytes() / MEGABYTE), format("%,.0f", used.rssBytes() / MEGABYTE),
                    format("%,.0f", used.peakHeapBytes() / MEGABYTE), format("%,.0f", used.liveHeapBytes() / MEGABYTE));
        }
        section("Pipeline raw → alert at steady loads", "Each load offered for " + seconds + " s ("
                + format("%,d", steadyArticles)
                + " articles in all), paced by the producer; the delay is from send() to the first alert of the "
                + "article being readable with read_committed. An achieved rate below the offered one means the "
                + "pipeline could not keep up and the delays grew with the backlog.\n\n" + delays.render()
                + "\nCPU and memory over each load. One process holds the broker, both services and the load "
                + "generator, so memory is the process's, not one service's: peak RSS is VmHWM "
                + (peakRssReset ? "since the load began (reset through /proc/self/clear_refs)" : "since start")
                + ", peak heap the sum of the heap pools' peaks over the load (an upper bound), live heap what a "
                + "full collection at the end left.\n\n" + costs.render());
    }

    private static String perArticle(Map<String, Long> cpu, String group, FlowFigures figures) {
        return format("%.2f", cpu.get(group) / 1e6 / figures.delivered());
    }

    private static <T> String range(List<T> rounds, ToDoubleFunction<T> figure, String pattern) {
        double least = rounds.stream().mapToDouble(figure).min().orElseThrow();
        double most = rounds.stream().mapToDouble(figure).max().orElseThrow();
        return format(pattern, least) + "-" + format(pattern, most);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** Prints a section and writes the report so far, so that a part that fails leaves the others' figures. */
    private void section(String title, String body) {
        String text = (report.isEmpty() ? "# " : "\n## ") + title + "\n\n" + body.strip() + "\n";
        report.append(text);
        System.out.print(text);
        System.out.flush();
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out, e);
        }
    }
}
