package dev.newswatch.ingester.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchRequest;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.KindSettings;
import dev.newswatch.ingester.source.Source;

/**
 * Lists the article links of an XML sitemap ({@code kind: sitemap}), a sitemap index (its newest
 * {@code maxPages} child sitemaps on the source's hosts, one level deep) or a Google News sitemap, whose
 * {@code news:title} and {@code news:publication_date} become the link's title and date. Sitemaps are parsed by
 * crawler-commons with DTDs refused and size and nesting bounded; a date without a time is read as midnight in
 * Asia/Seoul, not UTC.
 */
public final class SitemapDiscovery implements LinkDiscovery {

    private static final Logger log = LoggerFactory.getLogger(SitemapDiscovery.class);
    /** A bare date in lastmod or news:publication_date, rewritten with the Korean offset before parsing. */
    private static final Pattern DATE_ONLY = Pattern.compile(
            "(<(?:[A-Za-z0-9_]+:)?(?:publication_date|lastmod)>)\\s*(\\d{4}-\\d{2}-\\d{2})\\s*(</)");

    private final PageFetcher fetcher;

    public SitemapDiscovery(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Discovery discover(Source source, Validators previous) throws IngestException, InterruptedException {
        FetchedBody fetched = fetch(source, source.url(), previous);
        if (fetched.notModified()) {
            return Discovery.unchangedSince(fetched.validators());
        }
        AbstractSiteMap map = parse(fetched);
        Map<String, DiscoveredLink> links = new LinkedHashMap<>();
        if (map instanceof SiteMapIndex index) {
            List<AbstractSiteMap> children = new ArrayList<>(index.getSitemaps());
            // Newest first: the bound should drop the archive's oldest months, not today's sitemap.
            children.sort(Comparator.comparing(AbstractSiteMap::getLastModified,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            int read = 0;
            for (AbstractSiteMap child : children) {
                URI childUrl = toUri(child);
                if (read == source.settings(KindSettings.Sitemap.class).maxSitemaps() || childUrl == null || !source.followsLinkTo(childUrl)) {
                    continue;
                }
                read++;
                try {
                    if (parse(fetch(source, childUrl, Validators.NONE)) instanceof SiteMap childMap) {
                        addLinks(childMap, links);
                    } else {
                        log.warn("Source {}: sitemap {} is itself an index; nested indexes are not followed",
                                source.id(), childUrl);
                    }
                } catch (IngestException e) {
                    log.warn("Source {}: sitemap {} failed [{}]: {}; reading the others", source.id(), childUrl,
                            e.kind().tag(), e.getMessage());
                }
            }
        } else {
            addLinks((SiteMap) map, links);
        }
        return new Discovery(List.copyOf(links.values()), fetched.validators(), false);
    }

    /** Parses one sitemap document; public for the check command, tests and the parsing benchmark. */
    public AbstractSiteMap parse(FetchedBody fetched) throws IngestException {
        SiteMapParser parser = new BoundedSiteMapParser();
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        String contentType = fetched.contentType() == null ? "text/xml" : fetched.contentType();
        try {
            return parser.parseSiteMap(contentType, seoulDates(fetched.body()), fetched.url().toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw XmlLimits.refusal(e, ErrorKind.SITEMAP_PARSE).orElseGet(() ->
                    new IngestException(ErrorKind.SITEMAP_PARSE, "not a readable sitemap: " + e.getMessage(), e));
        }
    }

    /**
     * crawler-commons' parser, with what it is about to parse (unzipped, past its byte-order mark and leading
     * blanks) bounded: no more than the sitemap protocol's 50 MB once unzipped, which its own gunzipping does not
     * enforce, and an XML document within {@link XmlLimits#SITEMAP}, checked in a first pass that builds nothing.
     */
    private static final class BoundedSiteMapParser extends SiteMapParser {

        BoundedSiteMapParser() {
            super(false);
        }

        @Override
        protected AbstractSiteMap processXml(URL sitemapUrl, InputSource xml) throws UnknownFormatException {
            Supplier<InputSource> document;
            try {
                document = readTwice(xml);
                XmlLimits.SITEMAP.check(document.get());
            } catch (IOException | XmlLimits.Exceeded e) {
                throw new UnknownFormatException(e.getMessage(), e);
            }
            return super.processXml(sitemapUrl, document.get());
        }

        @Override
        protected SiteMap processText(URL sitemapUrl, InputStream text) throws IOException {
            try {
                return super.processText(sitemapUrl, new ByteArrayInputStream(withinSize(text)));
            } catch (XmlLimits.Exceeded e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        /**
         * The document in memory, to be read once by the check and once by the parser. A character stream is the
         * body as fetched, already within the body size limit; a byte stream is what crawler-commons unzipped.
         */
        private static Supplier<InputSource> readTwice(InputSource xml) throws IOException, XmlLimits.Exceeded {
            Supplier<InputSource> document;
            if (xml.getCharacterStream() != null) {
                StringWriter text = new StringWriter();
                xml.getCharacterStream().transferTo(text);
                document = () -> new InputSource(new StringReader(text.toString()));
            } else {
                byte[] bytes = withinSize(xml.getByteStream());
                document = () -> new InputSource(new ByteArrayInputStream(bytes));
            }
            return () -> {
                InputSource again = document.get();
                again.setSystemId(xml.getSystemId());
                return again;
            };
        }

        private static byte[] withinSize(InputStream in) throws IOException, XmlLimits.Exceeded {
            byte[] bytes = in.readNBytes(MAX_BYTES_ALLOWED + 1);
            if (bytes.length > MAX_BYTES_ALLOWED) {
                throw new XmlLimits.Exceeded("sitemap refused: it is larger than the sitemap protocol's "
                        + MAX_BYTES_ALLOWED / (1024 * 1024) + " MB once unzipped", null);
            }
            return bytes;
        }
    }

    private static void addLinks(SiteMap map, Map<String, DiscoveredLink> links) {
        for (SiteMapURL entry : map.getSiteMapUrls()) {
            String url = entry.getUrl().toString();
            String title = null;
            Instant published = null;
            ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
            if (news != null && news.length > 0 && news[0] instanceof NewsAttributes attributes) {
                title = attributes.getTitle();
                published = instant(attributes.getPublicationDate());
            }
            links.putIfAbsent(url, DiscoveredLink.onTheWeb(url, title, published, instant(entry.getLastModified())));
        }
    }

    private FetchedBody fetch(Source source, URI url, Validators validators) throws IngestException, InterruptedException {
        return fetcher.fetch(new FetchRequest(url, source.id(), ErrorKind.SITEMAP_FETCH, validators,
                source.allowPrivateAddresses(), FetchRequest.Accept.FEED));
    }

    /**
     * Sitemaps are UTF-8 (or gzip, left alone), and the pattern is ASCII, so a Latin-1 round trip keeps every
     * other byte as it was.
     */
    private static byte[] seoulDates(byte[] body) {
        String bytes = new String(body, StandardCharsets.ISO_8859_1);
        return DATE_ONLY.matcher(bytes).replaceAll("$1$2T00:00:00+09:00$3").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static URI toUri(AbstractSiteMap map) {
        try {
            return map.getUrl() == null ? null : map.getUrl().toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
