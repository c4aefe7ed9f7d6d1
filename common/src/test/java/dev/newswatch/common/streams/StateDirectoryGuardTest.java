package dev.newswatch.common.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

class StateDirectoryGuardTest {

    @TempDir
    Path directory;

    @Test
    void aWritableDirectoryIsCreatedWhenMissingAndLeftAsItWas() throws IOException {
        Path state = directory.resolve("data").resolve("streams");

        new StateDirectoryGuard(state).requireWritable();

        assertThat(state).isDirectory();
        try (var files = Files.list(state)) {
            assertThat(files).as("the probe file is gone").isEmpty();
        }
    }

    @Test
    void servicesSharingADirectoryCheckItAtTheSameTimeWithoutTrippingEachOther() throws Exception {
        Path state = directory.resolve("streams");
        List<StateDirectoryGuard> guards = List.of(new StateDirectoryGuard(state), new StateDirectoryGuard(state));

        List<Callable<Optional<String>>> checks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            checks.add(guards.get(i % 2)::problem);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<Optional<String>> check : pool.invokeAll(checks)) {
                assertThat(check.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsNamedWithTheCause() throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
        Path state = file.resolve("streams");

        assertThatThrownBy(() -> new StateDirectoryGuard(state).requireWritable())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("state directory " + state.toAbsolutePath() + " cannot be written: ")
                .hasMessageContaining("Exception)");
    }

    @Test
    void aDirectoryThatStopsBeingWritableIsReportedOnceWhileItIsWatched() throws Exception {
        Path state = directory.resolve("streams");
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        try (StateDirectoryGuard guard = new StateDirectoryGuard(state)) {
            guard.requireWritable();
            guard.watch(Duration.ofMillis(20), "test", failure -> {
                failures.add(failure);
                failed.countDown();
            });

            Files.delete(state);
            Files.writeString(state, "a file where the directory was");

            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).singleElement().asString().startsWith("state directory " + state.toAbsolutePath());
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsALocalStateFaultAndAFencedProducerIsNot() {
        StreamsException full = new StreamsException(new ProcessorStateException("Error while executing flush",
                new RocksDBException("IO error: No space left on device")));

        assertThat(StateDirectoryGuard.isLocalStateFault(full)).isTrue();
        assertThat(StateDirectoryGuard.reason(full)).isEqualTo("IO error: No space left on device (RocksDBException)");
        assertThat(StateDirectoryGuard.isLocalStateFault(new StreamsException(new ProducerFencedException("fenced"))))
                .isFalse();
    }
}
