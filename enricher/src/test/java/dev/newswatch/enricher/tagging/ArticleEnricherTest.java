package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;

class ArticleEnricherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
    private static final ArticleEnricher ENRICHER = ArticleEnricher.of(ShippedConfig.entities(),
            ShippedConfig.topics(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, Salience> salience(String title, String text) {
        return ENRICHER.tag(title, text).entities().stream()
                .collect(Collectors.toMap(EntityTag::id, EntityTag::salience));
    }

    @Test
    void anEntityInTheTitleOrLeadIsWhatTheArticleIsAboutAndOneFurtherDownIsAMention() {
        Map<String, Salience> salience = salience("화웨이, 새 AI 칩 공개",
                "캠브리콘도 신제품을 준비한다. 업계가 주목하고 있다.\n이어서 시장 반응을 살펴본다. 중국 시장은 크다. "
                        + "가격도 중요하다. 엔비디아는 별다른 언급을 하지 않았다.");

        assertThat(salience).containsEntry("huawei", Salience.ABOUT)
                .containsEntry("cambricon", Salience.ABOUT)
                .containsEntry("nvidia", Salience.MENTION);
    }

    @Test
    void anEntityNamedAgainAndAgainIsWhatTheArticleIsAboutWhereverItStands() {
        Map<String, Salience> salience = salience("반도체 소식",
                "시장이 커진다. 수요도 늘었다. 경쟁이 붙었다. 바이두가 칩을 낸다. 바이두는 서버도 판다. 바이두의 목표는 크다.");

        assertThat(salience).containsEntry("baidu", Salience.ABOUT);
    }

    @Test
    void enrichesARawArticleWithEvidenceInTheOriginalOffsets() {
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "a1", "test", "테스트", "http://127.0.0.1/a1",
                "美, ＨＢＭ 수출 통제", NOW, null, NOW, "ko", null, null, "엔비디아(NVIDIA)는 H20칩을 판다.", "f");

        EnrichedArticle enriched = ENRICHER.enrich(raw);

        assertThat(enriched.enrichedAt()).isEqualTo(NOW);
        assertThat(enriched.entities()).extracting(EntityTag::id).containsExactly("hbm", "nvidia", "nvidia-h20");
        Evidence fullWidth = enriched.entities().get(0).evidence().get(0);
        assertThat(fullWidth).isEqualTo(new Evidence(ArticleField.TITLE, "ＨＢＭ", 3, 6, "美, ＨＢＭ 수출 통제"));
        // One sentence names Nvidia twice; it is quoted once, with its first match.
        assertThat(enriched.entities().get(1).evidence()).extracting(Evidence::matched, Evidence::start)
                .containsExactly(tuple("엔비디아", 0));
    }

    @Test
    void reconfiguringSwapsTheDictionaryForTheNextArticle(@TempDir Path directory) throws IOException {
        ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(enricher.tag("화웨이와 텐센트", "").entities()).extracting(EntityTag::id)
                .containsExactly("huawei", "tencent");
        Path onlyTencent = Files.writeString(directory.resolve("entities.yml"), """
                entities:
                  - {id: tencent, name: Tencent, kind: company, aliases: [텐센트]}
                """, StandardCharsets.UTF_8);

        enricher.reconfigure(EntityDictionary.load(onlyTencent), ShippedConfig.topics());

        assertThat(enricher.tag("화웨이와 텐센트", "").entities()).extracting(EntityTag::id).containsExactly("tencent");
    }

    @Test
    void tagsEnglishAndChineseArticlesByTheirOwnAliasesAndCues() {
        ArticleEnricher.Tags english = ENRICHER.tag("Huawei to launch Ascend 950PR in the first quarter",
                "Huawei said it will launch the Ascend 950PR chip next year. The company also plans new data centers "
                        + "for its cloud unit. Nvidia declined to comment.");
        assertThat(english.entities()).extracting(EntityTag::id)
                .containsExactly("huawei", "huawei-ascend-950pr", "nvidia");
        assertThat(english.topics()).extracting(TopicTag::id).contains("chip-launch");

        ArticleEnricher.Tags chinese = ENRICHER.tag("寒武纪发布思元新芯片", "英伟达H20在中国市场面临压力。华为昇腾910C出货量增加。");
        assertThat(chinese.entities()).extracting(EntityTag::id).containsExactly("cambricon", "cambricon-siyuan",
                "nvidia", "nvidia-h20", "huawei", "huawei-ascend-910c");
    }

    @Test
    void textWithNothingToTagIsTaggedWithNothing() {
        assertThat(ENRICHER.tag("", "").entities()).isEmpty();
        ArticleEnricher.Tags unrelated = ENRICHER.tag("今日の天気 ☀️", "東京は晴れ。🙂 Привет, мир! \u0000 ");
        assertThat(unrelated.entities()).isEmpty();
        assertThat(unrelated.topics()).isEmpty();
    }
}
