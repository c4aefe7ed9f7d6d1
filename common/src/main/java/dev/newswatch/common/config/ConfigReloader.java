package dev.newswatch.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches configuration files and, when any of them changes, runs a reload, so a user's edit takes effect while
 * the service runs. A reload that fails (a {@link ConfigException} names file, line and field) is logged once,
 * reported to {@code rejected} to be counted, and leaves what the service runs with in place; the next edit is
 * tried again.
 *
 * <p>Changes are noticed by content, polled, rather than by a file-system watch: editors replace files in ways
 * (rename over, truncate then write) that watch events report inconsistently, mounted volumes may send none, and
 * configuration files are small.
 */
public final class ConfigReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final String name;
    private final List<Path> files;
    private final Runnable reload;
    private final Runnable rejected;
    private final List<byte[]> seen;
    private ScheduledExecutorService poller;

    /**
     * Takes the files' current contents as what the service already runs with.
     *
     * @param name     what is reloaded, e.g. {@code enricher-dictionary}; also names the polling thread
     * @param reload   loads the files and puts them in force; throws when they do not load
     * @param rejected told of every edit that did not load, e.g. to count it
     */
    public ConfigReloader(String name, List<Path> files, Runnable reload, Runnable rejected) {
        this(name, files, files.stream().map(ConfigReloader::read).toList(), reload, rejected);
    }

    /** @param loaded the content of each file that the service runs with, in the order of {@code files} */
    public ConfigReloader(String name, List<Path> files, List<byte[]> loaded, Runnable reload, Runnable rejected) {
        this.name = name;
        this.files = List.copyOf(files);
        this.reload = reload;
        this.rejected = rejected;
        this.seen = new ArrayList<>(loaded);
    }

    /** Checks every {@code interval} on a daemon thread until closed. */
    public synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-reloader");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Reloads when any file's content differs from the last content seen.
     *
     * @return whether the reload ran and succeeded
     */
    public synchronized boolean check() {
        List<byte[]> now = new ArrayList<>(files.size());
        for (Path file : files) {
            byte[] content;
            try {
                content = read(file);
            } catch (IllegalStateException e) {
                // An editor may be replacing the file this very moment; the next check sees the result.
                log.debug("{}: {}", name, e.getMessage());
                return false;
            }
            now.add(content);
        }
        boolean changed = false;
        for (int i = 0; i < files.size(); i++) {
            changed |= !Arrays.equals(now.get(i), seen.get(i));
            seen.set(i, now.get(i));
        }
        if (!changed) {
            return false;
        }
        try {
            reload.run();
            return true;
        } catch (ConfigException e) {
            log.error("Edit of {} rejected, the running configuration stays: {}", files, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Edit of {} rejected, the running configuration stays: {}", files, e.toString());
        }
        rejected.run();
        return false;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // The poller must survive anything one check throws, or reloading would stop for good.
            log.error("{}: checking {} for changes failed: {}", name, files, e.toString());
        }
    }

    /** The file's bytes; empty when it is missing, so that its reappearance counts as a change. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " now: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
