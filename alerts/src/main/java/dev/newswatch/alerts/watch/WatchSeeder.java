package dev.newswatch.alerts.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigReloader;
import dev.newswatch.common.config.ReloadOutcome;
import dev.newswatch.common.events.Watch;

/**
 * Brings a watches file, {@code config/watches.yml}, into the watches topic, which is what the service matches.
 * At start-up each watch of the file that the topic does not hold is written, so a watch changed, paused or
 * added through {@code newswatch watches} stays as it was made. While the service runs, an edit of the file is
 * written as it is made: each watch the edit adds or changes is written, each it drops is removed.
 */
public final class WatchSeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchSeeder.class);

    private final Path file;
    private final Supplier<Vocabulary> vocabulary;
    private final WatchTopic topic;
    private final ConfigReloader reloader;
    /** The file's watches as last written to the topic. */
    private Map<String, Watch> seeded;

    /**
     * @param loaded     the file as it is now, read and checked
     * @param vocabulary the dictionary an edit is checked against, as it is at the time
     * @param outcomes   told of every edit, whether it was read and written or could not be read, e.g. to count it
     */
    public WatchSeeder(Path file, WatchFile loaded, Supplier<Vocabulary> vocabulary, WatchTopic topic,
            Consumer<ReloadOutcome> outcomes) {
        this.file = file;
        this.vocabulary = vocabulary;
        this.topic = topic;
        this.seeded = loaded.byId();
        this.reloader = new ConfigReloader("alerts-watches", List.of(file), this::writeEdit, outcomes);
    }

    /** Writes the file's watches that the topic does not hold. */
    public void seed() {
        Map<String, Watch> held = topic.watches();
        List<Watch> absent = seeded.values().stream().filter(watch -> !held.containsKey(watch.id())).toList();
        absent.forEach(topic::publish);
        log.info("Watches topic holds {}; seeded {} from {}", held.keySet(),
                absent.stream().map(Watch::id).toList(), file);
    }

    /** Checks the file for edits every {@code interval} on a daemon thread until closed. */
    public void start(Duration interval) {
        reloader.start(interval);
    }

    private void writeEdit() {
        Map<String, Watch> edited = WatchFile.load(file, vocabulary.get()).byId();
        for (Watch watch : edited.values()) {
            if (!watch.equals(seeded.get(watch.id()))) {
                topic.publish(watch);
                log.info("Watch '{}' written from {}", watch.id(), file);
            }
        }
        for (String dropped : seeded.keySet()) {
            if (!edited.containsKey(dropped)) {
                topic.remove(dropped);
                log.info("Watch '{}' removed: {} no longer lists it", dropped, file);
            }
        }
        seeded = edited;
    }

    @Override
    public void close() {
        reloader.close();
    }
}
