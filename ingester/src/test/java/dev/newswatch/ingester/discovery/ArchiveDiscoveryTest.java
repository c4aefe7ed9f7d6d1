package dev.newswatch.ingester.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;

public class ArchiveDiscoveryTest {

    private static final Charset CP949 = Charset.forName("x-windows-949");

    @TempDir
    Path directory;

    private final ArchiveDiscovery reader = new ArchiveDiscovery(1_000_000);
    private final BodyDecoder decoder = new BodyDecoder();

    public static String savedArticle(String base, int n, String title) {
        return """
                <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
                <meta property="og:title" content="%2$s"><link rel="canonical" href="%1$s/news/%3$d">
                <title>%2$s</title></head><body>
                <div id="articleBody"><p>%2$s 관련 저장된 기사 본문이다. 보관용으로 쓴 가상의 문장이다.</p>
                <p>두 번째 문단은 백필 시험을 위한 내용이다.</p></div></body></html>
                """.formatted(base, title, n);
    }

    private static Source archive(Path path, String url) {
        return new Source("backfill", "보관함", SourceKind.ARCHIVE, url == null ? null : URI.create(url), null, null, null,
                null, null, false, null, null, null, 0, path, null);
    }

    @Test
    void listsTheSavedPagesOfADirectoryInNameOrderAndLoadsThemOnlyWhenAsked() throws Exception {
        Path pages = Files.createDirectories(directory.resolve("pages"));
        Files.writeString(pages.resolve("2026-11-20 화웨이.html"), savedArticle("https://news.example.kr", 1, "화웨이 칩 소식"),
                StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pages.resolve("2026-11-21-hbm.html.gz")))) {
            out.write(savedArticle("https://news.example.kr", 2, "HBM 수급 전망").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(pages.resolve("notes.txt"), "목록 메모", StandardCharsets.UTF_8);

        List<DiscoveredLink> links = reader.discover(archive(pages, "https://news.example.kr/saved/"), Validators.NONE)
                .links();

        assertThat(links).extracting(DiscoveredLink::url).containsExactly(
                "https://news.example.kr/saved/2026-11-20%20%ED%99%94%EC%9B%A8%EC%9D%B4.html",
                "https://news.example.kr/saved/2026-11-21-hbm.html");
        FetchedBody unzipped = links.get(1).saved().load();
        assertThat(decoder.decode(unzipped.body(), unzipped.contentType())).contains("HBM 수급 전망 관련 저장된 기사 본문이다.");
    }

    @Test
    void readsTheHtmlResponsesOfAWarcFile() throws Exception {
        Path warc = directory.resolve("crawl.warc.gz");
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response("https://news.example.kr/news/1", 200, "text/html; charset=utf-8",
                    savedArticle("https://news.example.kr", 1, "엔비디아 H20 재고 소진").getBytes(StandardCharsets.UTF_8)));
            writer.write(response("https://news.example.kr/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            writer.write(response("https://news.example.kr/news/404", 404, "text/html; charset=utf-8",
                    "<p>없는 기사</p>".getBytes(StandardCharsets.UTF_8)));
            writer.write(response("https://news.example.kr/news/2", 200, "text/html; charset=euc-kr",
                    savedArticle("https://news.example.kr", 2, "똠방각하 햏 칩 시장").replace("utf-8", "euc-kr")
                            .getBytes(CP949)));
        }

        List<DiscoveredLink> links = reader.discover(archive(warc, null), Validators.NONE).links();

        assertThat(links).extracting(DiscoveredLink::url)
                .containsExactly("https://news.example.kr/news/1", "https://news.example.kr/news/2");
        FetchedBody korean = links.get(1).saved().load();
        assertThat(korean.contentType()).containsIgnoringWhitespaces("text/html;charset=euc-kr");
        assertThat(decoder.decode(korean.body(), korean.contentType())).contains("똠방각하 햏 칩 시장 관련 저장된 기사 본문이다.");
    }

    @Test
    void aMissingPathIsAClearError() {
        assertThatThrownBy(() -> reader.discover(archive(directory.resolve("없음"), null), Validators.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ARCHIVE_READ))
                .hasMessageContaining("no directory or WARC file at");
    }

    private static WarcResponse response(String url, int status, String contentType, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(contentType), body).build();
        return new WarcResponse.Builder(URI.create(url)).body(http).build();
    }
}
