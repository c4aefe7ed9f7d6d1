package dev.newswatch.alerts.watch;

import static dev.newswatch.alerts.TestWatches.SHIPPED;
import static dev.newswatch.alerts.TestWatches.SHIPPED_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.events.Severity;
import dev.newswatch.common.events.Watch;

class WatchFileTest {

    @TempDir
    Path directory;

    @Test
    void theShippedFileHoldsTheDemoWatchesAndTheIssuesExamples() {
        WatchFile watches = WatchFile.load(SHIPPED_CONFIG.resolve("watches.yml"), SHIPPED);

        assertThat(watches.byId()).containsOnlyKeys("china-ai-chips", "nvidia-china-exports", "ai-infra-capex",
                "huawei-ascend", "china-cloud-capex", "china-chip-launches", "sk-hynix-hbm");
        Watch hbm = watches.byId().get("sk-hynix-hbm");
        assertThat(hbm.when().companies()).containsExactly("sk-hynix");
        assertThat(hbm.when().chips()).containsExactly("hbm");
        assertThat(hbm.when().not().keywords()).contains("주가");
        assertThat(watches.byId().get("huawei-ascend").when().chipsOf()).containsExactly("huawei");
        assertThat(watches.byId().get("china-cloud-capex").when().about()).isTrue();
        assertThat(watches.byId().get("nvidia-china-exports").severity()).isEqualTo(Severity.HIGH);
        assertThat(watches.byId().get("huawei-ascend").severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anIdTheDictionaryLacksIsNamedByFileLineAndFieldDeepInTheCondition() throws IOException {
        Path file = write("""
                watches:
                  - id: chips
                    when:
                      any:
                        - companies: [huawei]
                        - companies:
                            - cambricon
                            - huawai
                """);

        assertConfigProblem(file, 8, "watches[0].when.any[1].companies[1]", "no entity 'huawai' in ");
    }

    @Test
    void anUnknownTopicIsNamed() throws IOException {
        Path file = write("""
                watches:
                  - id: exports
                    when:
                      topics: [export-control]
                """);

        assertConfigProblem(file, 4, "watches[0].when.topics[0]", "no topic 'export-control' in ");
    }

    @Test
    void aChipListedAsACompanyIsRefusedSayingWhereItBelongs() throws IOException {
        Path file = write("""
                watches:
                  - id: hbm
                    when:
                      companies: [hbm]
                """);

        assertConfigProblem(file, 4, "watches[0].when.companies[0]", "'hbm' is a memory, but companies lists "
                + "companies: list it under chips");
    }

    @Test
    void anEmptyConditionIsRefused() throws IOException {
        Path file = write("""
                watches:
                  - id: everything
                    when:
                      all:
                        - companies: [huawei]
                        - {}
                """);

        assertConfigProblem(file, 6, "watches[0].when.all[1]", "empty condition");
    }

    @Test
    void aWatchWithoutAConditionIsRefused() throws IOException {
        Path file = write("""
                watches:
                  - id: everything
                    name: Everything
                """);

        assertConfigProblem(file, 2, "watches[0].when", "has no condition ('when'): it would match every article");
    }

    @Test
    void aConditionOfNothingButNotIsRefused() throws IOException {
        Path file = write("""
                watches:
                  - id: no-stocks
                    when:
                      not: {keywords: [주가]}
                """);

        assertConfigProblem(file, 3, "watches[0].when", "holds for almost every article");
    }

    @Test
    void aboutAndMinConfidenceNeedSomethingToApplyTo() throws IOException {
        Path file = write("""
                watches:
                  - id: capex
                    when:
                      topics: [capex]
                      about: true
                """);

        assertConfigProblem(file, 5, "watches[0].when.about", "'about' applies to the companies, chips and chipsOf");
    }

    @Test
    void aMisspeltFieldIsReportedByName() throws IOException {
        Path file = write("""
                watches:
                  - id: nvidia-china-exports
                    when:
                      company: [nvidia]
                """);

        assertConfigProblem(file, 4, "watches[0].when.company", "unknown field 'company'");
    }

    @Test
    void theFormerListsAreReportedAsUnknownFields() throws IOException {
        Path file = write("""
                watches:
                  - id: nvidia-china-exports
                    anyEntities: [nvidia]
                """);

        assertConfigProblem(file, 3, "watches[0].anyEntities", "unknown field 'anyEntities'");
    }

    @Test
    void anInvalidWatchIdIsNamed() throws IOException {
        Path file = write("""
                watches:
                  - id: Nvidia Exports
                    when: {companies: [nvidia]}
                """);

        assertConfigProblem(file, 2, "watches[0].id", "must be lower-case letters");
    }

    @Test
    void aDuplicateWatchIdIsReportedAtTheSecondOne() throws IOException {
        Path file = write("""
                watches:
                  - id: capex
                    when: {topics: [capex]}
                  - id: capex
                    when: {topics: [data-center]}
                """);

        assertConfigProblem(file, 4, "watches[1].id", "already used by watches[0]");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("# nothing yet\n");

        assertThatThrownBy(() -> WatchFile.load(file, SHIPPED))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ", line 1: the file is empty (or only comments); it must be a map of the fields"
                        + " watches");
    }

    private void assertConfigProblem(Path file, int line, String field, String message) {
        assertThatThrownBy(() -> WatchFile.load(file, SHIPPED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).isEqualTo(line);
                });
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("watches.yml"), yaml, StandardCharsets.UTF_8);
    }
}
