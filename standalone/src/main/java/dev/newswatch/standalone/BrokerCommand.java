package dev.newswatch.standalone;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch broker}: the embedded Kafka broker alone, for services running as processes of their own. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run only the embedded Kafka broker (one KRaft node, broker and controller, on 127.0.0.1) "
                + "until stopped (SIGTERM, Ctrl-C), so the ingester, enricher and alerts can run beside it as "
                + "processes of their own. Its data stays in DIR/kafka: a broker started again on it has every "
                + "topic, offset and transaction of the last run.")
final class BrokerCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions options;

    @Override
    public Integer call() {
        LocalPorts.requireFree(List.of(options.broker(), options.controller()));
        RunningBroker running = new RunningBroker(options, System.out);
        ServiceLauncher.runUntilStopped("newswatch-broker-shutdown", running::start, running::stop);
        return 0;
    }

    /** The broker between its start and its stop, which a signal may bring while it is still starting. */
    private static final class RunningBroker {
        private final BrokerOptions options;
        private final PrintStream out;
        private EmbeddedKafkaBroker broker;
        private boolean stopping;

        RunningBroker(BrokerOptions options, PrintStream out) {
            this.options = options;
            this.out = out;
        }

        synchronized void start() {
            if (stopping) {
                return;
            }
            broker = SystemRunner.startBroker(options.kafkaDirectory(), options.broker(), options.controller());
            out.printf("Kafka broker ready at %s, data in %s; SIGTERM or Ctrl-C stops it.%n",
                    broker.bootstrapServers(), options.kafkaDirectory());
            out.flush();
        }

        /** Waits for a start in progress, so a broker that was starting is shut down too, not left half-open. */
        synchronized void stop() {
            stopping = true;
            if (broker != null) {
                broker.close();
                out.println("Kafka broker stopped.");
                out.flush();
            }
        }
    }
}
