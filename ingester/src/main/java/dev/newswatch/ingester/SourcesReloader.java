package dev.newswatch.ingester;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.ingester.IngesterMetrics.ReloadOutcome;

/**
 * Watches the sources file and applies each edit while the ingester runs. The file's bytes are compared every
 * {@code checkEvery} (more dependable than file-system events on mounted volumes and with editors that replace
 * files). An edit that does not load is rejected with one error naming file, line and field, counted, and the
 * running configuration stays in force until a valid edit follows.
 */
final class SourcesReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourcesReloader.class);

    private final Path file;
    private final Consumer<List<Source>> apply;
    private final IngesterMetrics metrics;
    private final ScheduledExecutorService executor;
    private byte[] lastSeen;

    /** @param loaded the file's content the running configuration was loaded from */
    SourcesReloader(Path file, byte[] loaded, Consumer<List<Source>> apply, IngesterMetrics metrics) {
        this.file = file;
        this.lastSeen = loaded;
        this.apply = apply;
        this.metrics = metrics;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingester-sources-reload");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(Duration checkEvery) {
        executor.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Applies the file if it changed since the last check. */
    void check() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            // An editor may be replacing the file this very moment; the next check sees the result.
            log.debug("Cannot read {} now: {}", file, e.getMessage());
            return;
        }
        if (Arrays.equals(content, lastSeen)) {
            return;
        }
        lastSeen = content;
        List<Source> sources;
        try {
            sources = SourcesConfig.load(file).sources();
        } catch (ConfigException e) {
            log.error("Sources file edit rejected, the running sources stay: {}", e.getMessage());
            metrics.reloaded(ReloadOutcome.REJECTED);
            return;
        } catch (RuntimeException e) {
            log.error("Sources file edit rejected, the running sources stay: {}: {}", file, e.toString());
            metrics.reloaded(ReloadOutcome.REJECTED);
            return;
        }
        apply.accept(sources);
        metrics.reloaded(ReloadOutcome.APPLIED);
        log.info("Sources file {} reloaded: {} sources", file, sources.size());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
