package dev.newswatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

/**
 * The CPU time of this process by who spent it, told apart by thread name: a Kafka Streams application names its
 * threads and its clients' threads after its application id, the ingester its poll threads ingester-poll-* and its
 * producer after newswatch-ingester (the JDK's HTTP client, which the crawler uses, names its threads
 * HttpClient-*), and the benchmark's own clients and sites are named newswatch-bench-*. What no Java thread
 * accounts for (garbage collection, JIT compilation) is the process's CPU time less all Java threads'.
 */
final class ThreadCpu {

    static final String ENRICHER = "enricher";
    static final String ALERTS = "alerts";
    static final String INGESTER = "ingester (poll threads, HTTP client, its producer)";
    static final String LOAD = "load generator (producer, reader)";
    static final String BROKER = "broker and other Java threads";
    static final String JVM = "GC and JIT (no Java thread)";
    static final String TOTAL = "process";
    /** The groups in the order a report lists them. */
    static final List<String> GROUPS = List.of(ENRICHER, ALERTS, INGESTER, BROKER, LOAD, JVM, TOTAL);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU nanoseconds so far per live thread, by thread id, with the process's. */
    record Snapshot(Map<Long, Long> threadNanos, Map<Long, String> names, long processNanos) {
    }

    private ThreadCpu() {
    }

    static Snapshot take() {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
            if (cpu >= 0) {
                nanos.put(thread.getThreadId(), cpu);
                names.put(thread.getThreadId(), thread.getThreadName());
            }
        }
        return new Snapshot(nanos, names, PROCESS.getProcessCpuTime());
    }

    /** CPU nanoseconds spent per group between two snapshots, in the order of {@link #GROUPS}. */
    static Map<String, Long> spent(Snapshot before, Snapshot after) {
        Map<String, Long> spent = new LinkedHashMap<>();
        GROUPS.forEach(group -> spent.put(group, 0L));
        long threads = 0;
        for (Map.Entry<Long, Long> thread : after.threadNanos().entrySet()) {
            long used = thread.getValue() - before.threadNanos().getOrDefault(thread.getKey(), 0L);
            spent.merge(groupOf(after.names().get(thread.getKey())), used, Long::sum);
            threads += used;
        }
        long process = after.processNanos() - before.processNanos();
        spent.put(JVM, Math.max(0, process - threads));
        spent.put(TOTAL, process);
        return spent;
    }

    /** The group a thread's CPU time counts to, by its name. */
    static String groupOf(String threadName) {
        if (threadName.contains("newswatch-enricher")) {
            return ENRICHER;
        }
        if (threadName.contains("newswatch-alerts")) {
            return ALERTS;
        }
        if (threadName.startsWith("ingester-poll-") || threadName.startsWith("HttpClient-")
                || threadName.contains("newswatch-ingester")) {
            return INGESTER;
        }
        if (threadName.contains("newswatch-bench")) {
            return LOAD;
        }
        return BROKER;
    }
}
