package dev.newswatch.standalone;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

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
        AtomicReference<EmbeddedKafkaBroker> broker = new AtomicReference<>();
        ServiceLauncher.runUntilStopped("newswatch-broker-shutdown", () -> {
            broker.set(SystemRunner.startBroker(options.kafkaDirectory(), options.broker(), options.controller()));
            System.out.printf("Kafka broker ready at %s, data in %s; SIGTERM or Ctrl-C stops it.%n",
                    broker.get().bootstrapServers(), options.kafkaDirectory());
        }, () -> {
            EmbeddedKafkaBroker started = broker.getAndSet(null);
            if (started != null) {
                started.close();
                System.out.println("Kafka broker stopped.");
            }
        });
        return 0;
    }
}
