package dev.newswatch.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a report says about the machine it was measured on, read from /proc and the JVM. */
final class MachineFacts {

    private MachineFacts() {
    }

    /** Cores, processor, memory, Java and its heap limit, in a sentence. */
    static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %s of memory, Java %s (%s), max heap %,d MB.",
                Runtime.getRuntime().availableProcessors(), procLine("/proc/cpuinfo", "model name"),
                gigabytes(procLine("/proc/meminfo", "MemTotal")),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The 1-minute load average, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code 24684084 kB} as {@code 24 GB}; anything else as it is. */
    private static String gigabytes(String kilobytes) {
        return kilobytes.matches("\\d+ kB") ? String.format(Locale.ROOT, "%.0f GB",
                Long.parseLong(kilobytes.replace(" kB", "")) / 1e6) : kilobytes;
    }

    private static String procLine(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
