package dev.newswatch.alerts.watch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ConfigProblem;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.events.WatchCondition;

/**
 * What is wrong with a watch: an id that cannot name a topic, a missing or empty condition, a condition that
 * would hold for almost every article, entries that are blank or repeated, modifiers with nothing to modify, and
 * entity and topic ids the enricher's dictionary does not have or has as another kind.
 */
public final class WatchCheck {

    /** The shape of every dictionary id; a watch listing "Huawei" would otherwise silently never match. */
    private static final Pattern DICTIONARY_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * One problem.
     *
     * @param pointer    where in the watch, as a JSON pointer such as {@code /when/any/1/companies/0}
     * @param dictionary whether the problem is an id the dictionary lacks or has as another kind: a watch with
     *                   only such problems still runs on what it names that exists, waiting for the rest
     */
    public record Problem(String pointer, String message, boolean dictionary) {

        /** This problem, pointing below {@code at}, the JSON pointer of the watch in its file. */
        public ConfigProblem under(String at) {
            return ConfigProblem.at(at + pointer, message);
        }

        @Override
        public String toString() {
            return (pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.') + ": ") + message;
        }
    }

    private final Vocabulary vocabulary;
    private final List<Problem> problems = new ArrayList<>();

    private WatchCheck(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public static List<Problem> problems(Watch watch, Vocabulary vocabulary) {
        WatchCheck check = new WatchCheck(vocabulary);
        check.checkWatch(watch);
        return List.copyOf(check.problems);
    }

    private void checkWatch(Watch watch) {
        if (watch.schemaVersion() > Watch.SCHEMA_VERSION) {
            problem("/schemaVersion", "watch schemaVersion " + watch.schemaVersion()
                    + " is newer than this service reads (" + Watch.SCHEMA_VERSION + ")");
        }
        if (watch.id() == null) {
            problem("/id", "watch has no id");
        } else if (!Topics.isValidWatchId(watch.id())) {
            problem("/id", "watch id '" + watch.id()
                    + "' must be lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (watch.webhook() != null && watch.webhook().url() == null) {
            problem("/webhook", "webhook has no url");
        } else if (watch.webhook() != null && !watch.webhook().hasHttpUrl()) {
            problem("/webhook/url", "webhook url '" + watch.webhook().url()
                    + "' must be an absolute http or https URL with a host");
        }
        if (watch.when() == null) {
            problem("/when", "watch '" + watch.id() + "' has no condition ('when'): it would match every article");
            return;
        }
        int before = problems.size();
        checkCondition(watch.when(), "/when");
        if (problems.size() == before && !positive(watch.when())) {
            problem("/when", "the condition holds for almost every article: besides 'not' it needs a clause "
                    + "saying what to watch");
        }
    }

    private void checkCondition(WatchCondition condition, String at) {
        if (condition == null || !hasClause(condition)) {
            problem(at, "empty condition: give at least one of any, all, not, companies, chips, chipsOf, topics, "
                    + "outlets, sources, keywords");
            return;
        }
        boolean namesEntities = !condition.companies().isEmpty() || !condition.chips().isEmpty()
                || !condition.chipsOf().isEmpty();
        if (condition.about() && !namesEntities) {
            problem(at + "/about", "'about' applies to the companies, chips and chipsOf of the same condition, "
                    + "and this one lists none");
        }
        if (condition.minConfidence() != null) {
            if (condition.topics().isEmpty()) {
                problem(at + "/minConfidence", "'minConfidence' applies to the topics of the same condition, "
                        + "and this one lists none");
            } else if (condition.minConfidence() < 0 || condition.minConfidence() > 1) {
                problem(at + "/minConfidence", "must be between 0 and 1, not " + condition.minConfidence());
            }
        }
        entityIds(condition.companies(), at + "/companies", true, "companies");
        entityIds(condition.chips(), at + "/chips", false, "chips");
        entityIds(condition.chipsOf(), at + "/chipsOf", true, "chipsOf");
        for (Listed topic : distinctIds(condition.topics(), at + "/topics")) {
            if (!vocabulary.topicIds().contains(topic.id())) {
                dictionaryProblem(topic.pointer(), "no topic '" + topic.id() + "' in " + vocabulary.topicsFile());
            }
        }
        texts(condition.outlets(), at + "/outlets");
        texts(condition.sources(), at + "/sources");
        texts(condition.keywords(), at + "/keywords");
        for (int i = 0; i < condition.any().size(); i++) {
            checkCondition(condition.any().get(i), at + "/any/" + i);
        }
        for (int i = 0; i < condition.all().size(); i++) {
            checkCondition(condition.all().get(i), at + "/all/" + i);
        }
        if (condition.not() != null) {
            checkCondition(condition.not(), at + "/not");
        }
    }

    /** @param companies whether the ids must be companies (true) or chips, systems and memory (false) */
    private void entityIds(List<String> ids, String at, boolean companies, String field) {
        for (Listed listed : distinctIds(ids, at)) {
            String pointer = listed.pointer();
            String id = listed.id();
            EntityKind kind = vocabulary.entityKinds().get(id);
            if (kind == null) {
                dictionaryProblem(pointer, "no entity '" + id + "' in " + vocabulary.entitiesFile());
            } else if (companies != (kind == EntityKind.COMPANY)) {
                dictionaryProblem(pointer, "'" + id + "' is a " + kind.name().toLowerCase(Locale.ROOT) + ", but "
                        + field + " lists " + (companies ? "companies" : "chips, systems and memory")
                        + (companies ? ": list it under chips" : ": list it under companies"));
            }
        }
    }

    /** An id and where it is listed. */
    private record Listed(String pointer, String id) {
    }

    /** The well-formed, first-listed ids; a malformed or repeated entry is a problem. */
    private List<Listed> distinctIds(List<String> ids, String at) {
        List<Listed> distinct = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !DICTIONARY_ID.matcher(id).matches()) {
                problem(at + "/" + i, "'" + id + "' is not an id: lower-case letters, digits and hyphens");
            } else if (!seen.add(id)) {
                problem(at + "/" + i, "'" + id + "' is listed twice");
            } else {
                distinct.add(new Listed(at + "/" + i, id));
            }
        }
        return distinct;
    }

    private void texts(List<String> texts, String at) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                problem(at + "/" + i, "blank entry");
            } else if (!seen.add(text.strip().toLowerCase(Locale.ROOT))) {
                problem(at + "/" + i, "'" + text + "' is listed twice");
            }
        }
    }

    private static boolean hasClause(WatchCondition condition) {
        return !condition.any().isEmpty() || !condition.all().isEmpty() || condition.not() != null
                || hasLeaf(condition);
    }

    private static boolean hasLeaf(WatchCondition condition) {
        return !condition.companies().isEmpty() || !condition.chips().isEmpty() || !condition.chipsOf().isEmpty()
                || !condition.topics().isEmpty() || !condition.outlets().isEmpty() || !condition.sources().isEmpty()
                || !condition.keywords().isEmpty();
    }

    /** Whether the condition can hold only through a clause that names something, never through 'not' alone. */
    private static boolean positive(WatchCondition condition) {
        return hasLeaf(condition)
                || !condition.any().isEmpty() && condition.any().stream().allMatch(WatchCheck::positive)
                || condition.all().stream().anyMatch(WatchCheck::positive);
    }

    private void problem(String pointer, String message) {
        problems.add(new Problem(pointer, message, false));
    }

    private void dictionaryProblem(String pointer, String message) {
        problems.add(new Problem(pointer, message, true));
    }
}
