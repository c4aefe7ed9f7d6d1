package dev.newswatch.ingester.publish;

import java.time.Instant;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.url.CanonicalUrls;

/** The record published for an extracted article: identified by its canonical address, fingerprinted by its text. */
public final class RawArticles {

    private RawArticles() {
    }

    public static RawArticle of(Source source, ExtractedArticle article, Instant fetchedAt) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, CanonicalUrls.articleId(article.canonicalUrl()), source.id(),
                source.outlet(), article.canonicalUrl(), article.title(), article.publishedAt(), article.updatedAt(),
                fetchedAt, article.language() == null ? source.language() : article.language(), article.author(),
                article.section(), article.text(), CanonicalUrls.fingerprint(article.title(), article.text()));
    }
}
