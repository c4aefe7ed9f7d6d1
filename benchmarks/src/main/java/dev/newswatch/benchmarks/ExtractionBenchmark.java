package dev.newswatch.benchmarks;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Article extraction over the real pages of {@link NewsExtractionPages}, one page per operation in turn, so the
 * score is pages per second on one thread (decode + parse + extract), for Newswatch and for Readability4J.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {

    @Param({"newswatch", "readability4j"})
    public String extractor;

    private NewsExtractionPages pages;
    private NewsExtractionPages.Extractor chosen;
    private int next;

    @Setup
    public void setUp() throws IOException {
        pages = new NewsExtractionPages();
        chosen = NewsExtractionPages.Extractor.valueOf(extractor.toUpperCase(Locale.ROOT));
        System.out.printf("%n%d pages, %,d bytes%n", pages.size(), pages.bytes());
    }

    @Benchmark
    public int extractOnePage() {
        int page = next;
        next = (next + 1) % pages.size();
        return pages.extract(chosen, page);
    }
}
