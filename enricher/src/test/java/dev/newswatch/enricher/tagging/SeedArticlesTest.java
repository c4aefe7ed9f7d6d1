package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;

/**
 * The five real articles the project was seeded with (kept outside the repository, in {@code ../shared/seeds})
 * get the companies, chips and topics they plainly state. Skips when the seeds are not there. The first line of
 * a seed is its title; the rest is its text.
 */
class SeedArticlesTest {

    private static final ArticleEnricher ENRICHER = ArticleEnricher.of(ShippedConfig.entities(),
            ShippedConfig.topics(), Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of("000_", Set.of("huawei", "nvidia", "openai", "china-unicom", "china-telecom",
                        "china-mobile", "alibaba", "t-head", "metax", "biren", "baidu", "sensetime", "bytedance",
                        "cambricon", "deepseek"),
                        Set.of("huawei-ascend-950pr", "huawei-ascend-950dt", "huawei-ascend-960", "huawei-ascend-970",
                                "huawei-ascend-910c", "huawei-atlas-950-superpod", "huawei-cloudmatrix-384",
                                "alibaba-ppu", "hbm", "nvidia-h20", "nvidia-a800", "nvidia-rtx-pro-6000d"),
                        Set.of("data-center", "chip-launch", "ai-model-release", "capex")),
                Arguments.of("001_", Set.of("huawei", "enflame", "nvidia", "biren", "moore-threads", "stepfun",
                        "sensetime", "minimax", "metax", "iluvatar-corex", "tencent", "baidu", "alibaba"),
                        Set.of("huawei-cloudmatrix-384", "huawei-ascend-910c", "nvidia-gb200", "metax-c550"),
                        Set.of("export-controls", "chip-launch")),
                Arguments.of("002_", Set.of("alibaba", "tencent", "baidu", "bytedance", "moonshot", "nvidia",
                        "google", "amazon", "meta", "microsoft"),
                        Set.of("nvidia-h100", "nvidia-h20"),
                        Set.of("capex", "export-controls")),
                Arguments.of("003_", Set.of("nvidia", "openai", "meta", "baidu", "alibaba", "huawei", "asml"),
                        Set.of(),
                        Set.of()),
                Arguments.of("004_", Set.of("huawei", "nvidia", "china-telecom", "zhipu", "cambricon", "baidu"),
                        Set.of("huawei-ascend-910b", "nvidia-a100", "nvidia-h200", "cambricon-siyuan",
                                "baidu-kunlun-m100", "baidu-kunlun-m300"),
                        Set.of("ai-model-release")));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tagsWhatTheSeedPlainlyStates(String prefix, Set<String> companies, Set<String> chips, Set<String> topics)
            throws IOException {
        Path seed = seed(prefix);
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        ArticleEnricher.Tags tags = ENRICHER.tag(lines.get(0), String.join("\n", lines.subList(1, lines.size())));

        assertThat(ids(tags.entities(), true)).as("companies of " + seed).containsAll(companies);
        assertThat(ids(tags.entities(), false)).as("chips of " + seed).containsExactlyInAnyOrderElementsOf(chips);
        assertThat(tags.topics()).extracting(TopicTag::id).as("topics of " + seed).containsAll(topics);
    }

    private static Set<String> ids(List<EntityTag> tags, boolean companies) {
        return tags.stream().filter(tag -> (tag.kind() == EntityKind.COMPANY) == companies).map(EntityTag::id)
                .collect(Collectors.toSet());
    }

    /** The seed whose file name starts with {@code prefix}, or a skip when the seeds are not checked out here. */
    private static Path seed(String prefix) throws IOException {
        Path directory = Stream.of(Path.of("..", "..", "shared", "seeds"), Path.of("..", "shared", "seeds"))
                .map(Path::toAbsolutePath).map(Path::normalize)
                .filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(directory != null, "no ../shared/seeds next to the repository");
        try (Stream<Path> files = Files.list(directory)) {
            Path seed = files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            Assumptions.assumeTrue(seed != null, "no seed " + prefix + "* in " + directory);
            return seed;
        }
    }
}
