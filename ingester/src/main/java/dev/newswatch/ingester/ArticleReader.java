package dev.newswatch.ingester;

import java.net.URI;
import java.util.Optional;

import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.extract.ArticleExtractor;
import dev.newswatch.ingester.extract.ArticlePlausibility;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchRequest;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;

/**
 * Reads one discovered article: fetches its page (or loads it from the archive), decodes it, and extracts it
 * with the source's own selectors where it has them. Text that cannot be an article ({@link ArticlePlausibility})
 * is refused as an extraction failure, so the link stays pending.
 */
final class ArticleReader {

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
        ExtractedArticle article = extractor.extract(decoder.decode(page, source.id()), page.url(),
                link.published(), source.extraction(), source.language());
        Optional<String> problem = ArticlePlausibility.problem(article.text());
        if (problem.isPresent()) {
            throw new IngestException(ErrorKind.EXTRACT, "page " + problem.get());
        }
        return article;
    }
}
