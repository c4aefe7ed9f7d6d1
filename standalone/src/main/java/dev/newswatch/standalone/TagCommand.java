package dev.newswatch.standalone;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;
import dev.newswatch.enricher.ArticleGrouper;
import dev.newswatch.enricher.EnricherSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;

/**
 * {@code newswatch tag FILE.jsonl}: tags an archive of articles with the enricher's own code, so a dictionary or
 * topic-rule change can be tried on real text before it goes live. Needs no Kafka.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag the articles of a JSON-lines file (one {\"id\", \"title\", \"text\"} object a line) as the "
                + "enricher would, and write one JSON line per article: id, storyId and eventId (grouped over the "
                + "file in its order, as the stream would group articles arriving in that order; an optional "
                + "\"publishedAt\" keeps reports further apart than the event window apart), entities (companies), "
                + "chips (chips, systems, memory), topics, salience, confidence and evidence. Exit code 0 when every line was "
                + "tagged, 1 when a line could not be read, 2 when the dictionary or the rules are invalid.")
public final class TagCommand implements Callable<Integer> {

    /** One line of output. */
    record Tagged(String id, String storyId, String eventId, List<String> entities, List<String> chips, List<String> topics,
            Map<String, Salience> salience, Map<String, Double> confidence, List<TaggedEvidence> evidence) {
    }

    /** Why a tag was given; {@code tag} is the company or chip display name, or the topic id. */
    record TaggedEvidence(String tag, ArticleField field, String matched, int start, int end, String sentence) {

        static TaggedEvidence of(String tag, Evidence evidence) {
            return new TaggedEvidence(tag, evidence.field(), evidence.matched(), evidence.start(), evidence.end(),
                    evidence.sentence());
        }
    }

    /** A line that could not be tagged, in place of its output. */
    record Failed(String id, int line, String error) {
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The articles, one JSON object a line; - reads stdin.")
    Path input;

    @Option(names = "--entities", paramLabel = "FILE", description = "The entity dictionary (default: ${DEFAULT-VALUE}).")
    Path entitiesFile = EnricherSettings.defaults().entitiesFile();

    @Option(names = "--topics", paramLabel = "FILE", description = "The topic rules (default: ${DEFAULT-VALUE}).")
    Path topicsFile = EnricherSettings.defaults().topicsFile();

    @Option(names = "--event-similarity", paramLabel = "SHARE",
            description = "Least similarity of two articles' event terms for one event (default: the enricher's, "
                    + "${DEFAULT-VALUE}).")
    double eventSimilarity = EnricherSettings.defaults().eventSimilarity();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the tagged lines (default: standard output).")
    Path output;

    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        ArticleEnricher enricher;
        try {
            enricher = ArticleEnricher.of(EntityDictionary.load(entitiesFile), TopicRules.load(topicsFile),
                    Clock.systemUTC());
        } catch (ConfigException e) {
            err.println("INVALID " + e.getMessage());
            return 2;
        }
        try (Reader in = input.toString().equals("-")
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(input, StandardCharsets.UTF_8);
                Writer out = output == null
                        ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                        : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            ArticleGrouper grouper = new ArticleGrouper(EnricherSettings.defaults().withEventSimilarity(eventSimilarity),
                    new SimpleMeterRegistry());
            int failed = tagAll(enricher, grouper, Instant.now(), new BufferedReader(in), new BufferedWriter(out),
                    err);
            return failed == 0 ? 0 : 1;
        }
    }

    /**
     * Tags every line of {@code in} and writes one line to {@code out} for each: the tags, or for a line that is
     * not an article, its id (when it has one), line number and what is wrong, also reported on {@code err}. An
     * article without a publication time counts as arriving at {@code arrival}, as an archive fetched at once would.
     *
     * @return how many lines could not be tagged
     */
    static int tagAll(ArticleEnricher enricher, ArticleGrouper grouper, Instant arrival, BufferedReader in,
            BufferedWriter out, PrintStream err) throws IOException {
        ObjectMapper json = Json.mapper();
        int failed = 0;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Object result;
            try {
                result = tag(enricher, grouper, arrival, json.readTree(line));
            } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
                String problem = e instanceof JsonProcessingException parse ? "not JSON: " + parse.getOriginalMessage()
                        : e.getMessage();
                result = new Failed(idOf(json, line), number, problem);
                err.println("line " + number + ": " + problem);
                failed++;
            }
            out.write(json.writeValueAsString(result));
            out.newLine();
        }
        out.flush();
        return failed;
    }

    static Tagged tag(ArticleEnricher enricher, ArticleGrouper grouper, Instant arrival, JsonNode article) {
        String id = text(article, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("no id");
        }
        if (!article.hasNonNull("text") && !article.hasNonNull("title")) {
            throw new IllegalArgumentException("article " + id + " has neither title nor text");
        }
        String published = text(article, "publishedAt");
        Instant publishedAt = published.isBlank() ? null : Instant.parse(published);
        ArticleEnricher.Tags tags = enricher.tag(text(article, "title"), text(article, "text"));
        // An article with a publication time counts as fetched when it was published, as a live feed is.
        ArticleGrouper.Groups groups = grouper.group(id, text(article, "title"), text(article, "text"),
                tags.entities(), tags.topics(), publishedAt, publishedAt == null ? arrival : publishedAt);
        List<String> companies = new ArrayList<>();
        List<String> chips = new ArrayList<>();
        Map<String, Salience> salience = new LinkedHashMap<>();
        List<TaggedEvidence> evidence = new ArrayList<>();
        for (EntityTag entity : tags.entities()) {
            (entity.kind() == EntityKind.COMPANY ? companies : chips).add(entity.name());
            salience.put(entity.name(), entity.salience());
            entity.evidence().forEach(mention -> evidence.add(TaggedEvidence.of(entity.name(), mention)));
        }
        Map<String, Double> confidence = new LinkedHashMap<>();
        for (TopicTag topic : tags.topics()) {
            confidence.put(topic.id(), Math.round(topic.confidence() * 1000) / 1000.0);
            topic.evidence().forEach(cue -> evidence.add(TaggedEvidence.of(topic.id(), cue)));
        }
        return new Tagged(id, groups.storyId(), groups.eventId(), companies, chips, tags.topics().stream().map(TopicTag::id).toList(), salience,
                confidence, evidence);
    }

    static String text(JsonNode article, String field) {
        JsonNode value = article.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string");
        }
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** The id of a line that failed, if it is JSON with one; otherwise null. */
    private static String idOf(ObjectMapper json, String line) {
        try {
            JsonNode id = json.readTree(line).get("id");
            return id == null || !id.isTextual() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
