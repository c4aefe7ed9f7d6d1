package dev.newswatch.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.newswatch.common.json.Json;
import dev.newswatch.ingester.extract.ArticleExtractor;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.extract.ExtractionRules;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch extract FILE.html [--url URL]}: what the ingester would read from a saved page, as JSON, so a
 * user can check a page and a source's selectors offline. Given a directory, one JSON line per page.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article from a saved HTML page (plain or gzip) and print it as JSON: title, "
                + "articleBody, published, updated, author, section, canonicalUrl, language. Given a directory, "
                + "print one JSON line per page with its file name in a `file` field.")
public final class ExtractCommand implements Callable<Integer> {

    /** A saved page larger than this once decompressed is not an article (and may be a decompression bomb). */
    static final long MAX_PAGE_BYTES = 20L * 1024 * 1024;

    @Parameters(paramLabel = "PATH", description = "An HTML file (.html or .html.gz), or a directory of them.")
    Path path;

    @Option(names = "--url", paramLabel = "URL",
            description = "The address the page was saved from: the base of its links and its fallback canonical "
                    + "URL. For a directory, each file name is resolved against it.")
    URI url;

    @Option(names = "--language", paramLabel = "CODE",
            description = "Language to report when the page declares none, e.g. ko.")
    String language;

    @Option(names = "--title-selector", paramLabel = "CSS", description = "The source's title selector to try.")
    String titleSelector;

    @Option(names = "--body-selector", paramLabel = "CSS", description = "The source's body selector to try.")
    String bodySelector;

    @Option(names = "--date-selector", paramLabel = "CSS", description = "The source's date selector to try.")
    String dateSelector;

    @Spec
    CommandSpec spec;

    private final BodyDecoder decoder = new BodyDecoder();
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Override
    public Integer call() throws IOException {
        ExtractionRules rules = new ExtractionRules(titleSelector, bodySelector, dateSelector);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(path)) {
            spec.commandLine().getErr().println(path + ": no such file or directory");
            return 2;
        }
        if (!Files.isDirectory(path)) {
            try {
                URI pageUrl = url == null ? path.toAbsolutePath().toUri() : url;
                out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(fields(extract(path, pageUrl, rules))));
                out.flush();
                return 0;
            } catch (IngestException | IOException e) {
                spec.commandLine().getErr().println(path + ": " + e.getMessage());
                return 1;
            }
        }
        int failed = 0;
        for (Path page : pages(path)) {
            Path name = path.relativize(page);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", name.toString());
            try {
                URI pageUrl = url == null ? page.toAbsolutePath().toUri()
                        : url.resolve(name.toString().replace('\\', '/'));
                line.putAll(fields(extract(page, pageUrl, rules)));
            } catch (IngestException | IOException e) {
                line.put("error", e.getMessage());
                failed++;
            }
            out.println(json(line));
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private ExtractedArticle extract(Path page, URI pageUrl, ExtractionRules rules)
            throws IOException, IngestException {
        String html = decoder.decode(read(page), null);
        return extractor.extract(html, pageUrl, null, rules, language);
    }

    /** The page's bytes, gunzipped when they start with the gzip magic number. */
    static byte[] read(Path page) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(page)) {
            bytes = in.readNBytes((int) MAX_PAGE_BYTES + 1);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            try (InputStream gunzipped = new GZIPInputStream(Files.newInputStream(page))) {
                bytes = gunzipped.readNBytes((int) MAX_PAGE_BYTES + 1);
            }
        }
        if (bytes.length > MAX_PAGE_BYTES) {
            throw new IOException("larger than " + MAX_PAGE_BYTES + " bytes");
        }
        return bytes;
    }

    private static List<Path> pages(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, Object> fields(ExtractedArticle article) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", article.title());
        fields.put("articleBody", article.text());
        fields.put("published", instant(article.publishedAt()));
        fields.put("updated", instant(article.updatedAt()));
        fields.put("author", article.author());
        fields.put("section", article.section());
        fields.put("canonicalUrl", article.canonicalUrl());
        fields.put("language", article.language());
        return fields;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String json(Map<String, Object> line) throws JsonProcessingException {
        return Json.mapper().writeValueAsString(line);
    }
}
