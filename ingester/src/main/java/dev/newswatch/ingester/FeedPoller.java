package dev.newswatch.ingester;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jsoup.Jsoup;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/** Fetches a source's RSS 2.0 or Atom feed and lists its items. */
public final class FeedPoller {

    private final PageFetcher fetcher;
    private final BodyDecoder decoder;

    public FeedPoller(PageFetcher fetcher, BodyDecoder decoder) {
        this.fetcher = fetcher;
        this.decoder = decoder;
    }

    /** The feed's items that have a link, in feed order. */
    public List<FeedEntry> poll(Source source) throws IngestException, InterruptedException {
        FetchedBody fetched = fetcher.fetch(source.url(), ErrorKind.FEED_FETCH);
        SyndFeed feed;
        // The HTTP Content-Type goes to XmlReader because a feed may declare its charset only there.
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(fetched.body()),
                decoder.contentTypeForXml(fetched.contentType()), true)) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new IngestException(ErrorKind.FEED_PARSE, "not a readable RSS or Atom feed: " + firstLine(e), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = absoluteLink(fetched.url(), entry);
            if (link != null) {
                entries.add(new FeedEntry(link, plainText(entry.getTitle()), published(entry), summary(entry)));
            }
        }
        return entries;
    }

    private static String absoluteLink(URI feedUrl, SyndEntry entry) {
        String link = entry.getLink() != null && !entry.getLink().isBlank() ? entry.getLink() : entry.getUri();
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = feedUrl.resolve(link.strip());
            return resolved.getScheme() != null && resolved.getScheme().startsWith("http") ? resolved.toString() : null;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        return description == null ? "" : plainText(description.getValue());
    }

    /** Feed titles and summaries often carry HTML and entities; the rest of the pipeline wants text. */
    private static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text().strip();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
