package dev.newswatch.ingester;

import java.util.List;

import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.discovery.Discovery;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchMetrics;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;

/**
 * Tries one source once, without Kafka and without remembering anything: what it lists, and what the extractor
 * makes of its first article. For {@code newswatch sources check}, so an outlet can be added with confidence.
 */
public final class SourceCheck {

    /** How many listed links a report shows. */
    static final int SHOWN_LINKS = 5;

    private final Crawler crawler;

    public SourceCheck(IngesterSettings settings) {
        this.crawler = Crawler.create(settings, FetchMetrics.discarding());
    }

    /**
     * What one try of a source found.
     *
     * @param links          how many article links the source listed
     * @param outOfScope     how many of them lead outside the source's hosts
     * @param firstLinks     the first links, with the titles and dates the source gives them
     * @param articleUrl     the article read, or null when there was none to read
     * @param article        what the extractor made of it, or null
     * @param failure        why listing or reading failed, or null
     */
    public record Report(Source source, int links, int outOfScope, List<DiscoveredLink> firstLinks, String articleUrl,
            ExtractedArticle article, String failure) {

        public boolean ok() {
            return failure == null && links > 0 && article != null;
        }
    }

    public Report check(Source source) throws InterruptedException {
        Discovery discovery;
        try {
            discovery = crawler.discovery().discover(source, Validators.NONE);
        } catch (IngestException e) {
            return new Report(source, 0, 0, List.of(), null, null, "[" + e.kind().tag() + "] " + e.getMessage());
        }
        List<DiscoveredLink> links = discovery.links();
        List<DiscoveredLink> inScope = links.stream().filter(link -> isReadBy(source, link)).toList();
        List<DiscoveredLink> shown = links.subList(0, Math.min(SHOWN_LINKS, links.size()));
        int outOfScope = links.size() - inScope.size();
        if (inScope.isEmpty()) {
            return new Report(source, links.size(), outOfScope, shown, null, null,
                    links.isEmpty() ? "the source lists no article links" : "no listed link is on the hosts " + source.hosts());
        }
        DiscoveredLink first = inScope.get(0);
        try {
            return new Report(source, links.size(), outOfScope, shown, first.url(),
                    crawler.reader().read(source, first, first.canonicalUrl()), null);
        } catch (IngestException e) {
            return new Report(source, links.size(), outOfScope, shown, first.url(), null,
                    "[" + e.kind().tag() + "] " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Report(source, links.size(), outOfScope, shown, first.url(), null, "not a URL: " + first.url());
        }
    }

    /** The poller's rule: a link is read when it is a URL and {@link DiscoveredLink#isReadBy} the source. */
    private static boolean isReadBy(Source source, DiscoveredLink link) {
        try {
            return link.isReadBy(source, link.canonicalUrl());
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }
}
