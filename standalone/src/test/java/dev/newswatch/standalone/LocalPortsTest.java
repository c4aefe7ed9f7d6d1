package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.standalone.LocalPorts.Port;
import dev.newswatch.standalone.LocalPorts.PortInUseException;

class LocalPortsTest {

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @Test
    void aPortTakenAfterTheCheckIsReportedByTheOptionThatMovesIt() throws IOException {
        try (ServerSocket raced = listen()) {
            Port free = new Port(0, "the sample news site", "--site-port");
            Port taken = new Port(raced.getLocalPort(), "the embedded Kafka broker", "--broker-port");

            assertThatThrownBy(() -> LocalPorts.binding(List.of(free, taken), () -> {
                try {
                    return new ServerSocket(taken.number(), 1, InetAddress.getLoopbackAddress());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot listen on 127.0.0.1:" + taken.number(), e);
                }
            })).isInstanceOf(PortInUseException.class)
                    .hasMessage("127.0.0.1:" + taken.number() + " was taken while Newswatch started, so the embedded "
                            + "Kafka broker cannot listen there (is Newswatch or another Kafka already running, or "
                            + "still stopping?); choose another port with --broker-port");
        }
    }

    @Test
    void aBindFailureNamingItsPortBlamesThatPortEvenWhenAnEarlierOneIsTaken() throws IOException {
        try (ServerSocket ours = listen(); ServerSocket theirs = listen()) {
            Port controller = new Port(ours.getLocalPort(), "the broker's KRaft controller", "--controller-port");
            Port broker = new Port(theirs.getLocalPort(), "the embedded Kafka broker", "--broker-port");
            RuntimeException kafka = new RuntimeException("Unable to start acceptor for PLAINTEXT",
                    new IllegalStateException("Socket server failed to bind to 127.0.0.1:" + broker.number()
                            + ": Address already in use.", new BindException("Address already in use")));

            assertThat(LocalPorts.explained(kafka, List.of(controller, broker))).hasMessageEndingWith("--broker-port");
        }
    }

    @Test
    void anyOtherFailureIsReportedAsItIs() {
        IllegalStateException failure = new IllegalStateException("cannot format the broker's storage");

        assertThat(LocalPorts.explained(failure, List.of(new Port(0, "the broker", "--broker-port"))))
                .isSameAs(failure);
    }

    @Test
    void freePortsPassTheCheckAndATakenOneDoesNot() throws IOException {
        try (ServerSocket taken = listen()) {
            LocalPorts.requireFree(List.of(new Port(0, "any", "--any")));

            assertThatThrownBy(() -> LocalPorts.requireFree(
                    List.of(new Port(taken.getLocalPort(), "the enricher's metrics", "enricher.metricsPort"))))
                    .isInstanceOf(PortInUseException.class).hasMessageContaining("is already in use")
                    .hasMessageEndingWith("enricher.metricsPort");
        }
    }
}
