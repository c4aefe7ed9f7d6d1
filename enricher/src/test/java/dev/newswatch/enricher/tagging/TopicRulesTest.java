package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;

class TopicRulesTest {

    @TempDir
    Path directory;

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("topics.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shipsTheSixTopicsOfTheSharedVocabulary() {
        assertThat(ShippedConfig.topics().rules()).extracting(TopicRule::id).containsExactlyInAnyOrder(
                "export-controls", "capex", "chip-launch", "ai-model-release", "funding", "data-center");
    }

    @Test
    void appliesTheDefaultThreshold() throws IOException {
        Path file = write("""
                topics:
                  - id: funding
                    name: Funding
                    cues: {투자 유치: 2.0}
                """);

        assertThat(TopicRules.load(file).rules().get(0).threshold()).isEqualTo(TopicRule.DEFAULT_THRESHOLD);
    }

    @Test
    void rejectsANonPositiveWeightNamingTheTopic() throws IOException {
        Path file = write("""
                topics:
                  - id: capex
                    name: Capex
                    threshold: 2
                    cues:
                      설비 투자: 2.0
                      투자: -1
                """);

        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isPositive();
                    assertThat(e.field()).startsWith("topics[0]");
                    assertThat(e.getMessage()).contains("cue '투자' needs a positive weight");
                });
    }

    @Test
    void rejectsADuplicateTopicIdAtItsLine() throws IOException {
        Path file = write("""
                topics:
                  - {id: capex, name: Capex, cues: {capex: 2}}
                  - {id: capex, name: Capex again, cues: {설비투자: 2}}
                """);

        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("topics[1].id");
                });
    }

    @Test
    void rejectsCuesThatNormaliseToTheSameText() throws IOException {
        Path file = write("""
                topics:
                  - id: data-center
                    name: Data centres
                    cues:
                      IDC: 1.5
                      idc: 1.0
                """);

        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.field()).isEqualTo("topics[0].cues.idc");
                });
    }

    /** A topic whose cues end on line 6, so that a cue added next stands on line 7. */
    private static final String TWO_CUES = """
            topics:
              - id: export-controls
                name: Export controls
                cues:
                  수출 통제: 2.0
                  엔티티 리스트: 2.0
            """;

    @Test
    void rejectsACueWrittenAgainWithOtherSpacingAtItsLine() throws IOException {
        Path file = write(TWO_CUES + "      수출통제: 1.0\n");

        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("topics[0].cues.수출통제");
                    assertThat(e.getMessage()).startsWith(file + ", line 7, field topics[0].cues.수출통제: "
                            + "cue '수출통제' is the same as cue '수출 통제'");
                });
    }

    @Test
    void rejectsACueListedTwiceAtItsSecondLine() throws IOException {
        Path file = write(TWO_CUES + "      수출 통제: 0.5\n");

        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("topics[0].cues.수출 통제");
                    assertThat(e.getMessage()).contains("Duplicate field '수출 통제'");
                });
    }

    @Test
    void rejectsAnUnknownFieldNamingIt() throws IOException {
        Path file = write("""
                topics:
                  - id: capex
                    name: Capex
                    treshold: 3
                    cues: {capex: 2}
                """);

        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("topics[0].treshold");
                });
    }

    @Test
    void readsRequirementsVetoesFramesAndClauseReadings() throws IOException {
        Path file = write("""
                clauses: {background: [지난해], negated: [않]}
                topics:
                  - id: capex
                    name: Capex
                    cues: {설비 투자: 2.0}
                    requires: [투자]
                    vetoes: [주식]
                    terms: {spend: [투자, 투입], infrastructure: [데이터센터]}
                    frames:
                      spending on infrastructure: {weight: 1.5, all: [spend, infrastructure], within: 20}
                    clauseWeights: {background: 0.25, negated: 0}
                """);

        TopicRules rules = TopicRules.load(file);

        assertThat(rules.clauses().background()).containsExactly("지난해");
        assertThat(rules.clauses().negated()).containsExactly("않");
        assertThat(rules.clauses().speculative()).isEmpty();
        TopicRule capex = rules.rules().get(0);
        assertThat(capex.requires()).containsExactly("투자");
        assertThat(capex.vetoes()).containsExactly("주식");
        assertThat(capex.terms()).containsEntry("spend", List.of("투자", "투입"));
        assertThat(capex.frames()).containsEntry("spending on infrastructure",
                new TopicFrame(1.5, List.of("spend", "infrastructure"), 20, false));
        assertThat(capex.clauseWeights().factor(Set.of(ClauseReading.BACKGROUND))).isEqualTo(0.25);
        assertThat(capex.clauseWeights().factor(Set.of(ClauseReading.BACKGROUND, ClauseReading.NEGATED)))
                .isZero();
        assertThat(capex.clauseWeights().factor(Set.of(ClauseReading.PLANNED))).isEqualTo(1.0);
        TopicRules bare = TopicRules.load(write("topics: [{id: a, name: A, cues: {x: 1.0}}]"));
        assertThat(bare.clauses().byReading().values()).allMatch(List::isEmpty);
        assertThat(bare.rules().get(0).clauseWeights()).isEqualTo(ClauseWeights.full());
    }

    @Test
    void rejectsABadFrameGroupPatternOrClauseWeightNamingTheLine() throws IOException {
        assertRejectedAt(2, "frame 'launched' names term group 'launch'", """
                topics:
                  - id: chip-launch
                    name: Chip launch
                    terms: {chip: [칩]}
                    frames: {launched: {weight: 2.0, all: [chip, launch]}}
                """);
        assertRejectedAt(2, "term /[a-z/ in group 'code' is not a valid pattern", """
                topics:
                  - id: chip-launch
                    name: Chip launch
                    terms: {code: ['/[a-z/'], launch: [출시]}
                    frames: {launched: {weight: 2.0, all: [code, launch]}}
                """);
        assertRejectedAt(5, "must be in [0, 1]", """
                topics:
                  - id: capex
                    name: Capex
                    cues: {설비 투자: 2.0}
                    clauseWeights:
                      background: 2
                """);
    }

    private void assertRejectedAt(int line, String message, String yaml) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> TopicRules.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
