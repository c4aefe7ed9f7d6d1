package dev.newswatch.ingester;

import java.util.Map;

/** Lists the article links of one kind of source; one implementation per {@link SourceKind}. */
public interface LinkDiscovery {

    /**
     * Reads the source once.
     *
     * @param previous the validators of the last poll, sent for a conditional GET ({@link Validators#NONE} for none)
     */
    Discovery discover(Source source, Validators previous) throws IngestException, InterruptedException;

    /** One discovery per source kind, sharing one fetcher (and so one pacing of each host). */
    static Map<SourceKind, LinkDiscovery> forEveryKind(PageFetcher fetcher, BodyDecoder decoder, long maxBodyBytes) {
        return Map.of(
                SourceKind.FEED, new FeedPoller(fetcher, decoder),
                SourceKind.HTML_LIST, new ListingPagePoller(fetcher, decoder),
                SourceKind.SITEMAP, new SitemapPoller(fetcher),
                SourceKind.ARCHIVE, new ArchiveReader(maxBodyBytes));
    }
}
