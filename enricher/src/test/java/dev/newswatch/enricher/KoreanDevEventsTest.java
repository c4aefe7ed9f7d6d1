package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.json.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;

/**
 * Quality gate on real Korean news: groups {@code ../shared/data/korean-dev/articles.jsonl} (beside the repository
 * root; the text is never copied here) in file order as {@code newswatch tag} and the stream do, and scores event
 * ids by pairs as {@code shared/tools/score-events.py} does: a pair is one event when the notes of both records
 * carry the same {@code cluster:} tag; every other pair is two events.
 *
 * <p>The issue asks for recall 0.80 at precision 0.95, reached (recall 0.857, precision 0.968); the bars below are
 * the gate, a margin under that, so a change that loses a few pairs fails the build.
 */
class KoreanDevEventsTest {

    private static final Path SET = Path.of("..", "..", "shared", "data", "korean-dev", "articles.jsonl");
    private static final Pattern CLUSTER = Pattern.compile("cluster:([\\w\\-.]+)", Pattern.UNICODE_CHARACTER_CLASS);
    static final double LEAST_RECALL = 0.75;
    static final double LEAST_PRECISION = 0.93;

    record Pair(String first, String second) {
    }

    @Test
    void groupsReportsOfOneEventOnRealKoreanNews() throws IOException {
        boolean present = Files.isRegularFile(SET);
        if (!present) {
            System.out.println("SKIPPED KoreanDevEventsTest: " + SET.toAbsolutePath().normalize() + " is absent");
        }
        assumeTrue(present, () -> SET.toAbsolutePath().normalize() + " is absent: event quality gate skipped");

        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
                Clock.systemUTC());
        ArticleGrouper grouper = new ArticleGrouper(EnricherSettings.defaults(), new SimpleMeterRegistry());
        Instant arrival = Instant.parse("2026-11-30T00:00:00Z");
        Map<String, String> eventOf = new LinkedHashMap<>();
        Map<String, String> clusterOf = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SET, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode article = Json.mapper().readTree(line);
            String id = article.get("id").asText();
            String title = text(article, "title");
            String body = text(article, "text");
            ArticleEnricher.Tags tags = enricher.tag(title, body);
            eventOf.put(id, grouper.group(id, title, body, tags.entities(), tags.topics(), null, arrival).eventId());
            Matcher cluster = CLUSTER.matcher(text(article, "notes"));
            if (cluster.find()) {
                clusterOf.put(id, cluster.group(1).replaceAll("\\.+$", ""));
            }
        }

        Set<Pair> grouped = sameValuePairs(eventOf);
        Set<Pair> gold = sameValuePairs(clusterOf);
        long correct = grouped.stream().filter(gold::contains).count();
        double precision = grouped.isEmpty() ? 1.0 : (double) correct / grouped.size();
        double recall = gold.isEmpty() ? 1.0 : (double) correct / gold.size();
        List<Pair> wrong = grouped.stream().filter(pair -> !gold.contains(pair)).toList();
        System.out.printf(Locale.ROOT, "korean-dev event pairs: gold=%d grouped=%d correct=%d precision=%.3f "
                + "recall=%.3f%n", gold.size(), grouped.size(), correct, precision, recall);
        if (!wrong.isEmpty()) {
            System.out.println("wrongly grouped: " + wrong);
        }

        assertThat(recall).as("event pair recall on korean-dev").isGreaterThanOrEqualTo(LEAST_RECALL);
        assertThat(precision).as("event pair precision on korean-dev").isGreaterThanOrEqualTo(LEAST_PRECISION);
    }

    private static Set<Pair> sameValuePairs(Map<String, String> groupOf) {
        List<String> ids = new ArrayList<>(new TreeSet<>(groupOf.keySet()));
        Set<Pair> pairs = new TreeSet<>((a, b) -> a.first().equals(b.first())
                ? a.second().compareTo(b.second()) : a.first().compareTo(b.first()));
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (groupOf.get(ids.get(i)).equals(groupOf.get(ids.get(j)))) {
                    pairs.add(new Pair(ids.get(i), ids.get(j)));
                }
            }
        }
        return pairs;
    }

    private static String text(JsonNode article, String field) {
        JsonNode value = article.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
