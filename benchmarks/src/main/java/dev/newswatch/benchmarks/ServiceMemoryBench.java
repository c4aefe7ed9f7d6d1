package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;

/**
 * The three services each in a JVM of its own, against the broker it is given, under a steady load: the ingester
 * crawling local sites (one request per second to each) while generated articles go to news.raw at a fixed rate.
 * Samples each JVM's resident set (/proc/&lt;pid&gt;/status) and heap (its /metrics, jvm_memory_used_bytes) every
 * second, and takes its CPU time (/proc/&lt;pid&gt;/stat) over the load.
 */
final class ServiceMemoryBench {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STALL = Duration.ofSeconds(60);

    /**
     * One service's figures over the load.
     *
     * @param peakRssBytes   VmHWM: the largest resident set since the JVM started
     * @param rssBytes       VmRSS at the end
     * @param peakHeapBytes  the largest heap in use seen by the samples (all heap pools together)
     * @param heapCommitted  heap committed at the end
     * @param heapMax        the heap's limit
     * @param cpuNanos       CPU time the JVM used over the load
     */
    record ServiceFigures(String service, long peakRssBytes, long rssBytes, long peakHeapBytes, long heapCommitted,
                          long heapMax, long cpuNanos) {
    }

    /** The services' figures, the pipeline's flow over the load and the articles the ingester fetched meanwhile. */
    record Result(List<ServiceFigures> services, FlowFigures flow, long crawledArticles, long loadNanos) {
    }

    private ServiceMemoryBench() {
    }

    static Result measure(KafkaSettings kafka, String bootstrapServers, int seconds, int rate, int hosts,
            List<String> javaOptions, KoreanArticles generator) {
        // Enough articles that the ingester still has pages to fetch when the load ends.
        try (TemporaryDirectory temporary = new TemporaryDirectory("newswatch-bench-jvms-");
                CrawlSites sites = CrawlSites.start(hosts, seconds + 60, generator)) {
            Path directory = temporary.path();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String service : List.of("alerts", "enricher", "ingester")) {
                ports.put(service, ServiceJvm.freePort());
            }
            Path config = writeConfig(directory, bootstrapServers, ports,
                    CrawlBench.sourcesFile(sites.feedUrls(), directory));
            Map<String, String> mains = Map.of("alerts", "dev.newswatch.alerts.AlertsMain",
                    "enricher", "dev.newswatch.enricher.EnricherMain",
                    "ingester", "dev.newswatch.ingester.IngesterMain");
            List<ServiceJvm> jvms = new ArrayList<>();
            try {
                for (Map.Entry<String, Integer> service : ports.entrySet()) {
                    Path log = directory.resolve(service.getKey() + ".log");
                    ServiceJvm jvm = ServiceJvm.start(service.getKey(), mains.get(service.getKey()), config,
                            service.getValue(), javaOptions, log);
                    jvms.add(jvm);
                    jvm.awaitReady(READY_TIMEOUT, log);
                }
                return underLoad(kafka, jvms, sites, seconds, rate, generator);
            } finally {
                for (int i = jvms.size() - 1; i >= 0; i--) {
                    jvms.get(i).close();
                }
            }
        }
    }

    private static Result underLoad(KafkaSettings kafka, List<ServiceJvm> jvms, CrawlSites sites, int seconds,
            int rate, KoreanArticles generator) {
        Map<String, Long> peakHeap = new ConcurrentHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "newswatch-bench-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> jvms.forEach(jvm -> {
            try {
                long heap = (long) MetricsText.sum(jvm.metrics(), "jvm_memory_used_bytes", "area=\"heap\"");
                peakHeap.merge(jvm.name(), heap, Math::max);
            } catch (RuntimeException e) {
                // A sample missed (the JVM busy past the timeout) leaves the peak as it was.
            }
        }), 0, 1, TimeUnit.SECONDS);
        try (ArticleFlow flow = new ArticleFlow(kafka, Topics.ALERTS, ArticleFlow::articleIdOfAlertKey)) {
            Map<String, Long> cpuBefore = new LinkedHashMap<>();
            jvms.forEach(jvm -> cpuBefore.put(jvm.name(), jvm.cpuNanos()));
            long crawledBefore = sites.articleRequests();
            long start = System.nanoTime();
            FlowFigures figures = flow.offer(generator.next(rate * seconds), rate, STALL);
            long loadNanos = System.nanoTime() - start;
            long crawled = sites.articleRequests() - crawledBefore;
            sampler.shutdownNow();
            List<ServiceFigures> services = new ArrayList<>();
            for (ServiceJvm jvm : jvms) {
                List<String> status = jvm.status();
                List<String> metrics = jvm.metrics();
                long heapNow = (long) MetricsText.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"");
                services.add(new ServiceFigures(jvm.name(), ProcessMemory.kilobytes(status, "VmHWM") * 1024,
                        ProcessMemory.kilobytes(status, "VmRSS") * 1024, Math.max(heapNow,
                        peakHeap.getOrDefault(jvm.name(), 0L)),
                        (long) MetricsText.sum(metrics, "jvm_memory_committed_bytes", "area=\"heap\""),
                        (long) MetricsText.sum(metrics, "jvm_memory_max_bytes", "area=\"heap\""),
                        jvm.cpuNanos() - cpuBefore.get(jvm.name())));
            }
            return new Result(services, figures, crawled, loadNanos);
        } finally {
            sampler.shutdownNow();
        }
    }

    private static Path writeConfig(Path directory, String bootstrapServers, Map<String, Integer> ports,
            Path sources) {
        String yaml = "kafka:\n  bootstrapServers: " + bootstrapServers + "\n"
                + "ingester:\n  metricsPort: " + ports.get("ingester") + "\n  sourcesFile: " + sources
                + "\n  instanceId: bench-memory\n"
                + "enricher:\n  metricsPort: " + ports.get("enricher") + "\n  stateDirectory: "
                + directory.resolve("state-enricher") + "\n"
                + "alerts:\n  metricsPort: " + ports.get("alerts") + "\n  stateDirectory: "
                + directory.resolve("state-alerts") + "\n";
        try {
            return Files.writeString(directory.resolve("newswatch.yml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the service JVMs' config in " + directory, e);
        }
    }
}
