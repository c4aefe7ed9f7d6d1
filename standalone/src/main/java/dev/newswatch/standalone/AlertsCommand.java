package dev.newswatch.standalone;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newswatch alerts}: read the alerts of a running system; without a subcommand, picocli asks for one. */
@Command(name = "alerts", mixinStandardHelpOptions = true, subcommands = AlertsCommand.Tail.class,
        description = "Read the alerts of a running Newswatch system.")
final class AlertsCommand {

    /** {@code newswatch alerts tail [--watch ID] [--from-beginning] [--json]}. */
    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = "Print alerts as they arrive, one per line, from the cluster the settings name (their "
                    + "kafka section and NEWSWATCH_KAFKA_* variables), until Ctrl-C. Reads committed alerts only "
                    + "and joins no consumer group, so it disturbs no subscriber.")
    static final class Tail implements Callable<Integer> {

        private static final Duration POLL = Duration.ofMillis(500);

        @Option(names = "--watch", paramLabel = "ID",
                description = "Only this watch's alerts (its topic alerts.<ID>); default: every alert (news.alerts).")
        String watchId;

        @Option(names = "--from-beginning", description = "Start with the oldest alert kept, not the next new one.")
        boolean fromBeginning;

        @Option(names = "--json", description = "Print each alert record as the topic holds it, one JSON per line.")
        boolean json;

        @Option(names = "--limit", paramLabel = "N",
                description = "Stop after N alerts; default: run until stopped.")
        Long limit;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Settings whose kafka section names the cluster; defaults (127.0.0.1:9092) when the "
                        + "file does not exist (default: ${DEFAULT-VALUE}).")
        Path configFile = ServiceLauncher.DEFAULT_CONFIG;

        PrintStream out = System.out;
        PrintStream err = System.err;

        @Override
        public Integer call() {
            if (watchId != null && !Topics.isValidWatchId(watchId)) {
                err.println("'" + watchId + "' is no watch id: lower-case letters, digits and hyphens");
                return 2;
            }
            KafkaSettings kafka = Files.exists(configFile) ? ServiceLauncher.kafkaSettings(configFile)
                    : KafkaSettings.defaults().withEnvironment(System.getenv());
            String topic = watchId == null ? Topics.ALERTS : Topics.watchAlerts(watchId);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("newswatch-alerts-tail",
                    null))) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                if (partitions.isEmpty()) {
                    err.println("No topic " + topic + " on " + kafka.bootstrapServers()
                            + (watchId == null ? "" : ": is '" + watchId + "' a watch the alerts service runs?"));
                    return 1;
                }
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                }
                Thread main = Thread.currentThread();
                Thread wakeUp = new Thread(() -> {
                    consumer.wakeup();
                    joinQuietly(main);
                }, "alerts-tail-stop");
                Runtime.getRuntime().addShutdownHook(wakeUp);
                try {
                    print(consumer);
                } finally {
                    removeQuietly(wakeUp);
                }
            }
            return 0;
        }

        private void print(KafkaConsumer<String, byte[]> consumer) {
            long printed = 0;
            try {
                while (limit == null || printed < limit) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        if (print(record) && limit != null && ++printed >= limit) {
                            return;
                        }
                    }
                }
            } catch (WakeupException stopped) {
                // Ctrl-C: the shutdown hook woke the consumer up.
            }
        }

        /** @return whether an alert was printed */
        private boolean print(ConsumerRecord<String, byte[]> record) {
            if (record.value() == null) {
                return false;
            }
            if (json) {
                out.println(new String(record.value(), StandardCharsets.UTF_8));
                return true;
            }
            try {
                out.println(AlertLine.format(Topics.ALL_ALERTS.deserialize(record.value())));
                return true;
            } catch (RuntimeException e) {
                err.println("Cannot read the alert at " + record.topic() + "-" + record.partition() + " offset "
                        + record.offset() + ": " + e.getMessage());
                return false;
            }
        }

        private static void joinQuietly(Thread thread) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The hook is only for Ctrl-C; once the tail has stopped by itself it must not stay registered. */
        private static void removeQuietly(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already running the hook.
            }
        }
    }
}
