package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.json.Json;
import picocli.CommandLine;

class TagCommandTest {

    private static final String ENTITIES = "../config/entities.yml";
    private static final String TOPICS = "../config/topics.yml";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private int run(String... args) {
        TagCommand command = new TagCommand();
        command.err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (IOException e) {
                throw new AssertionError("output line is not JSON: " + line, e);
            }
        }).toList();
    }

    private static List<String> strings(JsonNode array) {
        return Json.mapper().convertValue(array, Json.mapper().getTypeFactory()
                .constructCollectionType(List.class, String.class));
    }

    @Test
    void writesCompaniesChipsTopicsAndEvidencePerArticle() throws IOException {
        Path input = directory.resolve("archive.jsonl");
        Path output = directory.resolve("tagged.jsonl");
        Files.writeString(input, """
                {"id": "k1", "title": "美, 엔비디아 H20 대중국 수출 통제 강화", "text": "미국 상무부가 엔비디아의 H20에 대한 수출 허가 요건을 강화했다. 화웨이는 어센드 910C 공급을 늘린다."}
                {"id": "e1", "title": "Huawei unveils Ascend 950PR", "text": "Huawei will launch the Ascend 950PR chip next year, with its own HBM. Nvidia's H20 faces new export controls."}
                """, StandardCharsets.UTF_8);

        int exitCode = run(input.toString(), "--entities", ENTITIES, "--topics", TOPICS, "-o", output.toString());

        assertThat(exitCode).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> tagged = lines(output);
        assertThat(tagged).hasSize(2);

        JsonNode korean = tagged.get(0);
        assertThat(korean.get("id").asText()).isEqualTo("k1");
        assertThat(strings(korean.get("entities"))).containsExactly("Nvidia", "Huawei");
        assertThat(strings(korean.get("chips"))).containsExactly("Nvidia H20", "Ascend 910C");
        assertThat(strings(korean.get("topics"))).containsExactly("export-controls");
        assertThat(korean.get("salience").get("Nvidia").asText()).isEqualTo("about");
        assertThat(korean.get("confidence").get("export-controls").asDouble()).isBetween(0.5, 1.0);
        JsonNode firstEvidence = korean.get("evidence").get(0);
        assertThat(firstEvidence.get("tag").asText()).isEqualTo("Nvidia");
        assertThat(firstEvidence.get("field").asText()).isEqualTo("title");
        assertThat(firstEvidence.get("matched").asText()).isEqualTo("엔비디아");
        assertThat(firstEvidence.get("sentence").asText()).isEqualTo("美, 엔비디아 H20 대중국 수출 통제 강화");

        JsonNode english = tagged.get(1);
        assertThat(strings(english.get("entities"))).containsExactly("Huawei", "Nvidia");
        assertThat(strings(english.get("chips"))).containsExactly("Ascend 950PR", "HBM", "Nvidia H20");
        assertThat(strings(english.get("topics"))).contains("chip-launch", "export-controls");
    }

    @Test
    void givesReportsOfOneDevelopmentOneEventInFileOrderAndKeepsOtherDevelopmentsApart() throws IOException {
        Path input = directory.resolve("reports.jsonl");
        Path output = directory.resolve("events.jsonl");
        Files.writeString(input, """
                {"id": "r1", "publishedAt": "2026-08-12T01:00:00Z", "title": "美 상무부, 엔비디아 H20 中 수출 라이선스 발급…매출 15% 납부", "text": "미국 상무부 산업안보국(BIS)이 11일(현지시간) 엔비디아 H20의 중국 수출 라이선스를 발급했다. 엔비디아는 중국 매출의 15%를 정부에 내야 한다. AMD MI308도 같은 조건으로 라이선스를 받았다."}
                {"id": "r2", "publishedAt": "2026-08-12T05:00:00Z", "title": "엔비디아, H20 중국 판매 길 다시 열렸다", "text": "상무부 산업안보국(BIS)이 11일(현지시간) 엔비디아에 H20 라이선스를 내줬다. 조건은 중국에서 올린 매출의 15% 납부다. AMD MI308 역시 라이선스를 받았다."}
                {"id": "r3", "publishedAt": "2026-09-12T01:00:00Z", "title": "'매출 15% 내라'…美, 엔비디아 H20 대중 수출 승인", "text": "11일(현지시간) 상무부 산업안보국(BIS)은 엔비디아 H20과 AMD MI308의 중국 수출 라이선스를 승인하며 중국 매출의 15%를 납부하도록 했다."}
                {"id": "r4", "publishedAt": "2026-08-12T06:00:00Z", "title": "中, 자국 기업에 엔비디아 H20 구매 중단 지시", "text": "중국 국가인터넷정보판공실이 바이트댄스와 알리바바에 엔비디아 H20 주문을 멈추라고 지시했다고 파이낸셜타임스가 보도했다. 당국은 화웨이 어센드 910C 등 국산 칩을 쓰라고 권고했다."}
                """, StandardCharsets.UTF_8);

        int exitCode = run(input.toString(), "--entities", ENTITIES, "--topics", TOPICS, "-o", output.toString());

        assertThat(exitCode).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> tagged = lines(output);
        assertThat(tagged.get(2).get("storyId").asText()).as("a month later: no copy").isEqualTo("r3");
        assertThat(tagged.get(3).get("storyId").asText()).isEqualTo("r4");
        assertThat(tagged).extracting(line -> line.get("eventId").asText()).containsExactly("r1", "r1", "r3", "r4");
    }

    @Test
    void aPublicationTimeThatIsNoInstantIsReportedForItsLine() throws IOException {
        Path input = directory.resolve("dated.jsonl");
        Path output = directory.resolve("dated-out.jsonl");
        Files.writeString(input, """
                {"id": "d1", "publishedAt": "지난주", "title": "엔비디아 H20", "text": "엔비디아가 H20을 출시했다."}
                """, StandardCharsets.UTF_8);

        int exitCode = run(input.toString(), "--entities", ENTITIES, "--topics", TOPICS, "-o", output.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines(output).get(0).get("error").asText()).contains("지난주");
    }

    @Test
    void aLineThatIsNotAnArticleIsReportedAndTheRestAreStillTagged() throws IOException {
        Path input = directory.resolve("archive.jsonl");
        Path output = directory.resolve("tagged.jsonl");
        Files.writeString(input, """
                {"id": "ok-1", "title": "화웨이 신제품", "text": "화웨이는 새 칩을 공개했다."}
                {"id": "broken", "title": "잘린 줄
                {"title": "아이디 없음", "text": "캠브리콘"}

                {"id": "ok-2", "title": "", "text": "中 寒武纪 发布 思元 新芯片"}
                """, StandardCharsets.UTF_8);

        int exitCode = run(input.toString(), "--entities", ENTITIES, "--topics", TOPICS, "-o", output.toString());

        assertThat(exitCode).isEqualTo(1);
        List<JsonNode> tagged = lines(output);
        assertThat(tagged).extracting(line -> line.path("id").asText(null))
                .containsExactly("ok-1", null, null, "ok-2");
        assertThat(tagged.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(tagged.get(1).get("error").asText()).startsWith("not JSON");
        assertThat(tagged.get(2).get("error").asText()).isEqualTo("no id");
        assertThat(strings(tagged.get(3).get("entities"))).containsExactly("Cambricon");
        assertThat(strings(tagged.get(3).get("chips"))).containsExactly("Cambricon Siyuan");
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("line 2: not JSON").contains("line 3: no id");
    }

    @Test
    void anInvalidDictionaryIsRefusedWithItsFileAndLine() throws IOException {
        Path entities = directory.resolve("entities.yml");
        Files.writeString(entities, "entities:\n  - id: x\n    name: X\n    aliases: [엑스]\n", StandardCharsets.UTF_8);
        Path input = Files.writeString(directory.resolve("a.jsonl"), "{\"id\":\"a\",\"text\":\"x\"}\n",
                StandardCharsets.UTF_8);

        int exitCode = run(input.toString(), "--entities", entities.toString(), "--topics", TOPICS);

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("INVALID").contains("entities.yml, line 2");
    }
}
