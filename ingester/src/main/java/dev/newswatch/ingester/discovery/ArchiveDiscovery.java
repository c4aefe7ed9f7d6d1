package dev.newswatch.ingester.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.KindSettings;
import dev.newswatch.ingester.source.Source;

/**
 * Lists saved pages for backfill ({@code kind: archive}), without any HTTP: a directory of {@code .html},
 * {@code .htm} or {@code .html.gz} files, or a WARC file (plain or gzipped) whose HTML responses with status 200
 * are read with jwarc. Pages are loaded only when the poller reads them, so a large archive costs no memory.
 * A saved page's address is its WARC target, or its file name resolved against the source's {@code url}; the
 * page's own canonical link, when it has one, decides the article id either way.
 */
final class ArchiveDiscovery implements LinkDiscovery {

    private static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm", ".html.gz", ".htm.gz");

    private final long maxBodyBytes;

    public ArchiveDiscovery(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Discovery discover(Source source, Validators previous) throws IngestException {
        Path path = source.settings(KindSettings.Archive.class).path();
        if (Files.isDirectory(path)) {
            return new Discovery(savedPages(source, path), Validators.NONE, false);
        }
        if (Files.isRegularFile(path)) {
            return new Discovery(warcResponses(path), Validators.NONE, false);
        }
        throw new IngestException(ErrorKind.ARCHIVE_READ, "no directory or WARC file at " + path.toAbsolutePath());
    }

    private List<DiscoveredLink> savedPages(Source source, Path directory) throws IngestException {
        URI base = source.url() != null ? source.url() : URI.create("https://archive.invalid/" + source.id() + "/");
        try (Stream<Path> files = Files.list(directory)) {
            List<DiscoveredLink> links = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(ArchiveDiscovery::isPage).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
                String url = base.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")).toString();
                links.add(new DiscoveredLink(url, null, null, null, () -> readFile(file, URI.create(url))));
            }
            return links;
        } catch (IOException e) {
            throw new IngestException(ErrorKind.ARCHIVE_READ, "cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return PAGE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private FetchedBody readFile(Path file, URI url) throws IngestException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new FetchedBody(url, null, bounded(in, file.toString()));
        } catch (IOException e) {
            throw new IngestException(ErrorKind.ARCHIVE_READ, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<DiscoveredLink> warcResponses(Path warc) throws IngestException {
        List<DiscoveredLink> links = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            while (true) {
                Optional<WarcRecord> record = reader.next();
                if (record.isEmpty()) {
                    return links;
                }
                // The offset of the record just read, where the loader finds it again.
                long position = reader.position();
                if (record.get() instanceof WarcResponse response && isHtmlPage(response)) {
                    String target = response.target();
                    links.add(new DiscoveredLink(target, null, null, null,
                            () -> readWarcRecord(warc, position, URI.create(target))));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestException(ErrorKind.ARCHIVE_READ, "not a readable WARC file " + warc + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHtmlPage(WarcResponse response) throws IOException {
        if (!response.contentType().base().toString().equals("application/http")) {
            return false;
        }
        HttpResponse http = response.http();
        String type = http.contentType().base().toString().toLowerCase(Locale.ROOT);
        return http.status() == 200 && (type.equals("text/html") || type.equals("application/xhtml+xml"));
    }

    private FetchedBody readWarcRecord(Path warc, long position, URI url) throws IngestException {
        try (WarcReader reader = new WarcReader(warc)) {
            reader.position(position);
            if (reader.next().orElse(null) instanceof WarcResponse response) {
                HttpResponse http = response.http();
                byte[] body = bounded(http.bodyDecoded().stream(), warc + " at " + position);
                return new FetchedBody(url, http.headers().first("Content-Type").orElse(null), body);
            }
            throw new IngestException(ErrorKind.ARCHIVE_READ, "no response record at offset " + position + " of " + warc);
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestException(ErrorKind.ARCHIVE_READ, "cannot read " + warc + " at offset " + position + ": "
                    + e.getMessage(), e);
        }
    }

    private byte[] bounded(InputStream in, String what) throws IOException, IngestException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            throw new IngestException(ErrorKind.ARCHIVE_READ, what + " exceeds the limit of " + maxBodyBytes + " bytes");
        }
        return body;
    }
}
