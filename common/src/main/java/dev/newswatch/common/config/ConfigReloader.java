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
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches configuration files and, when any of them changes, runs a reload, so a user's edit takes effect while
 * the service runs. A reload that fails (a {@link ConfigException} names file, line and field) is logged once,
 * counted as {@link ReloadOutcome#REJECTED}, and leaves what the service runs with in place; the next edit is
 * tried again. A file deleted or emptied is such an edit: it never takes the service's configuration away.
 *
 * <p>Changes are noticed by content, polled, rather than by a file-system watch: editors replace files in ways
 * (rename over, truncate then write) that watch events report inconsistently, mounted volumes may send none, and
 * configuration files are small. A change is taken only once the files have read the same on two checks in a
 * row, so a file caught half-written (a copy or an upload in progress, whose first part may well be valid YAML
 * with fewer sources or watches) is never put in force.
 */
public final class ConfigReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final String name;
    private final List<Path> files;
    private final Runnable reload;
    private final Consumer<ReloadOutcome> outcomes;
    private final List<byte[]> seen;
    /** What the files read at the last check when that differed from {@link #seen}: a change not yet settled. */
    private List<byte[]> settling;
    private ScheduledExecutorService poller;

    /**
     * Takes the files' current contents as what the service already runs with.
     *
     * @param name     what is reloaded, e.g. {@code enricher-dictionary}; also names the polling thread
     * @param reload   loads the files and puts them in force; throws when they do not load
     * @param outcomes told of every edit, whether it was put in force or rejected, e.g. a {@link ConfigReloads}
     */
    public ConfigReloader(String name, List<Path> files, Runnable reload, Consumer<ReloadOutcome> outcomes) {
        this(name, files, files.stream().map(ConfigReloader::read).toList(), reload, outcomes);
    }

    /** @param loaded the content of each file that the service runs with, in the order of {@code files} */
    public ConfigReloader(String name, List<Path> files, List<byte[]> loaded, Runnable reload,
            Consumer<ReloadOutcome> outcomes) {
        this.name = name;
        this.files = List.copyOf(files);
        this.reload = reload;
        this.outcomes = outcomes;
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
     * Reloads when any file's content differs from the last content put in force or rejected and reads the same
     * as at the previous check.
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
        if (sameContents(now, seen)) {
            settling = null;
            return false;
        }
        if (settling == null || !sameContents(now, settling)) {
            settling = now;
            log.debug("{}: {} changed; taken once it reads the same at the next check", name, files);
            return false;
        }
        settling = null;
        for (int i = 0; i < files.size(); i++) {
            seen.set(i, now.get(i));
        }
        try {
            reload.run();
            outcomes.accept(ReloadOutcome.RELOADED);
            return true;
        } catch (ConfigException e) {
            log.error("Edit of {} rejected, the running configuration stays: {}", files, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Edit of {} rejected, the running configuration stays: {}", files, e.toString());
        }
        outcomes.accept(ReloadOutcome.REJECTED);
        return false;
    }

    private static boolean sameContents(List<byte[]> some, List<byte[]> others) {
        for (int i = 0; i < some.size(); i++) {
            if (!Arrays.equals(some.get(i), others.get(i))) {
                return false;
            }
        }
        return true;
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
