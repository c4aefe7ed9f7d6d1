package dev.newswatch.alerts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ConfigProblem;

/**
 * What one analyst wants to hear about: an article matches when it mentions at least one of {@code anyEntities}
 * (if any are listed) and carries at least one of {@code anyTopics} (if any are listed).
 *
 * <p>The checks live in {@link #problems} rather than in the constructor: a problem's pointer can name the exact
 * list entry at fault ({@code anyEntities[3]}), and a misspelt field ({@code anyEntity}) is reported as such
 * instead of as a watch with no lists, because binding finishes before anything is checked.
 *
 * @param id          also names the topic {@code alerts.<id>}, so it must suit a topic name
 * @param name        display name, copied into every alert; defaults to the id
 * @param anyEntities entity ids from the enricher's dictionary, e.g. {@code nvidia-h20}
 * @param anyTopics   topic ids, e.g. {@code export-controls}
 */
public record Watch(String id, String name, String description, List<String> anyEntities, List<String> anyTopics) {

    /** The shape of every dictionary id; a watch listing "Huawei" would otherwise silently never match. */
    private static final Pattern DICTIONARY_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Watch {
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        anyEntities = readOnly(anyEntities);
        anyTopics = readOnly(anyTopics);
    }

    /** Kept null-tolerant so that {@link #problems} can name a blank entry instead of the loader failing on it. */
    private static List<String> readOnly(List<String> ids) {
        return ids == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ids));
    }

    /** What is wrong with this watch, pointing below {@code at}, the JSON pointer of the watch in its file. */
    List<ConfigProblem> problems(String at, Vocabulary vocabulary) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (id == null) {
            problems.add(ConfigProblem.at(at, "watch has no id"));
        } else if (!Topics.isValidWatchId(id)) {
            problems.add(ConfigProblem.at(at + "/id", "watch id '" + id
                    + "' must be lower-case letters, digits and hyphens, starting with a letter or digit"));
        }
        if (anyEntities.isEmpty() && anyTopics.isEmpty()) {
            problems.add(ConfigProblem.at(at + "/id", "watch '" + id
                    + "' would match every article: list anyEntities, anyTopics or both"));
        }
        idProblems(anyEntities, vocabulary.entityIds(), "entity", vocabulary.entitiesFile(), at + "/anyEntities",
                problems);
        idProblems(anyTopics, vocabulary.topicIds(), "topic", vocabulary.topicsFile(), at + "/anyTopics", problems);
        return problems;
    }

    private static void idProblems(List<String> ids, Set<String> known, String kind, Path knownFrom, String at,
            List<ConfigProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !DICTIONARY_ID.matcher(id).matches()) {
                problems.add(ConfigProblem.at(at + "/" + i, "'" + id
                        + "' is not an id: lower-case letters, digits and hyphens"));
            } else if (!seen.add(id)) {
                problems.add(ConfigProblem.at(at + "/" + i, "'" + id + "' is listed twice"));
            } else if (!known.contains(id)) {
                problems.add(ConfigProblem.at(at + "/" + i, "no " + kind + " '" + id + "' in " + knownFrom));
            }
        }
    }
}
