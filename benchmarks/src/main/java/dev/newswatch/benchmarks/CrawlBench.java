package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.ingester.IngesterService;
import dev.newswatch.ingester.IngesterSettings;

/**
 * The ingester crawling many local sites at once, as the service runs it ({@link IngesterService}: its crawler,
 * pacing, fetcher and publisher, the shipped fetch settings), publishing to the broker it is given; measures
 * requests per second from the first request the sites answered to the last, and the crawler's CPU meanwhile.
 */
final class CrawlBench {

    private static final Duration STALL = Duration.ofSeconds(60);
    /** How long the last articles fetched may take to be published before the count is read. */
    private static final Duration PUBLISH_WAIT = Duration.ofSeconds(10);

    /** What a crawl measured: the figures, and the articles the ingester said it published. */
    record Result(CrawlFigures figures, long articlesServed, double articlesPublished, Map<String, Long> cpu) {
    }

    private CrawlBench() {
    }

    /** Writes a sources file of one feed source per site, each allowed to fetch from its loopback address. */
    static Path sourcesFile(List<String> feedUrls, Path directory) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < feedUrls.size(); i++) {
            yaml.append(String.format(Locale.ROOT, "  - id: bench-host-%03d%n    outlet: 벤치마크 %03d%n    kind: feed%n"
                    + "    url: %s%n    allowPrivateAddresses: true%n", i, i, feedUrls.get(i)));
        }
        try {
            return Files.writeString(directory.resolve("sources.yml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's sources file in " + directory, e);
        }
    }

    /** Crawls {@code hosts} sites of {@code articlesPerHost} articles each until every article page was fetched. */
    static Result crawl(KafkaSettings kafka, int hosts, int articlesPerHost, KoreanArticles generator) {
        IngesterSettings settings = IngesterSettings.defaults().withMetricsPort(0);
        try (TemporaryDirectory directory = new TemporaryDirectory("newswatch-bench-crawl-");
                CrawlSites sites = CrawlSites.start(hosts, articlesPerHost, generator)) {
            settings = settings.withSourcesFile(sourcesFile(sites.feedUrls(), directory.path()));
            try (IngesterService ingester = new IngesterService(settings, kafka)) {
                ingester.start();
                waitFor(() -> sites.requests() > 0, Duration.ofMinutes(2));
                ThreadCpu.Snapshot before = ThreadCpu.take();
                long expected = (long) hosts * articlesPerHost;
                long lastCount = -1;
                long lastChange = System.nanoTime();
                while (sites.articleRequests() < expected && System.nanoTime() - lastChange < STALL.toNanos()) {
                    if (sites.requests() != lastCount) {
                        lastCount = sites.requests();
                        lastChange = System.nanoTime();
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                Map<String, Long> cpu = ThreadCpu.spent(before, ThreadCpu.take());
                double published = publishedWithin(ingester, sites.articleRequests(), PUBLISH_WAIT);
                CrawlFigures figures = new CrawlFigures(hosts, settings.hostDelay(), sites.requests(),
                        sites.lastRequestNanos() - sites.firstRequestNanos(), cpu.get(ThreadCpu.INGESTER),
                        cpu.get(ThreadCpu.TOTAL), Runtime.getRuntime().availableProcessors());
                return new Result(figures, sites.articleRequests(), published, cpu);
            }
        }
    }

    /** The articles the ingester published, once it has published {@code fetched} or {@code wait} has passed. */
    private static double publishedWithin(IngesterService ingester, long fetched, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            double published = MetricsText.sum(MetricsText.read(ingester.metricsPort()),
                    "newswatch_ingester_articles_published_total", "");
            if (published >= fetched || System.nanoTime() > deadline) {
                return published;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ingester made no request within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
