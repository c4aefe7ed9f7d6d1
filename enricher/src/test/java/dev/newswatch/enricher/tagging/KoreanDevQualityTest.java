package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;

/**
 * The quality gate on real Korean news: tags the excerpts of {@code ../shared/data/korean-dev} (next to the
 * repository, never copied into it) with the shipped configuration and scores them exactly as
 * {@code ../shared/tools/score-tags.py} does: micro precision, recall and F1 per family over names normalised the
 * same way, and the chips tagged that the labels do not have. Skips, saying so, when the set is not there.
 */
class KoreanDevQualityTest {

    static final double MIN_TOPICS_F1 = 0.88;
    static final double MIN_ENTITIES_F1 = 0.98;
    static final double MIN_CHIPS_F1 = 0.98;

    private static final List<String> VENDORS = List.of("nvidia", "huawei", "alibaba", "baidu", "kunlun",
            "cambricon", "metax");
    private static final Map<String, String> ENTITY_ALIASES = Map.of("sk하이닉스", "skhynix", "thead", "thead",
            "tencentholdings", "tencent", "samsungelectronics", "samsung", "moonshotai", "moonshot", "zhipuai", "zhipu");

    /** Micro counts of one family, as the Python scorer keeps them. */
    record Score(int truePositives, int falsePositives, int falseNegatives) {

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    private static final Map<String, Score> SCORES = new LinkedHashMap<>();
    private static final List<String> CHIP_FALSE_POSITIVES = new ArrayList<>();
    private static String report;

    @BeforeAll
    static void scoreTheSet() throws IOException {
        Path set = devSet();
        if (set == null) {
            System.out.println("KoreanDevQualityTest: SKIPPED, no ../shared/data/korean-dev/articles.jsonl next to "
                    + "the repository");
            return;
        }
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
                Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));
        int[][] counts = new int[3][3];
        for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode gold = Json.mapper().readTree(line);
            ArticleEnricher.Tags tags = enricher.tag(gold.path("title").asText(""), gold.path("text").asText(""));
            List<String> companies = names(tags.entities(), true);
            List<String> chips = names(tags.entities(), false);
            List<String> topics = tags.topics().stream().map(TopicTag::id).toList();
            count(counts[0], labels(gold, "entities"), companies, KoreanDevQualityTest::entityNorm);
            count(counts[1], labels(gold, "chips"), chips, KoreanDevQualityTest::chipNorm);
            count(counts[2], labels(gold, "topics"), topics, KoreanDevQualityTest::norm);
            Set<String> goldChips = labels(gold, "chips").stream().map(KoreanDevQualityTest::chipNorm)
                    .collect(Collectors.toSet());
            chips.stream().filter(chip -> !goldChips.contains(chipNorm(chip)))
                    .forEach(chip -> CHIP_FALSE_POSITIVES.add(gold.path("id").asText() + ":" + chip));
        }
        String[] families = {"entities", "chips", "topics"};
        StringBuilder text = new StringBuilder("korean-dev (" + set + "):\n");
        for (int i = 0; i < families.length; i++) {
            Score score = new Score(counts[i][0], counts[i][1], counts[i][2]);
            SCORES.put(families[i], score);
            text.append(String.format(Locale.ROOT, "%-9s P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)%n", families[i],
                    score.precision(), score.recall(), score.f1(), score.truePositives(), score.falsePositives(),
                    score.falseNegatives()));
        }
        text.append("chip false positives: ")
                .append(CHIP_FALSE_POSITIVES.isEmpty() ? "none" : String.join(" ", CHIP_FALSE_POSITIVES));
        report = text.toString();
        System.out.println(report);
    }

    /** The set, found next to the repository root whatever directory the test runs in; null when absent. */
    private static Path devSet() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("enricher"))) {
                Path set = directory.resolveSibling("shared").resolve(Path.of("data", "korean-dev", "articles.jsonl"));
                return Files.isRegularFile(set) ? set : null;
            }
        }
        return null;
    }

    private static List<String> names(List<EntityTag> tags, boolean companies) {
        return tags.stream().filter(tag -> (tag.kind() == EntityKind.COMPANY) == companies).map(EntityTag::name)
                .toList();
    }

    private static List<String> labels(JsonNode gold, String family) {
        List<String> labels = new ArrayList<>();
        gold.path(family).forEach(label -> labels.add(label.asText()));
        return labels;
    }

    private static void count(int[] counts, List<String> gold, List<String> predicted, UnaryOperator<String> norm) {
        Set<String> expected = gold.stream().map(norm).collect(Collectors.toSet());
        Set<String> actual = predicted.stream().map(norm).collect(Collectors.toSet());
        counts[0] += (int) actual.stream().filter(expected::contains).count();
        counts[1] += (int) actual.stream().filter(name -> !expected.contains(name)).count();
        counts[2] += (int) expected.stream().filter(name -> !actual.contains(name)).count();
    }

    static String norm(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("(?U)[\\s\\-_]+", "");
    }

    static String entityNorm(String name) {
        String normalised = norm(name);
        return ENTITY_ALIASES.getOrDefault(normalised, normalised);
    }

    static String chipNorm(String name) {
        String normalised = norm(name);
        for (String vendor : VENDORS) {
            if (normalised.startsWith(vendor) && normalised.length() > vendor.length()) {
                normalised = normalised.substring(vendor.length());
                break;
            }
        }
        return normalised.replace("ascend", "");
    }

    private static Score score(String family) {
        Assumptions.assumeTrue(report != null, "no ../shared/data/korean-dev next to the repository: gate skipped");
        return SCORES.get(family);
    }

    @Test
    void topicsReachTheGate() {
        assertThat(score("topics").f1()).as(report).isGreaterThanOrEqualTo(MIN_TOPICS_F1);
    }

    @Test
    void entitiesReachTheGate() {
        assertThat(score("entities").f1()).as(report).isGreaterThanOrEqualTo(MIN_ENTITIES_F1);
    }

    @Test
    void chipsReachTheGateWithNoFalsePositive() {
        assertThat(score("chips").f1()).as(report).isGreaterThanOrEqualTo(MIN_CHIPS_F1);
        assertThat(CHIP_FALSE_POSITIVES).as(report).isEmpty();
    }
}
