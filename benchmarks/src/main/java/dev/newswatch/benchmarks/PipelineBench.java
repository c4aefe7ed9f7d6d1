package dev.newswatch.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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

    private static final Duration STALL = Duration.ofSeconds(60);
    private static final double MEGABYTE = 1024 * 1024;

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

    @Option(names = "--out", defaultValue = "benchmarks/target/bench.md",
            description = "where the report is written (default ${DEFAULT-VALUE})")
    private Path out;

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) {
        // Our services' start-up lines would bury the figures; warnings and errors still show (the libraries log
        // nothing less anyway). Logs go to standard error, the report to standard output.
        System.setProperty("NEWSWATCH_LOG_LEVEL", "warn");
        System.exit(new CommandLine(new PipelineBench()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        section("Newswatch benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS),
                MachineFacts.describe() + "\n\nLoad average (1 min) at start: " + MachineFacts.loadAverage() + ".");
        measureTaggingAndExtraction();
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
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out);
        return 0;
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
        FlowFigures figures = flow.offer(articles, 0, STALL);
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
                + cpuTable(cpu, figures.delivered()));
    }

    private String cpuTable(Map<String, Long> cpu, int articles) {
        MarkdownTable table = new MarkdownTable("threads", "CPU ms per article", "share of the process");
        long process = cpu.get(ThreadCpu.TOTAL);
        cpu.forEach((group, nanos) -> table.row(group, format("%.2f", nanos / 1e6 / articles),
                format("%.0f %%", 100.0 * nanos / process)));
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
            FlowFigures figures = flow.offer(articles, rate, STALL);
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

    private void section(String title, String body) {
        String text = (report.isEmpty() ? "# " : "\n## ") + title + "\n\n" + body.strip() + "\n";
        report.append(text);
        System.out.print(text);
        System.out.flush();
    }
}
