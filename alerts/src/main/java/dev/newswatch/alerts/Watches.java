package dev.newswatch.alerts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;

/** The watch definitions file, {@code config/watches.yml}; {@link #load} is the only way in that checks them. */
public record Watches(List<Watch> watches) {

    public Watches {
        // Null-tolerant so that the check can name an empty entry ("- ") by its line.
        watches = watches == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(watches));
    }

    /**
     * Reads and checks the file, including that every listed entity and topic is in {@code vocabulary}; any
     * problem is a ConfigException naming file, line and field.
     */
    public static Watches load(Path file, Vocabulary vocabulary) {
        return ConfigLoader.load(file, Watches.class, loaded -> problems(loaded, vocabulary));
    }

    public List<String> ids() {
        return watches.stream().map(Watch::id).toList();
    }

    private static List<ConfigProblem> problems(Watches loaded, Vocabulary vocabulary) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (loaded.watches().isEmpty()) {
            problems.add(ConfigProblem.at("/watches", "no watches defined: the service would never alert"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < loaded.watches().size(); i++) {
            Watch watch = loaded.watches().get(i);
            String at = "/watches/" + i;
            if (watch == null) {
                problems.add(ConfigProblem.at(at, "empty watch"));
                continue;
            }
            problems.addAll(watch.problems(at, vocabulary));
            Integer earlier = firstIndex.putIfAbsent(watch.id(), i);
            if (earlier != null) {
                problems.add(ConfigProblem.at(at + "/id", "watch id '" + watch.id()
                        + "' is already used by watches[" + earlier + "]"));
            }
        }
        return problems;
    }
}
