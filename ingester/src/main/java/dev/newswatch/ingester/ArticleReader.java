package dev.newswatch.ingester;

import java.net.URI;

/**
 * Reads one discovered article: fetches its page (or loads it from the archive), decodes it, and extracts it
 * with the source's own selectors where it has them.
 */
public final class ArticleReader {

    private final PageFetcher fetcher;
    private final BodyDecoder decoder;
    private final ArticleExtractor extractor;

    public ArticleReader(PageFetcher fetcher, BodyDecoder decoder, ArticleExtractor extractor) {
        this.fetcher = fetcher;
        this.decoder = decoder;
        this.extractor = extractor;
    }

    /** @param url the link, canonicalized */
    public ExtractedArticle read(Source source, DiscoveredLink link, URI url) throws IngestException, InterruptedException {
        FetchedBody page = link.saved() != null ? link.saved().load()
                : fetcher.fetch(new FetchRequest(url, source.id(), ErrorKind.PAGE_FETCH, Validators.NONE,
                        source.allowPrivateAddresses(), FetchRequest.Accept.PAGE));
        return extractor.extract(decoder.decode(page, source.id()), page.url(), link.published(),
                source.extraction(), source.language());
    }
}
