package dev.newswatch.enricher.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.events.EntityKind;

class EntityDictionaryTest {

    @TempDir
    Path directory;

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("entities.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shipsEveryEntityOfTheSharedVocabulary() {
        EntityDictionary dictionary = ShippedConfig.entities();

        assertThat(dictionary.entities()).extracting(EntityDefinition::id).contains("huawei", "nvidia", "alibaba",
                "t-head", "baidu", "tencent", "bytedance", "cambricon", "smic", "deepseek", "moore-threads", "biren",
                "metax", "openai", "amd", "intel", "tsmc", "samsung-electronics", "sk-hynix", "microsoft", "google",
                "amazon", "meta", "oracle", "xiaomi", "zhipu", "huawei-ascend-910b", "huawei-ascend-910c",
                "huawei-ascend-950pr", "huawei-ascend-950dt", "nvidia-h20", "nvidia-h100", "nvidia-h200",
                "nvidia-b200", "nvidia-gb200", "nvidia-b30a", "alibaba-ppu", "cambricon-siyuan",
                "huawei-cloudmatrix-384", "hbm");
        assertThat(dictionary.find("alibaba-ppu").orElseThrow().vendor()).isEqualTo("t-head");
        assertThat(dictionary.find("huawei-cloudmatrix-384").orElseThrow().kind()).isEqualTo(EntityKind.SYSTEM);
        assertThat(dictionary.find("hbm").orElseThrow().vendor()).isNull();
    }

    @Test
    void namesTheLineAndFieldOfAVendorThatIsNotACompany() throws IOException {
        Path file = write("""
                entities:
                  - id: huawei
                    name: Huawei
                    kind: company
                    aliases: [화웨이]
                  - id: huawei-ascend-910c
                    name: Ascend 910C
                    kind: chip
                    vendor: hauwei
                    aliases: [어센드 910C]
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.field()).isEqualTo("entities[1].vendor");
                    assertThat(e.getMessage()).contains("hauwei");
                });
    }

    @Test
    void rejectsADuplicateId() throws IOException {
        Path file = write("""
                entities:
                  - {id: nvidia, name: Nvidia, kind: company, aliases: [엔비디아]}
                  - {id: nvidia, name: NVIDIA, kind: company, aliases: [NVIDIA Corp]}
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("entities[1].id");
                    assertThat(e.getMessage()).contains("duplicate id 'nvidia'");
                });
    }

    @Test
    void rejectsAnAliasThatAlreadyNamesAnotherEntity() throws IOException {
        Path file = write("""
                entities:
                  - {id: meta, name: Meta, kind: company, aliases: [메타]}
                  - {id: metax, name: MetaX, kind: company, aliases: [MetaX, " 메타 "]}
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("entities[1].aliases[1]");
                    assertThat(e.getMessage()).contains("already names entity meta");
                });
    }

    @Test
    void rejectsAnEntityWithoutAliasesNamingTheEntry() throws IOException {
        Path file = write("""
                entities:
                  - id: deepseek
                    name: DeepSeek
                    kind: company
                    aliases: []
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("entities[0].aliases");
                    assertThat(e.getMessage()).contains("deepseek has no aliases");
                });
    }

    @Test
    void rejectsAnUnknownKindNamingLineAndField() throws IOException {
        Path file = write("""
                entities:
                  - id: hbm
                    name: HBM
                    kind: dram
                    aliases: [HBM]
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("entities[0].kind");
                });
    }

    @Test
    void rejectsAChipWithoutVendor() throws IOException {
        Path file = write("""
                entities:
                  - {id: nvidia-h20, name: H20, kind: chip, aliases: [H20]}
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).as("the entity, which leaves its vendor out").isEqualTo(2);
                    assertThat(e.field()).isEqualTo("entities[0].vendor");
                })
                .hasMessageContaining("needs a vendor");
    }

    @Test
    void shipsTheWiderFieldWithContextForItsAmbiguousAliases() {
        EntityDictionary dictionary = ShippedConfig.entities();

        assertThat(dictionary.entities()).extracting(EntityDefinition::id).contains("enflame", "iluvatar-corex",
                "minimax", "moonshot", "stepfun", "sensetime", "asml", "china-mobile", "china-telecom",
                "china-unicom", "huawei-ascend-960", "huawei-ascend-970", "huawei-atlas-950-superpod",
                "nvidia-a100", "nvidia-a800", "nvidia-rtx-pro-6000d", "metax-c550", "baidu-kunlun-m100",
                "baidu-kunlun-m300");
        AliasDefinition bare960 = dictionary.find("huawei-ascend-960").orElseThrow().aliases().stream()
                .filter(alias -> alias.text().equals("960")).findFirst().orElseThrow();
        assertThat(bare960.near()).contains("화웨이", "어센드");
        assertThat(bare960.notFollowedBy()).contains("억");
        assertThat(bare960.window()).isEqualTo(AliasDefinition.DEFAULT_WINDOW);
    }

    @Test
    void namesTheLineAndFieldOfABadAliasContext() throws IOException {
        Path file = write("""
                entities:
                  - id: huawei
                    name: Huawei
                    kind: company
                    aliases:
                      - 화웨이
                      - text: HW
                        near: [화웨이, " "]
                """);

        assertThatThrownBy(() -> EntityDictionary.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.field()).isEqualTo("entities[0].aliases[1].near");
                    assertThat(e.getMessage()).contains("blank term in near");
                });
    }
}
