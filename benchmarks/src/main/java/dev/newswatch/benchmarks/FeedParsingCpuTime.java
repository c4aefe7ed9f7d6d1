package dev.newswatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The documents of {@link FeedParsingBenchmark} read in turn, each timed in CPU time of the reading thread, so
 * the figures say what one core spends whatever else the machine runs. Usage: {@code FeedParsingCpuTime [ROUNDS]}.
 */
public final class FeedParsingCpuTime {

    private static final List<String> DOCUMENTS = List.of("feed-nested-100000", "feed-rss-10000-items",
            "feed-at-limits", "sitemap-nested-100000", "sitemap-50000-urls");

    private FeedParsingCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FeedParsingBenchmark reader = new FeedParsingBenchmark();
        for (String document : DOCUMENTS) {
            byte[] body = FeedParsingBenchmark.body(document);
            StringBuilder cpu = new StringBuilder();
            for (int round = 1; round <= rounds; round++) {
                long started = threads.getCurrentThreadCpuTime();
                reader.read(document, body);
                cpu.append(round == 1 ? "" : ", ").append((threads.getCurrentThreadCpuTime() - started) / 1_000_000);
            }
            System.out.printf("%-22s %,10d bytes  CPU ms per read, rounds 1-%d: %s%n", document, body.length, rounds, cpu);
        }
    }
}
