package dev.newswatch.common.streams;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.RocksDBException;

/**
 * The local directory a Streams service keeps its stores in, which must stay writable. Its stores live in memory
 * until RocksDB flushes them or Streams writes a checkpoint, so a directory that became read-only or full may go
 * unnoticed for a long while and then fail a commit; checking it by writing a small file, at start and then
 * every few seconds, turns that into one clear error naming the directory and the cause, before anything fails.
 */
public final class StateDirectoryGuard implements AutoCloseable {

    private static final String PROBE = ".newswatch-write-check-";

    private final Path directory;
    private ScheduledExecutorService checker;

    public StateDirectoryGuard(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Creates the directory if need be and writes, syncs and deletes a small file in it.
     *
     * @throws IllegalStateException naming the directory and why it cannot be written
     */
    public void requireWritable() {
        problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the directory cannot be written now, naming it; empty when it can. */
    public Optional<String> problem() {
        Path probe = null;
        try {
            Files.createDirectories(directory);
            // A name of its own: the enricher and alerts of one process share a state directory by default.
            probe = Files.createTempFile(directory, PROBE, null);
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap("newswatch\n".getBytes(StandardCharsets.US_ASCII)));
                // Without the sync a full disk may accept the write into the page cache and fail it later.
                channel.force(true);
            }
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            deleteQuietly(probe);
            return Optional.of("state directory " + directory + " cannot be written: " + reason(e));
        }
    }

    /** Leaves no empty probe behind on a full disk, which takes the file but not its content. */
    private static void deleteQuietly(Path probe) {
        if (probe != null) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // The directory cannot be written: what the caller reports.
            }
        }
    }

    /** Checks the directory every {@code interval} on a daemon thread until closed; tells {@code failed} once. */
    public synchronized void watch(Duration interval, String service, Consumer<String> failed) {
        if (checker != null) {
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, service + "-state-directory-check");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(() -> problem().ifPresent(problem -> {
            checker.shutdown();
            failed.accept(problem);
        }), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether {@code error}, which failed a stream thread, comes from writing or reading local state: RocksDB, a
     * checkpoint or a task directory. A fresh thread would fail the same way, so the instance should stop.
     */
    public static boolean isLocalStateFault(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProcessorStateException || cause instanceof RocksDBException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The deepest cause's message: what the file system said, such as "No space left on device". */
    static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason() : root.getMessage();
        return (message == null ? "" : message + " ") + "(" + root.getClass().getSimpleName() + ")";
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }
}
