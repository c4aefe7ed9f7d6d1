package dev.newswatch.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
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

    /** One extractor's round over all the pages: CPU milliseconds per page, and the characters it read. */
    record Round(int round, NewsExtractionPages.Extractor extractor, double millisPerPage, long characters) {
    }

    public static void main(String[] args) throws IOException {
        for (Round figures : measure(args.length > 0 ? Integer.parseInt(args[0]) : 5)) {
            System.out.printf(Locale.ROOT, "round %d: %-13s %6.2f ms/page (%5.1f pages per CPU-second), "
                    + "%,d characters read%n", figures.round(), figures.extractor(), figures.millisPerPage(),
                    1e3 / figures.millisPerPage(), figures.characters());
        }
    }

    /** {@code rounds} rounds, each extractor in turn over all the pages. */
    static List<Round> measure(int rounds) throws IOException {
        NewsExtractionPages pages = new NewsExtractionPages();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Round> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (NewsExtractionPages.Extractor extractor : NewsExtractionPages.Extractor.values()) {
                long start = threads.getCurrentThreadCpuTime();
                long sink = 0;
                for (int page = 0; page < pages.size(); page++) {
                    sink += pages.extract(extractor, page);
                }
                measured.add(new Round(round, extractor,
                        (threads.getCurrentThreadCpuTime() - start) / 1e6 / pages.size(), sink));
            }
        }
        return measured;
    }
}
