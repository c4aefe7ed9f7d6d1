package dev.newswatch.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Prometheus rules and Grafana dashboards under ops/, read as their tools read them, and the metric
 * names their queries use, so a test can hold them against the services' real /metrics output.
 */
final class MonitoringFiles {

    static final Path RULES = Path.of("ops", "prometheus", "rules.yml");
    static final Path DASHBOARDS = Path.of("ops", "grafana", "dashboards");
    /** Where the scraped /metrics outputs are written, for .ci/check-metrics to run promtool on them. */
    static final Path SCRAPES = Path.of("standalone", "target", "metrics");

    private static final Pattern METRIC_NAME = Pattern.compile("\\b(?:newswatch|kafka)_[a-z0-9_]+");

    /**
     * Series that exist only once their event has happened (a labelled counter is created on its first
     * increment) and that the demo never causes: it configures no webhook. WebhookDeliveryIT exercises them.
     */
    static final Set<String> ONLY_AFTER_THEIR_EVENT = Set.of("newswatch_alerts_webhook_deliveries_total");

    private MonitoringFiles() {
    }

    /** Every Newswatch and Kafka client series name the rules and the dashboards query. */
    static Set<String> metricsUsed() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        rules.findValues("expr").forEach(expr -> names.addAll(metricNames(expr.asText())));
        for (JsonNode dashboard : dashboards()) {
            dashboard.findValues("expr").forEach(expr -> names.addAll(metricNames(expr.asText())));
        }
        // Recorded series are the rules' own output, not the services'.
        rules.findValues("record").forEach(record -> names.remove(record.asText()));
        return names;
    }

    /** The dashboards, parsed; a JSON syntax error fails here, naming the file. */
    static List<JsonNode> dashboards() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(file -> {
                try {
                    return json.readTree(file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("dashboard " + file + " is not JSON: " + e.getMessage(), e);
                }
            }).toList();
        }
    }

    /** The names of the samples in a Prometheus text exposition, such as {@code x_bucket} and {@code x_count}. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }

    static void saveScrape(String service, String exposition) throws IOException {
        Files.createDirectories(SCRAPES);
        Files.writeString(SCRAPES.resolve(service + ".prom"), exposition, StandardCharsets.UTF_8);
    }

    private static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
