package dev.newswatch.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.alerts.alerting.WatchMatcher;
import dev.newswatch.alerts.watch.Vocabulary;
import dev.newswatch.alerts.watch.WatchFile;
import dev.newswatch.alerts.watch.WatchTopic;
import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.json.Json;
import dev.newswatch.enricher.ArticleGrouper;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch watches}: the watches the alerts service matches, in the topic {@code newswatch.watches}, managed
 * while the system runs; and {@code watches test}, which tries a watch on a file of articles before it goes live.
 */
@Command(name = "watches", mixinStandardHelpOptions = true,
        subcommands = {WatchesCommand.ListWatches.class, WatchesCommand.Add.class, WatchesCommand.Remove.class,
                WatchesCommand.Pause.class, WatchesCommand.Resume.class, WatchesCommand.Test.class},
        description = "Manage the watches the alerts service matches; changes take effect within seconds, with no "
                + "restart. Exit code 0 on success, 1 when a watch named does not exist or a line cannot be read, "
                + "2 when a watch or the configuration is invalid.")
final class WatchesCommand implements Runnable {

    private static final String CLIENT_ID = "newswatch-watches-cli";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name what to do with the watches");
    }

    /** The settings file every subcommand reads: the Kafka cluster, and the dictionary watches are checked against. */
    static final class Settings {

        @Option(names = "--config", paramLabel = "FILE",
                description = "Settings whose kafka and alerts sections are used (default: ${DEFAULT-VALUE}).")
        Path configFile = ServiceLauncher.DEFAULT_CONFIG;

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        /** Where the command's results go: standard output unless the command line was given another. */
        PrintWriter out() {
            return command.commandLine().getOut();
        }

        AlertsSettings alerts() {
            return AlertsSettings.load(configFile);
        }

        Vocabulary vocabulary() {
            AlertsSettings alerts = alerts();
            return Vocabulary.load(alerts.entitiesFile(), alerts.topicsFile());
        }

        WatchTopic topic() {
            return new WatchTopic(ServiceLauncher.kafkaSettings(configFile), CLIENT_ID);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the watches the topic holds.")
    static final class ListWatches implements Callable<Integer> {

        @Mixin
        Settings settings;

        @Override
        public Integer call() {
            try (WatchTopic topic = settings.topic()) {
                Map<String, WatchTopic.Row> rows = topic.read();
                rows.forEach((id, row) -> settings.out().println(row.watch() == null
                        ? id + "  UNREADABLE  " + row.unreadable()
                        : describe(row.watch())));
                settings.out().println(rows.size() + " watches in " + Topics.WATCH_DEFINITIONS);
            }
            return 0;
        }

        private static String describe(Watch watch) {
            try {
                return watch.id() + "  " + (watch.paused() ? "paused" : "active") + "  "
                        + watch.severity().name().toLowerCase(Locale.ROOT) + "  " + watch.name()
                        + "  when " + Json.mapper().writeValueAsString(watch.when());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a watch read from JSON cannot be written as JSON", e);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add the watches of FILE (written as in config/watches.yml), or replace those of the same "
                    + "id, after checking them against the dictionary.")
    static final class Add implements Callable<Integer> {

        @Mixin
        Settings settings;

        @Parameters(index = "0", paramLabel = "FILE", description = "Watches, as in config/watches.yml.")
        Path file;

        @Override
        public Integer call() {
            WatchFile watches;
            try {
                watches = WatchFile.load(file, settings.vocabulary());
            } catch (ConfigException e) {
                settings.out().println("INVALID " + e.getMessage());
                return 2;
            }
            if (watches.watches().isEmpty()) {
                settings.out().println("INVALID " + file + ": lists no watches");
                return 2;
            }
            try (WatchTopic topic = settings.topic()) {
                topic.create();
                Map<String, Watch> held = topic.watches();
                for (Watch watch : watches.watches()) {
                    topic.publish(watch);
                    settings.out().println((held.containsKey(watch.id()) ? "Replaced " : "Added ") + watch.id());
                }
            }
            return 0;
        }
    }

    /** A subcommand about one watch, named by its id. */
    abstract static class OneWatch implements Callable<Integer> {

        @Mixin
        Settings settings;

        @Parameters(index = "0", paramLabel = "ID", description = "The watch's id.")
        String id;

        @Override
        public Integer call() {
            try (WatchTopic topic = settings.topic()) {
                WatchTopic.Row row = topic.read().get(id);
                if (row == null) {
                    settings.out().println("No watch '" + id + "'");
                    return 1;
                }
                String done = change(topic, row.watch());
                if (done == null) {
                    settings.out().println("Watch '" + id + "' cannot be read (" + row.unreadable()
                            + "): add it again or remove it");
                    return 1;
                }
                settings.out().println(done + " " + id);
            }
            return 0;
        }

        /**
         * Makes the change.
         *
         * @param watch the watch as the topic holds it; null when its record cannot be read
         * @return what it did, e.g. {@code Removed}; null when it needs a watch that cannot be read
         */
        abstract String change(WatchTopic topic, Watch watch);
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a watch.")
    static final class Remove extends OneWatch {

        @Override
        String change(WatchTopic topic, Watch watch) {
            topic.remove(id);
            return "Removed";
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a watch: it keeps its definition and topic but raises nothing until resumed.")
    static final class Pause extends OneWatch {

        @Override
        String change(WatchTopic topic, Watch watch) {
            return setPaused(topic, watch, true);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused watch.")
    static final class Resume extends OneWatch {

        @Override
        String change(WatchTopic topic, Watch watch) {
            return setPaused(topic, watch, false);
        }
    }

    private static String setPaused(WatchTopic topic, Watch watch, boolean paused) {
        if (watch == null) {
            return null;
        }
        topic.publish(watch.withPaused(paused));
        return paused ? "Paused" : "Resumed";
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Print the alerts a watch would have raised on a file of articles, or on the articles "
                    + "news.enriched retains, one line per alert: the first matching report of each event raises it, "
                    + "later reports update it. With --from it needs no Kafka.")
    static final class Test implements Callable<Integer> {

        @Mixin
        Settings settings;

        @Parameters(index = "0", paramLabel = "WATCH", description = "The watch's id.")
        String watchId;

        @Option(names = "--watches", paramLabel = "FILE",
                description = "Where the watch is defined, as in config/watches.yml (default: the alerts section's "
                        + "watchesFile).")
        Path watchesFile;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Articles articles;

        /** Where the articles come from. */
        static final class Articles {

            @Option(names = "--from", paramLabel = "FILE.jsonl",
                    description = "Articles, one JSON object a line: enriched articles as on news.enriched, or raw "
                            + "ones ({\"id\", \"title\", \"text\"}, optionally \"publishedAt\", \"outlet\", \"url\"), "
                            + "which are tagged and grouped as `newswatch tag` does.")
            Path file;

            @Option(names = "--since", paramLabel = "AGE", converter = AgeConverter.class,
                    description = "The articles news.enriched retains from this long ago on, on the cluster of the "
                            + "settings' kafka section: e.g. 7d, 12h, 30m.")
            Duration age;
        }

        /** {@code 7d}, {@code 12h}, {@code 30m}, or an ISO-8601 duration. */
        static final class AgeConverter implements CommandLine.ITypeConverter<Duration> {

            private static final Pattern SHORT = Pattern.compile("(\\d+)([dhm])");

            @Override
            public Duration convert(String value) {
                Matcher shortForm = SHORT.matcher(value);
                if (!shortForm.matches()) {
                    return Duration.parse(value);
                }
                long amount = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMinutes(amount);
                };
            }
        }

        @Override
        public Integer call() throws IOException {
            Watch watch;
            ArticleEnricher enricher;
            AlertsSettings alerts;
            try {
                alerts = settings.alerts();
                Path file = watchesFile == null ? alerts.watchesFile() : watchesFile;
                watch = WatchFile.load(file, Vocabulary.load(alerts.entitiesFile(), alerts.topicsFile())).byId()
                        .get(watchId);
                if (watch == null) {
                    settings.out().println("No watch '" + watchId + "' in " + file);
                    return 1;
                }
                enricher = ArticleEnricher.of(EntityDictionary.load(alerts.entitiesFile()),
                        TopicRules.load(alerts.topicsFile()), Clock.systemUTC());
            } catch (ConfigException e) {
                settings.out().println("INVALID " + e.getMessage());
                return 2;
            }
            ArticleGrouper grouper = new ArticleGrouper(EnricherSettings.defaults(), new SimpleMeterRegistry());
            ArticleReader reader = new ArticleReader(enricher, grouper, Instant.now());
            if (articles.age != null) {
                return replay(watch, reader, retainedSince(Instant.now().minus(articles.age)), settings.out());
            }
            try (BufferedReader in = Files.newBufferedReader(articles.file, StandardCharsets.UTF_8)) {
                return replay(watch, reader, in.lines().toList(), settings.out());
            }
        }

        /** The values news.enriched holds from {@code since} on, oldest first, as the alerts service would read them. */
        private List<String> retainedSince(Instant since) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, byte[]>(
                    ServiceLauncher.kafkaSettings(settings.configFile).consumer(CLIENT_ID, null))) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED_ARTICLES, READ_TIMEOUT).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
                consumer.offsetsForTimes(partitions.stream().collect(Collectors.toMap(partition -> partition,
                        partition -> since.toEpochMilli())), READ_TIMEOUT).forEach((partition, found) ->
                        consumer.seek(partition, found == null ? end.get(partition) : found.offset()));
                while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
            return records.stream().sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
        }

        /**
         * Matches every article of {@code lines} against the watch and prints, per event, the alert it raised and, when
         * later reports followed, the update listing them.
         *
         * @return 0 when every line was read, 1 when one was not
         */
        static int replay(Watch watch, ArticleReader reader, List<String> lines, PrintWriter out) {
            WatchMatcher matcher = new WatchMatcher(Clock.systemUTC());
            Map<String, Alert> raised = new LinkedHashMap<>();
            Map<String, List<AlertedArticle>> laterReports = new LinkedHashMap<>();
            int articles = 0;
            int unreadable = 0;
            int number = 0;
            for (String line : lines) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                EnrichedArticle article;
                try {
                    article = reader.read(line);
                } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
                    out.println("line " + number + ": " + (e instanceof JsonProcessingException json
                            ? "not an article: " + json.getOriginalMessage() : e.getMessage()));
                    unreadable++;
                    continue;
                }
                articles++;
                for (Alert alert : matcher.match(List.of(watch), article)) {
                    if (raised.putIfAbsent(alert.id(), alert) == null) {
                        out.println(AlertLine.format(alert));
                    } else {
                        laterReports.computeIfAbsent(alert.id(), id -> new ArrayList<>()).add(alert.article());
                    }
                }
            }
            laterReports.forEach((id, reports) ->
                    out.println(AlertLine.format(raised.get(id).updated(reports, Instant.now()))));
            out.println(articles + " articles read, " + raised.size() + " alerts raised, " + laterReports.size()
                    + " updated with later reports" + (unreadable == 0 ? "" : ", " + unreadable + " lines unreadable"));
            return unreadable == 0 ? 0 : 1;
        }
    }

    /** Reads a line as an enriched article, tagging and grouping a raw one as the enricher would. */
    static final class ArticleReader {

        private static final ObjectMapper JSON = Json.mapper();

        private final ArticleEnricher enricher;
        private final ArticleGrouper grouper;
        private final Instant arrival;

        /** @param arrival when an article without a publication time counts as fetched */
        ArticleReader(ArticleEnricher enricher, ArticleGrouper grouper, Instant arrival) {
            this.enricher = enricher;
            this.grouper = grouper;
            this.arrival = arrival;
        }

        EnrichedArticle read(String line) throws JsonProcessingException {
            JsonNode node = JSON.readTree(line);
            if (node.has("article")) {
                return JSON.treeToValue(node, EnrichedArticle.class);
            }
            String id = TagCommand.text(node, "id");
            String title = TagCommand.text(node, "title");
            String text = TagCommand.text(node, "text");
            if (id.isBlank() || title.isBlank() && text.isBlank()) {
                throw new IllegalArgumentException("neither an enriched article nor an article with id and title "
                        + "or text");
            }
            String published = TagCommand.text(node, "publishedAt");
            Instant publishedAt = published.isBlank() ? null : Instant.parse(published);
            ArticleEnricher.Tags tags = enricher.tag(title, text);
            ArticleGrouper.Groups groups = grouper.group(id, title, text, tags.entities(), tags.topics(), publishedAt,
                    publishedAt == null ? arrival : publishedAt);
            String outlet = TagCommand.text(node, "outlet");
            String url = TagCommand.text(node, "url");
            RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, "file", outlet.isBlank() ? "-" : outlet,
                    url.isBlank() ? "file:" + id : url, title.isBlank() ? id : title, publishedAt, null, arrival, "ko",
                    null, null, text, id);
            return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, groups.storyId(), groups.eventId(),
                    tags.entities(), tags.topics(), arrival);
        }
    }
}
