package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.newswatch.ingester.extract.ArticleExtractor;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import net.dankito.readability4j.Readability4J;

/**
 * The real pages of {@code ../shared/data/news-extraction} (250 news pages of some 200 outlets), gunzipped into
 * memory, and the work measured on each: decoding the bytes (charset detection), parsing and extracting the
 * article, by Newswatch's {@link ArticleExtractor} or, as a reference, Readability4J (a Java port of Mozilla
 * Readability) on the same decoded page. Run from the repository root so {@code ../shared} is found.
 */
final class NewsExtractionPages {

    /** Which extractor reads the pages. */
    enum Extractor { NEWSWATCH, READABILITY4J }

    private final BodyDecoder decoder = new BodyDecoder();
    private final ArticleExtractor articles = new ArticleExtractor();
    private final List<byte[]> pages = new ArrayList<>();
    private final List<URI> addresses = new ArrayList<>();

    NewsExtractionPages() throws IOException {
        Path directory = Path.of("..", "shared", "data", "news-extraction", "pages").toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no " + directory + ": run from the repository root beside ../shared");
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    pages.add(in.readAllBytes());
                }
                addresses.add(URI.create("https://pages.example/" + file.getFileName()));
            }
        }
    }

    int size() {
        return pages.size();
    }

    long bytes() {
        return pages.stream().mapToLong(page -> page.length).sum();
    }

    /** Decodes, parses and extracts page {@code index}; returns the length of the text read (0 for none). */
    int extract(Extractor extractor, int index) {
        String html = decoder.decode(pages.get(index), null);
        if (extractor == Extractor.READABILITY4J) {
            String text = new Readability4J(addresses.get(index).toString(), html).parse().getTextContent();
            return text == null ? 0 : text.length();
        }
        try {
            return articles.extract(html, addresses.get(index), null).text().length();
        } catch (IngestException noArticle) {
            return 0;
        }
    }
}
