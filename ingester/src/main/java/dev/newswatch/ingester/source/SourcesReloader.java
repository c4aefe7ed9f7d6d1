package dev.newswatch.ingester.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigReloader;
import dev.newswatch.common.config.ReloadOutcome;

/**
 * Watches the sources file and applies each edit while the ingester runs. An edit that does not load is
 * rejected with one error naming file, line and field, counted, and the running configuration stays in force
 * until a valid edit follows (see {@link ConfigReloader}).
 */
public final class SourcesReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourcesReloader.class);

    private final ConfigReloader reloader;

    /** @param loaded the file's content the running configuration was loaded from */
    public SourcesReloader(Path file, byte[] loaded, Consumer<List<Source>> apply,
            Consumer<ReloadOutcome> reloads) {
        this.reloader = new ConfigReloader("ingester-sources", List.of(file), List.of(loaded), () -> {
            List<Source> sources = SourcesConfig.load(file).sources();
            apply.accept(sources);
            log.info("Sources file {} reloaded: {} sources", file, sources.size());
        }, reloads);
    }

    public void start(Duration checkEvery) {
        reloader.start(checkEvery);
    }

    /** Applies the file if it changed since the last check. */
    void check() {
        reloader.check();
    }

    @Override
    public void close() {
        reloader.close();
    }
}
