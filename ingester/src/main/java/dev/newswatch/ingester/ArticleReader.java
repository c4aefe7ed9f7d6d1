package dev.newswatch.ingester;

import java.net.URI;

import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.extract.ArticleExtractor;
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
 * with the source's own selectors where it has them. A page whose text is too short to be an article is refused
 * as an extraction failure: a site under maintenance or in trouble answers 200 with a notice ("서비스 점검 중입니다"),
 * and publishing that would mark the link as done, so the real article would never be read.
 */
final class ArticleReader {

    /** Fewer characters of text than this is a notice or an error page, not an article, even a one-line brief. */
    static final int MIN_ARTICLE_CHARS = 40;

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
        int length = article.text().codePointCount(0, article.text().length());
        if (length < MIN_ARTICLE_CHARS) {
            throw new IngestException(ErrorKind.EXTRACT, "page text of " + length + " characters is too short for an"
                    + " article (at least " + MIN_ARTICLE_CHARS + "): a notice or an error page? \""
                    + article.text() + "\"");
        }
        return article;
    }
}
