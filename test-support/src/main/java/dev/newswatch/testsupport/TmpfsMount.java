package dev.newswatch.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small file system of the test's own, a tmpfs mounted on a directory, that the test can make read-only or fill
 * up under a running service: how a state directory becomes unwritable or full without a container. Mounting needs
 * root (CAP_SYS_ADMIN), as on the development machines and CI; elsewhere the test is skipped with a message
 * saying so. Write permissions cannot stand in for it: root writes through {@code chmod 000}.
 */
public final class TmpfsMount implements AutoCloseable {

    private static final String FILLER = "filler";

    private final Path directory;

    private TmpfsMount(Path directory) {
        this.directory = directory;
    }

    /**
     * Mounts a tmpfs of {@code size} ({@code 64m}) on {@code directory}, created if missing; skips the test when
     * this machine does not let it.
     */
    public static TmpfsMount mount(Path directory, String size) throws IOException {
        Files.createDirectories(directory);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "newswatch-test",
                directory.toString());
        Assumptions.assumeTrue(failure == null, () -> "SKIPPED: cannot mount a tmpfs for a state directory that"
                + " becomes read-only or full (needs root with CAP_SYS_ADMIN): " + failure);
        return new TmpfsMount(directory);
    }

    public Path directory() {
        return directory;
    }

    public void readOnly() {
        require(run("mount", "-o", "remount,ro", directory.toString()));
    }

    public void writable() {
        require(run("mount", "-o", "remount,rw", directory.toString()));
    }

    /** Writes a file until the file system is full. */
    public void fill() {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(directory.resolve(FILLER))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw new UncheckedIOException("filling " + directory + " failed otherwise than full", full);
            }
        }
    }

    /** Deletes what {@link #fill} wrote. */
    public void drain() throws IOException {
        Files.deleteIfExists(directory.resolve(FILLER));
    }

    /** Unmounts lazily, so a process that still holds a file there does not keep the mount. */
    @Override
    public void close() {
        require(run("umount", "-l", directory.toString()));
    }

    private static void require(String failure) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish within 30 s";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 ? null
                    : String.join(" ", command) + " exited with " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
