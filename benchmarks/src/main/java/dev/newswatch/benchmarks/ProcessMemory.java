package dev.newswatch.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory of this process: resident set (now and its peak, from /proc/self/status), and the heap (the sum of
 * the heap pools' peaks since the last reset, and what is left after a full collection, the live data).
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    /** Writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one (Linux 4.0+). */
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /**
     * @param peakRssBytes    VmHWM: the largest resident set since start or the last {@link #resetPeaks}
     * @param rssBytes        VmRSS now
     * @param peakHeapBytes   sum of the heap pools' peak usage since the last reset (an upper bound: the pools
     *                        may have peaked at different moments)
     * @param liveHeapBytes   heap used right after a full collection
     * @param peakRssWasReset whether the peak resident set could be reset, else it is the peak since start
     */
    record Figures(long peakRssBytes, long rssBytes, long peakHeapBytes, long liveHeapBytes, boolean peakRssWasReset) {
    }

    private boolean peakRssReset;

    /** Starts the peaks over from now. */
    void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            peakRssReset = true;
        } catch (IOException | UnsupportedOperationException e) {
            peakRssReset = false;
        }
    }

    /** The figures now; runs a full collection for the live heap, so take them after a measured phase. */
    Figures read() {
        List<String> status;
        try {
            status = Files.readAllLines(STATUS, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STATUS + ": the memory figures need Linux", e);
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Figures(kilobytes(status, "VmHWM") * 1024, kilobytes(status, "VmRSS") * 1024, peakHeap, liveHeap,
                peakRssReset);
    }

    /** A {@code Name:    1234 kB} line of /proc/self/status, in kB. */
    static long kilobytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field + ":")).findFirst()
                .map(line -> Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()))
                .orElseThrow(() -> new IllegalStateException(STATUS + " has no " + field + " line"));
    }
}
