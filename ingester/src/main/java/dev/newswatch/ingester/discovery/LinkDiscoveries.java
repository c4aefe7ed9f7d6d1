package dev.newswatch.ingester.discovery;

import java.util.Map;

import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;

/** The discovery of every source kind, sharing one fetcher (and so one pacing of each host); picks by kind. */
public final class LinkDiscoveries implements LinkDiscovery {

    private final Map<SourceKind, LinkDiscovery> byKind;

    public LinkDiscoveries(PageFetcher fetcher, BodyDecoder decoder, long maxBodyBytes) {
        this.byKind = Map.of(
                SourceKind.FEED, new FeedDiscovery(fetcher, decoder),
                SourceKind.HTML_LIST, new ListingPageDiscovery(fetcher, decoder),
                SourceKind.SITEMAP, new SitemapDiscovery(fetcher),
                SourceKind.ARCHIVE, new ArchiveDiscovery(maxBodyBytes));
    }

    @Override
    public Discovery discover(Source source, Validators previous) throws IngestException, InterruptedException {
        return byKind.get(source.kind()).discover(source, previous);
    }
}
