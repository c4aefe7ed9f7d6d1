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
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;

/**
 * Scores the shipped dictionary and topic rules on the labelled set ({@code labelled/articles.jsonl}: Korean
 * articles written for the project in the styles of real outlets, with confusers), per family, and holds them
 * to the bar.
 */
class LabelledSetTest {

    private static final Path SET = Path.of("src", "test", "resources", "labelled", "articles.jsonl");
    private static final String CONFUSER = "confuser";

    record Labelled(String id, String style, String title, String text, Set<String> companies, Set<String> chips,
            Set<String> topics) {
    }

    /** Micro counts of one family. */
    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        final List<String> errors = new ArrayList<>();

        void add(String article, Set<String> expected, Set<String> actual) {
            for (String id : actual) {
                if (expected.contains(id)) {
                    truePositives++;
                } else {
                    falsePositives++;
                    errors.add(article + ": unexpected " + id);
                }
            }
            for (String id : expected) {
                if (!actual.contains(id)) {
                    falseNegatives++;
                    errors.add(article + ": missed " + id);
                }
            }
        }

        double precision() {
            return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private static final Map<String, Score> SCORES = new LinkedHashMap<>();
    private static int confuserChipFalsePositives;
    private static List<Labelled> articles;

    @BeforeAll
    static void scoreTheSet() throws IOException {
        articles = Files.readAllLines(SET, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return Json.mapper().readValue(line, Labelled.class);
                    } catch (IOException e) {
                        throw new IllegalStateException("bad line in " + SET + ": " + line, e);
                    }
                })
                .toList();
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
                Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC));
        Score companies = SCORES.computeIfAbsent("companies", family -> new Score());
        Score chips = SCORES.computeIfAbsent("chips", family -> new Score());
        Score topics = SCORES.computeIfAbsent("topics", family -> new Score());
        for (Labelled article : articles) {
            ArticleEnricher.Tags tags = enricher.tag(article.title(), article.text());
            Set<String> foundCompanies = ids(tags.entities(), true);
            Set<String> foundChips = ids(tags.entities(), false);
            companies.add(article.id(), article.companies(), foundCompanies);
            chips.add(article.id(), article.chips(), foundChips);
            topics.add(article.id(), article.topics(),
                    tags.topics().stream().map(TopicTag::id).collect(Collectors.toCollection(TreeSet::new)));
            if (CONFUSER.equals(article.style())) {
                confuserChipFalsePositives += (int) foundChips.stream().filter(id -> !article.chips().contains(id))
                        .count();
            }
        }
        System.out.println(table());
    }

    private static Set<String> ids(List<EntityTag> tags, boolean companies) {
        return tags.stream().filter(tag -> (tag.kind() == EntityKind.COMPANY) == companies).map(EntityTag::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Labelled set: %d articles%n| family    | precision | recall | F1    | TP  | FP | FN |%n"
                        + "|-----------|-----------|--------|-------|-----|----|----|%n", articles.size()));
        SCORES.forEach((family, score) -> table.append(String.format(Locale.ROOT,
                "| %-9s | %9.3f | %6.3f | %5.3f | %3d | %2d | %2d |%n", family, score.precision(), score.recall(),
                score.f1(), score.truePositives, score.falsePositives, score.falseNegatives)));
        table.append(String.format(Locale.ROOT, "chip false positives on confusers: %d%n",
                confuserChipFalsePositives));
        SCORES.forEach((family, score) -> score.errors.forEach(error -> table.append(family).append(": ")
                .append(error).append(System.lineSeparator())));
        return table.toString();
    }

    @Test
    void hasAtLeastEightyArticlesInEveryStyle() {
        assertThat(articles).hasSizeGreaterThanOrEqualTo(80);
        assertThat(articles).extracting(Labelled::style).contains("wire", "column", "roundup", "glued", CONFUSER);
    }

    @Test
    void companiesReachF1OfNinetySevenPercent() {
        assertThat(SCORES.get("companies").f1()).as(table()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void chipsReachF1OfNinetySevenPercentWithNoFalsePositiveOnConfusers() {
        assertThat(confuserChipFalsePositives).as(table()).isZero();
        assertThat(SCORES.get("chips").f1()).as(table()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void topicsReachF1OfNinetyPercent() {
        assertThat(SCORES.get("topics").f1()).as(table()).isGreaterThanOrEqualTo(0.90);
    }
}
