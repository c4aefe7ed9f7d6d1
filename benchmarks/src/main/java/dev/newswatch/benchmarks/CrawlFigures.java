package dev.newswatch.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * What one crawl of many hosts came to, and what bound it: the politeness bound ({@code hosts} requests per host
 * delay, since each host gets one request at a time at least the delay apart) or the CPU.
 *
 * @param hosts           hosts crawled at once
 * @param hostDelay       least time between two requests to one host
 * @param requests        requests the hosts answered (robots.txt, feeds, article pages)
 * @param elapsedNanos    from the first request answered to the last
 * @param crawlerCpuNanos CPU time of the crawler's threads meanwhile (poll threads, HTTP client, its producer)
 * @param processCpuNanos CPU time of the whole process meanwhile (crawler, broker, sites, GC and JIT)
 * @param cores           processors the process may use
 */
record CrawlFigures(int hosts, Duration hostDelay, long requests, long elapsedNanos, long crawlerCpuNanos,
                    long processCpuNanos, int cores) {

    /** A crawl whose hosts' requests came this close to one per host delay was held back by the pacing. */
    static final double PACED = 1.25;
    /** A process using this share of every core was short of CPU. */
    static final double CPU_BOUND = 0.85;

    CrawlFigures {
        if (hosts < 1 || requests < 1 || elapsedNanos <= 0 || hostDelay.isNegative() || hostDelay.isZero()) {
            throw new IllegalArgumentException("a crawl needs hosts, requests, a positive time and a host delay");
        }
    }

    double requestsPerSecond() {
        return requests / (elapsedNanos / 1e9);
    }

    /** Hosts per host delay: the most requests per second politeness allows. */
    double politenessBound() {
        return hosts / (hostDelay.toNanos() / 1e9);
    }

    double fractionOfPolitenessBound() {
        return requestsPerSecond() / politenessBound();
    }

    /** Mean time between the starts of two requests to one host: the delay plus the response, when paced. */
    double meanGapPerHostSeconds() {
        return hosts / requestsPerSecond();
    }

    double crawlerCpuMillisPerRequest() {
        return crawlerCpuNanos / 1e6 / requests;
    }

    double processCpuMillisPerRequest() {
        return processCpuNanos / 1e6 / requests;
    }

    /** Requests per second the crawler's own CPU cost would allow if it had every core to itself. */
    double crawlerCpuBound() {
        return cores * 1e3 / crawlerCpuMillisPerRequest();
    }

    /** Share of all cores the whole process used meanwhile. */
    double processCpuShare() {
        return processCpuNanos / ((double) elapsedNanos * cores);
    }

    /** What held the crawl back, in a sentence. */
    String limit() {
        if (meanGapPerHostSeconds() <= PACED * hostDelay.toNanos() / 1e9) {
            return String.format(Locale.ROOT, "pacing: each host was asked about once per %.2f s (host "
                    + "delay %s plus the response), while the crawler's own CPU would allow %,.0f requests/s",
                    meanGapPerHostSeconds(), hostDelay, crawlerCpuBound());
        }
        if (processCpuShare() >= CPU_BOUND) {
            return String.format(Locale.ROOT, "CPU: the process used %.0f %% of the %d cores, and each host "
                    + "waited %.2f s between requests instead of %s", 100 * processCpuShare(), cores,
                    meanGapPerHostSeconds(), hostDelay);
        }
        return String.format(Locale.ROOT, "neither pacing nor this process's CPU alone: each host waited "
                + "%.2f s between requests (delay %s) while the process used %.0f %% of the %d cores; the rest is "
                + "waiting (other processes on the machine, the publisher's transactions)", meanGapPerHostSeconds(),
                hostDelay, 100 * processCpuShare(), cores);
    }
}
