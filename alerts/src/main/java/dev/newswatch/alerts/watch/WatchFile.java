package dev.newswatch.alerts.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;
import dev.newswatch.common.events.Watch;

/**
 * A file of watches, such as {@code config/watches.yml} or one given to {@code newswatch watches add};
 * {@link #load} is the only way in that checks them.
 */
public record WatchFile(List<Watch> watches) {

    public WatchFile {
        // Null-tolerant so that the check can name an empty entry ("- ") by its line.
        watches = watches == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(watches));
    }

    /**
     * Reads and checks the file, including that every entity and topic it names is in {@code vocabulary}; any
     * problem is a ConfigException naming file, line and field.
     */
    public static WatchFile load(Path file, Vocabulary vocabulary) {
        return ConfigLoader.load(file, WatchFile.class, loaded -> problems(loaded, vocabulary));
    }

    /** The watches by id, in the file's order. */
    public Map<String, Watch> byId() {
        Map<String, Watch> byId = new LinkedHashMap<>();
        watches.forEach(watch -> byId.put(watch.id(), watch));
        return byId;
    }

    private static List<ConfigProblem> problems(WatchFile loaded, Vocabulary vocabulary) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < loaded.watches().size(); i++) {
            Watch watch = loaded.watches().get(i);
            String at = "/watches/" + i;
            if (watch == null) {
                problems.add(ConfigProblem.at(at, "empty watch"));
                continue;
            }
            WatchCheck.problems(watch, vocabulary).forEach(problem -> problems.add(problem.under(at)));
            Integer earlier = firstIndex.putIfAbsent(watch.id(), i);
            if (earlier != null) {
                problems.add(ConfigProblem.at(at + "/id", "watch id '" + watch.id()
                        + "' is already used by watches[" + earlier + "]"));
            }
        }
        return problems;
    }
}
