package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.standalone.LocalPorts.Port;
import dev.newswatch.standalone.LocalPorts.PortInUseException;

/**
 * A port taken between the check and the broker's start (a previous run still stopping) ends the start with one
 * line naming the option, instead of Kafka ending the whole process, and leaves no half-started broker behind.
 */
class BrokerPortRaceIT {

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = listen()) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aControllerPortTakenSinceTheCheckIsReportedByItsOptionAndTheProcessLives(@TempDir Path data)
            throws IOException {
        // Other ITs in this JVM may share a running broker whose threads carry the same names: only threads
        // started by this test count.
        Set<Thread> alreadyRunning = new HashSet<>(Thread.getAllStackTraces().keySet());
        try (ServerSocket taken = listen()) {
            Port broker = new Port(freePort(), "the embedded Kafka broker", "--broker-port");
            Port controller = new Port(taken.getLocalPort(), "the broker's KRaft controller", "--controller-port");

            assertThatThrownBy(() -> SystemRunner.startBroker(data, broker, controller))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("127.0.0.1:" + controller.number() + " was taken while Newswatch started, so the "
                            + "broker's KRaft controller cannot listen there (is Newswatch or another Kafka already "
                            + "running, or still stopping?); choose another port with --controller-port");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(startedSince(alreadyRunning))
                .as("threads of the half-started broker").extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("kafka-1-raft") || name.startsWith("quorum-controller")));
    }

    private static List<Thread> startedSince(Set<Thread> alreadyRunning) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !alreadyRunning.contains(thread)).toList();
    }
}
