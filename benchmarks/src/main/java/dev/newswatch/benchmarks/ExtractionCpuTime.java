package dev.newswatch.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The work of {@link ExtractionBenchmark} measured in the CPU time of the measuring thread: on a machine shared
 * with other work, wall-clock throughput says how much of a core the benchmark got, CPU time what one core does.
 * Prints, per round over all the pages, CPU milliseconds per page and pages per CPU-second for each extractor; the
 * first rounds warm the JIT up. Run from the repository root:
 *
 * <pre>java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
 *     dev.newswatch.benchmarks.ExtractionCpuTime [rounds=5]</pre>
 */
public final class ExtractionCpuTime {

    private ExtractionCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        NewsExtractionPages pages = new NewsExtractionPages();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (NewsExtractionPages.Extractor extractor : NewsExtractionPages.Extractor.values()) {
                long start = threads.getCurrentThreadCpuTime();
                long sink = 0;
                for (int page = 0; page < pages.size(); page++) {
                    sink += pages.extract(extractor, page);
                }
                double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / pages.size();
                System.out.printf(Locale.ROOT, "round %d: %-13s %6.2f ms/page (%5.1f pages per CPU-second), "
                        + "%,d characters read%n", round, extractor, millis, 1e3 / millis, sink);
            }
        }
    }
}
