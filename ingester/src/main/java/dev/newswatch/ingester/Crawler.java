package dev.newswatch.ingester;

import dev.newswatch.ingester.discovery.LinkDiscoveries;
import dev.newswatch.ingester.discovery.LinkDiscovery;
import dev.newswatch.ingester.extract.ArticleExtractor;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchMetrics;
import dev.newswatch.ingester.fetch.PageFetcher;

/**
 * The stages that read a source, over one fetcher (and so one pacing of each host): listing its links and
 * reading an article. Built the same way for the service and for {@code newswatch sources check}.
 */
record Crawler(LinkDiscovery discovery, ArticleReader reader) {

    static Crawler create(IngesterSettings settings, FetchMetrics metrics) {
        PageFetcher fetcher = new PageFetcher(settings.fetch(), metrics);
        BodyDecoder decoder = new BodyDecoder(metrics);
        return new Crawler(new LinkDiscoveries(fetcher, decoder, settings.maxBodyBytes()),
                new ArticleReader(fetcher, decoder, new ArticleExtractor()));
    }
}
