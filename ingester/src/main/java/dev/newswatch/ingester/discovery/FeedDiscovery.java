package dev.newswatch.ingester.discovery;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchRequest;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.url.HttpUrls;

/**
 * Lists the items of an RSS 2.0 or Atom feed ({@code kind: feed}).
 *
 * <p>The body is decoded by {@link BodyDecoder} (byte-order mark, then HTTP charset, then the XML declaration,
 * EUC-KR read as CP949) and handed to ROME as text, so a feed declaring EUC-KR but using CP949 syllables reads
 * right. Zone-less item dates are read as Korean time. A DOCTYPE is removed and ROME refuses any other, so no
 * external entity or DTD is ever resolved; HTML entity names that XML does not know ({@code &nbsp;}, common in
 * Korean feeds) become character references. A feed nested too deep or too large ({@link XmlLimits#FEED}) is
 * refused while it is parsed, so that no feed under the body size limit costs more than a linear pass.
 */
public final class FeedDiscovery implements LinkDiscovery {

    private static final Pattern DOCTYPE_START = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE | Pattern.LITERAL);
    /** Possessive, so that a DOCTYPE never closed is given up in one pass instead of being backtracked into. */
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*+(\\[[^\\]]*+\\])?+\\s*+>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");
    private static final List<String> XML_ENTITIES = List.of("amp", "lt", "gt", "quot", "apos");
    /** {@code 2026-08-09 18:00:00} with no zone, as bloter, IT조선 and the ND-style CMS feeds write it. */
    private static final Pattern ZONELESS_DATE = Pattern.compile(
            "(<(?:pubDate|dc:date)>)\\s*(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2})?)\\s*(</)");

    private final PageFetcher fetcher;
    private final BodyDecoder decoder;

    public FeedDiscovery(PageFetcher fetcher, BodyDecoder decoder) {
        this.fetcher = fetcher;
        this.decoder = decoder;
    }

    @Override
    public Discovery discover(Source source, Validators previous) throws IngestException, InterruptedException {
        FetchedBody fetched = fetcher.fetch(new FetchRequest(source.url(), source.id(), ErrorKind.FEED_FETCH, previous,
                source.allowPrivateAddresses(), FetchRequest.Accept.FEED));
        if (fetched.notModified()) {
            return Discovery.unchangedSince(fetched.validators());
        }
        return new Discovery(parse(fetched.url(), decoder.decode(fetched, source.id())), fetched.validators(), false);
    }

    /** The feed's items that have a link, in feed order; public for the parsing benchmark. */
    public List<DiscoveredLink> read(URI feedUrl, byte[] body, String contentType) throws IngestException {
        return parse(feedUrl, decoder.decode(body, contentType));
    }

    private List<DiscoveredLink> parse(URI feedUrl, String text) throws IngestException {
        String xml = xmlSafe(text);
        SyndFeed feed;
        try {
            feed = new SyndFeedImpl(new BoundedFeedInput().build(new StringReader(xml)), false);
        } catch (FeedException | IllegalArgumentException e) {
            throw XmlLimits.refusal(e, ErrorKind.FEED_PARSE).orElseGet(() ->
                    new IngestException(ErrorKind.FEED_PARSE, "not a readable RSS or Atom feed: " + firstLine(e), e));
        }
        List<DiscoveredLink> links = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = absoluteLink(feedUrl, entry);
            if (link != null) {
                Instant updated = instant(entry.getUpdatedDate());
                Instant published = instant(entry.getPublishedDate());
                // An Atom entry may carry only <updated>; that is its publication as far as the feed tells.
                links.add(DiscoveredLink.onTheWeb(link, plainText(entry.getTitle()),
                        published != null ? published : updated, updated));
            }
        }
        return links;
    }

    private static String xmlSafe(String xml) {
        String withoutDoctype = withoutDoctype(xml);
        // A Korean feed's zone-less time is Korean time; ROME would read it as nothing at all.
        withoutDoctype = ZONELESS_DATE.matcher(withoutDoctype).replaceAll("$1$2T$3+09:00$4");
        Matcher entity = NAMED_ENTITY.matcher(withoutDoctype);
        StringBuilder safe = new StringBuilder(withoutDoctype.length());
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = entity.group();
            if (!XML_ENTITIES.contains(name) && Entities.isNamedEntity(name)) {
                replacement = Entities.getByName(name).codePoints()
                        .mapToObj(codePoint -> "&#" + codePoint + ";").reduce("", String::concat);
            }
            entity.appendReplacement(safe, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(safe);
        return safe.toString();
    }

    /**
     * The feed without its DOCTYPE. XML allows one, in the prolog, so only the first is looked at: trying every
     * {@code <!DOCTYPE} in a body full of them would cost the body's length for each.
     */
    private static String withoutDoctype(String xml) {
        Matcher start = DOCTYPE_START.matcher(xml);
        if (!start.find()) {
            return xml;
        }
        Matcher doctype = DOCTYPE.matcher(xml).region(start.start(), xml.length());
        return doctype.lookingAt() ? xml.substring(0, start.start()) + xml.substring(doctype.end()) : xml;
    }

    private static String absoluteLink(URI feedUrl, SyndEntry entry) {
        String link = entry.getLink() != null && !entry.getLink().isBlank() ? entry.getLink() : entry.getUri();
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = feedUrl.resolve(link.strip());
            return HttpUrls.isHttp(resolved) ? resolved.toString() : null;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Feed titles often carry HTML and entities, some encoded twice; the rest of the pipeline wants text. */
    private static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text().strip();
    }

    /** ROME's reader of RSS and Atom, with the feed limits counted while its parser reads the XML. */
    private static final class BoundedFeedInput extends WireFeedInput {

        @Override
        protected SAXBuilder createSAXBuilder() {
            SAXBuilder builder = super.createSAXBuilder();
            builder.setXMLFilter(XmlLimits.FEED.filter());
            return builder;
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
