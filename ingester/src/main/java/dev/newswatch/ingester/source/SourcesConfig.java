package dev.newswatch.ingester.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;

/** The sources file: every source the ingester polls. */
public record SourcesConfig(List<Source> sources) {

    public SourcesConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Reads and checks a sources file; throws a ConfigException naming file, line and field. */
    public static SourcesConfig load(Path file) {
        return ConfigLoader.load(file, SourcesConfig.class, SourcesConfig::problems);
    }

    private static List<ConfigProblem> problems(SourcesConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (config.sources.isEmpty()) {
            problems.add(ConfigProblem.at("/sources", "the file lists no sources"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < config.sources.size(); i++) {
            Source source = config.sources.get(i);
            Integer earlier = firstIndex.putIfAbsent(source.id(), i);
            if (earlier != null) {
                problems.add(ConfigProblem.at("/sources/" + i + "/id", "duplicate source id '"
                        + source.id() + "', already used by sources[" + earlier + "]"));
            }
            if (source.settings() instanceof KindSettings.Archive archive && !Files.exists(archive.path())) {
                problems.add(ConfigProblem.at("/sources/" + i + "/path", "archive source " + source.id()
                        + ": nothing at " + archive.path().toAbsolutePath()
                        + " (a relative path is read from the directory the ingester runs in)"));
            }
        }
        return problems;
    }
}
