package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.enricher.text.FieldText;
import dev.newswatch.enricher.text.PhraseMatch;
import dev.newswatch.enricher.text.SentenceSplitter;
import dev.newswatch.enricher.text.TextNormalizer;
import dev.newswatch.enricher.text.TextSpan;

class TopicClassifierTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private TopicClassifier classifier;

    @BeforeEach
    void rules(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("topics.yml");
        Files.writeString(file, """
                topics:
                  - id: export-controls
                    name: Export controls
                    threshold: 2.0
                    cues: {수출 통제: 2.0, 제재: 1.0, entity list: 2.0}
                  - id: capex
                    name: Capex
                    threshold: 2.5
                    cues: {설비 투자: 2.0, 투자: 0.5}
                """, StandardCharsets.UTF_8);
        classifier = new TopicClassifier(TopicRules.load(file), normalizer);
    }

    private FieldText field(ArticleField field, String text) {
        return FieldText.of(field, text, normalizer, new SentenceSplitter());
    }

    private List<TopicScore> classify(String title, String text) {
        return classifier.classify(field(ArticleField.TITLE, title), field(ArticleField.TEXT, text));
    }

    private TopicScore score(String id, String title, String text) {
        return classifier.score(field(ArticleField.TITLE, title), field(ArticleField.TEXT, text)).stream()
                .filter(score -> score.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void tagsATopicWhenTheCueWeightsReachItsThreshold() {
        List<TopicScore> topics = classify("반도체 소식", "미국이 수출통제를 강화했다.");

        assertThat(topics).extracting(topic -> topic.rule().id()).containsExactly("export-controls");
        assertThat(topics.get(0).score()).isEqualTo(2.0);
        assertThat(topics.get(0).confidence()).isCloseTo(0.5, within(1e-9));
        assertThat(topics.get(0).textCues()).extracting(PhraseMatch::payload).containsExactly("수출 통제");
    }

    @Test
    void doesNotTagBelowTheThreshold() {
        assertThat(classify("반도체 소식", "새로운 제재가 거론된다.")).isEmpty();
        assertThat(score("export-controls", "반도체 소식", "새로운 제재가 거론된다.").score()).isEqualTo(1.0);
    }

    @Test
    void countsATitleCueDouble() {
        TopicScore inTitle = score("export-controls", "미국, 추가 제재", "본문");

        assertThat(inTitle.score()).isEqualTo(2.0);
        assertThat(inTitle.tagged()).isTrue();
        assertThat(inTitle.titleCues()).extracting(cue -> cue.span()).containsExactly(new TextSpan(7, 9));
    }

    @Test
    void countsARepeatedCueOnceButKeepsEveryPlaceAsEvidence() {
        TopicScore repeated = score("export-controls", "", "제재, 제재, 또 제재.");

        assertThat(repeated.score()).isEqualTo(1.0);
        assertThat(repeated.textCues()).hasSize(3);
    }

    @Test
    void matchesLatinCuesOnlyAsWholeWordsAndLetsConfidenceGrowWithScore() {
        assertThat(score("export-controls", "", "the entity listing").score()).isZero();

        TopicScore strong = score("export-controls", "수출 통제 강화", "Entity List에 올렸다. 제재도 했다.");
        assertThat(strong.score()).isEqualTo(7.0);
        assertThat(strong.confidence()).isGreaterThan(0.9).isLessThan(1.0);
    }

    @Test
    void ordersTaggedTopicsByConfidence() {
        List<TopicScore> topics = classify("수출 통제", "설비 투자와 투자 확대, 수출통제.");

        assertThat(topics).extracting(topic -> topic.rule().id()).containsExactly("export-controls", "capex");
    }

    private TopicScore scoreWith(String rulesYaml, String id, String title, String text, Path directory)
            throws IOException {
        Path file = directory.resolve("guarded-topics.yml");
        Files.writeString(file, rulesYaml, StandardCharsets.UTF_8);
        TopicClassifier guarded = new TopicClassifier(TopicRules.load(file), normalizer);
        return guarded.score(field(ArticleField.TITLE, title), field(ArticleField.TEXT, text)).stream()
                .filter(score -> score.rule().id().equals(id)).findFirst().orElseThrow();
    }

    private static final String GUARDED = """
            clauses: {background: [지난해, 앞서], speculative: [가능성]}
            topics:
              - id: capex
                name: Capex
                cues: {설비 투자: 2.0, 투자: 0.5}
                vetoes: [주식, 투자자]
              - id: chip-launch
                name: Chip launch
                cues: {출시: 2.0, 공개: 1.0}
                requires: [칩, GPU]
                clauseWeights: {background: 0.5, speculative: 0}
              - id: ai-model-release
                name: AI model release
                terms: {model: [모델], release: [공개, 출시], launched: [공개한]}
                frames:
                  model released: {weight: 2.0, all: [model, release], within: 10}
                  released model: {weight: 1.0, all: [launched, model], within: 10, ordered: true}
                vetoes: [논문]
                clauseWeights: {background: 0}
              - id: data-center
                name: Data centres
                cues: {데이터센터: 1.0}
                terms: {site: [데이터 센터], build: [건설]}
                frames: {built: {weight: 2.0, all: [site, build]}}
              - id: product-launch
                name: Product launch
                terms: {product: ['/[a-z]{1,3}[0-9]{2,4}/'], launch: [출시]}
                frames: {launched: {weight: 2.0, all: [product, launch], ordered: true}}
            """;

    @Test
    void aVetoInTheSameSentenceCancelsACueButNotOneElsewhere(@TempDir Path directory) throws IOException {
        TopicScore stocks = scoreWith(GUARDED, "capex", "", "개인 투자자들이 주식 설비 투자를 늘렸다.", directory);
        assertThat(stocks.score()).isZero();
        assertThat(stocks.textCues()).isEmpty();

        TopicScore capex = scoreWith(GUARDED, "capex", "",
                "투자자들은 환호했다. 회사는 설비 투자를 두 배로 늘린다.", directory);
        assertThat(capex.score()).isEqualTo(2.0);
    }

    @Test
    void aTopicWithoutWhatItRequiresScoresNothing(@TempDir Path directory) throws IOException {
        assertThat(scoreWith(GUARDED, "chip-launch", "새 스마트폰 출시", "회사가 새 휴대폰을 출시했다.", directory)
                .score()).isZero();
        assertThat(scoreWith(GUARDED, "chip-launch", "새 칩 출시", "회사가 새 제품을 출시했다.", directory)
                .score()).isEqualTo(6.0);
    }

    @Test
    void aCueInABackgroundSentenceWeighsLessThanNews(@TempDir Path directory) throws IOException {
        TopicScore background = scoreWith(GUARDED, "chip-launch", "", "지난해 공개한 칩이 팔린다.", directory);
        TopicScore news = scoreWith(GUARDED, "chip-launch", "", "오늘 공개한 칩이 팔린다.", directory);

        assertThat(background.score()).isEqualTo(0.5);
        assertThat(news.score()).isEqualTo(1.0);
    }

    @Test
    void aCueCountsAtItsBestPlaceInTheField(@TempDir Path directory) throws IOException {
        TopicScore both = scoreWith(GUARDED, "chip-launch", "",
                "앞서 공개한 GPU가 있다. 새 칩도 공개했다.", directory);

        assertThat(both.score()).isEqualTo(1.0);
        assertThat(both.textCues()).hasSize(2);
    }

    @Test
    void aSentenceTheTopicIgnoresForItsReadingCountsNothing(@TempDir Path directory) throws IOException {
        TopicScore guessed = scoreWith(GUARDED, "chip-launch", "", "새 칩을 출시할 가능성이 있다.", directory);
        TopicScore reported = scoreWith(GUARDED, "chip-launch", "", "새 칩을 출시했다.", directory);

        assertThat(guessed.score()).isZero();
        assertThat(guessed.textCues()).isEmpty();
        assertThat(reported.score()).isEqualTo(2.0);
    }

    @Test
    void aFrameCountsWhenAllItsPartsStandCloseInOneSentence(@TempDir Path directory) throws IOException {
        TopicScore close = scoreWith(GUARDED, "ai-model-release", "", "회사가 새 모델을 공개했다.", directory);
        assertThat(close.score()).isEqualTo(2.0);
        assertThat(close.textCues()).singleElement().satisfies(frame -> {
            assertThat(frame.payload()).isEqualTo("model released");
            assertThat(frame.span()).isEqualTo(new TextSpan(6, 12));
        });

        assertThat(scoreWith(GUARDED, "ai-model-release", "", "모델 이야기. 회사가 공개했다.", directory).score())
                .as("parts in two sentences").isZero();
        assertThat(scoreWith(GUARDED, "ai-model-release", "",
                "모델 이야기를 길게 길게 늘어놓은 뒤에 무언가를 공개했다.", directory).score())
                .as("parts too far apart").isZero();
        assertThat(scoreWith(GUARDED, "ai-model-release", "", "지난해 새 모델을 공개했다.", directory).score())
                .as("told as history").isZero();
    }

    @Test
    void anOrderedFrameNeedsItsPartsInOrder(@TempDir Path directory) throws IOException {
        TopicScore before = scoreWith(GUARDED, "ai-model-release", "", "회사가 공개한 모델이 화제다.", directory);
        assertThat(before.textCues()).extracting(PhraseMatch::payload).contains("released model");

        TopicScore after = scoreWith(GUARDED, "ai-model-release", "", "모델은 회사가 공개한 것이다.", directory);
        assertThat(after.textCues()).extracting(PhraseMatch::payload).doesNotContain("released model");
    }

    @Test
    void aVetoHoldsInTheClausesACueTouchesOnly(@TempDir Path directory) throws IOException {
        assertThat(scoreWith(GUARDED, "ai-model-release", "", "새 모델을 공개했고, 논문도 냈다.", directory).score())
                .isEqualTo(2.0);
        assertThat(scoreWith(GUARDED, "ai-model-release", "", "논문과 새 모델을 공개했다.", directory).score())
                .isZero();
    }

    @Test
    void aSentenceNamingAYearBeforeTheArticlesOwnIsBackground(@TempDir Path directory) throws IOException {
        assertThat(scoreWith(GUARDED, "ai-model-release", "",
                "2026년 새 소식이다. 2019년 새 모델을 공개했다.", directory).score()).as("2019 told in 2026").isZero();
        assertThat(scoreWith(GUARDED, "ai-model-release", "",
                "2026년 새 소식이다. 2026년 새 모델을 공개했다.", directory).score()).isEqualTo(2.0);
        assertThat(scoreWith(GUARDED, "ai-model-release", "",
                "2030년까지 투자한다. 2026년 새 모델을 공개했다.", directory).score())
                .as("a deadline is not the article's year").isEqualTo(2.0);
    }

    @Test
    void phrasesDifferingOnlyInSpacingAllCount(@TempDir Path directory) throws IOException {
        TopicScore both = scoreWith(GUARDED, "data-center", "", "새 데이터센터를 건설한다.", directory);

        assertThat(both.textCues()).extracting(PhraseMatch::payload).containsExactlyInAnyOrder("데이터센터", "built");
        assertThat(both.score()).isEqualTo(3.0);
    }

    @Test
    void aPatternTermMatchesWholeLatinTokensOnly(@TempDir Path directory) throws IOException {
        TopicScore code = scoreWith(GUARDED, "product-launch", "", "회사가 MI350을 출시했다.", directory);
        assertThat(code.score()).isEqualTo(2.0);
        assertThat(code.textCues()).singleElement().extracting(cue -> cue.span().of("회사가 MI350을 출시했다."))
                .isEqualTo("MI350을 출시");

        assertThat(scoreWith(GUARDED, "product-launch", "", "회사가 XMI3500X을 출시했다.", directory).score())
                .as("inside a longer token").isZero();
    }
}
