package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newswatch.common.json.Json;
import picocli.CommandLine;

class ExtractCommandTest {

    private static final String PAGE = """
            <html lang="ko"><head><meta charset="%s"><title>국산 AI 칩 양산 - 가상신문</title>
            <meta property="og:title" content="국산 AI 칩 양산">
            <link rel="canonical" href="https://www.example.kr/news/articleView.html?idxno=7&utm_source=x">
            <meta property="article:section" content="반도체"></head>
            <body><nav><a href="/">홈</a><a href="/a">경제</a><a href="/b">산업</a></nav>
            <div class="info">김서연 기자 | 입력 2026.03.12 09:25 | 수정 2026.03.12 10:40</div>
            <div id="article-view-content-div"><p>국내 팹리스 기업이 AI 추론 칩 양산에 들어갔다. 똠방각하 햏자도 놀랄 일이다.</p>
            <p>회사는 내년까지 공급을 두 배로 늘린다.</p><p>저작권자 © 가상신문 무단전재 및 재배포 금지</p></div>
            </body></html>
            """;

    @TempDir
    Path directory;

    @Test
    void printsTheArticleOfOneSavedPageAsJson() throws IOException {
        Path page = Files.writeString(directory.resolve("article.html"), PAGE.formatted("utf-8"), StandardCharsets.UTF_8);

        Result result = run(page.toString(), "--url", "https://m.example.kr/news/articleView.html?idxno=7");

        assertThat(result.exitCode()).isZero();
        JsonNode article = Json.mapper().readTree(result.out());
        assertThat(article.get("title").asText()).isEqualTo("국산 AI 칩 양산");
        assertThat(article.get("articleBody").asText()).isEqualTo(
                "국내 팹리스 기업이 AI 추론 칩 양산에 들어갔다. 똠방각하 햏자도 놀랄 일이다.\n\n회사는 내년까지 공급을 두 배로 늘린다.");
        assertThat(article.get("published").asText()).isEqualTo("2026-03-12T00:25:00Z");
        assertThat(article.get("updated").asText()).isEqualTo("2026-03-12T01:40:00Z");
        assertThat(article.get("author").asText()).isEqualTo("김서연 기자");
        assertThat(article.get("section").asText()).isEqualTo("반도체");
        assertThat(article.get("canonicalUrl").asText()).isEqualTo("https://www.example.kr/news/articleView.html?idxno=7");
        assertThat(article.get("language").asText()).isEqualTo("ko");
    }

    @Test
    void aDirectoryGivesOneJsonLinePerPageIncludingGzipAndEucKrAndFailures() throws IOException {
        Files.writeString(directory.resolve("a.html"), PAGE.formatted("utf-8"), StandardCharsets.UTF_8);
        Charset windows949 = Charset.forName("x-windows-949");
        Files.write(directory.resolve("b.euc-kr.html"), PAGE.formatted("euc-kr").getBytes(windows949));
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(directory.resolve("c.html.gz")))) {
            gzip.write(PAGE.formatted("utf-8").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(directory.resolve("d.html"), "<html><body><nav>메뉴</nav></body></html>", StandardCharsets.UTF_8);

        Result result = run(directory.toString());

        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        List<JsonNode> pages = lines.stream().map(ExtractCommandTest::json).toList();
        assertThat(pages).extracting(page -> page.get("file").asText())
                .containsExactly("a.html", "b.euc-kr.html", "c.html.gz", "d.html");
        for (JsonNode page : pages.subList(0, 3)) {
            assertThat(page.get("articleBody").asText()).startsWith("국내 팹리스 기업이").contains("똠방각하 햏자");
        }
        assertThat(pages.get(3).get("error").asText()).contains("no article text");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsOneClearLine() {
        Result result = run(directory.resolve("nope.html").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.html: no such file or directory");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new ExtractCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
