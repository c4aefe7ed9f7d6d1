package dev.newswatch.ingester.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.BodyDecoder;
import dev.newswatch.ingester.fetch.FetchRequest;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.fetch.PageFetcher;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.KindSettings;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.url.HttpUrls;

/**
 * Lists the article links of server-rendered listing pages ({@code kind: html-list}): the source's
 * {@code linkSelector} picks the links, relative hrefs are made absolute, and up to {@code maxPages} pages are
 * read by following {@code nextPageSelector} or filling in {@code pageUrlTemplate}.
 */
final class ListingPageDiscovery implements LinkDiscovery {

    private static final Logger log = LoggerFactory.getLogger(ListingPageDiscovery.class);

    private final PageFetcher fetcher;
    private final BodyDecoder decoder;

    public ListingPageDiscovery(PageFetcher fetcher, BodyDecoder decoder) {
        this.fetcher = fetcher;
        this.decoder = decoder;
    }

    @Override
    public Discovery discover(Source source, Validators previous) throws IngestException, InterruptedException {
        // Only the first page is asked conditionally: when it has not changed, neither have the older pages.
        FetchedBody first = fetch(source, source.url(), previous);
        if (first.notModified()) {
            return Discovery.unchangedSince(first.validators());
        }
        KindSettings.Listing listing = source.settings(KindSettings.Listing.class);
        Map<String, DiscoveredLink> links = new LinkedHashMap<>();
        List<URI> visited = new ArrayList<>(List.of(source.url()));
        Document page = read(first, source, listing, links);
        while (visited.size() < listing.maxPages()) {
            Optional<URI> next = nextPage(listing, page, visited.size() + 1);
            if (next.isEmpty() || visited.contains(next.get()) || !source.followsLinkTo(next.get())) {
                break;
            }
            visited.add(next.get());
            try {
                page = read(fetch(source, next.get(), Validators.NONE), source, listing, links);
            } catch (IngestException e) {
                log.warn("Source {}: listing page {} failed [{}]: {}; keeping the links of the pages before it",
                        source.id(), next.get(), e.kind().tag(), e.getMessage());
                break;
            }
        }
        return new Discovery(List.copyOf(links.values()), first.validators(), false);
    }

    private FetchedBody fetch(Source source, URI url, Validators validators) throws IngestException, InterruptedException {
        return fetcher.fetch(new FetchRequest(url, source.id(), ErrorKind.LISTING_FETCH, validators,
                source.allowPrivateAddresses(), FetchRequest.Accept.PAGE));
    }

    /** Adds the page's article links to {@code links} (first mention wins) and returns the parsed page. */
    private Document read(FetchedBody fetched, Source source, KindSettings.Listing listing,
            Map<String, DiscoveredLink> links) {
        Document page = Jsoup.parse(decoder.decode(fetched, source.id()), fetched.url().toString());
        for (Element match : page.select(listing.linkSelector())) {
            Element anchor = match.is("a[href]") ? match : match.selectFirst("a[href]");
            if (anchor == null) {
                continue;
            }
            String href = anchor.absUrl("href");
            if (HttpUrls.isHttp(href)) {
                links.putIfAbsent(href, DiscoveredLink.onTheWeb(href, blankToNull(anchor.text()), null, null));
            }
        }
        return page;
    }

    private static Optional<URI> nextPage(KindSettings.Listing listing, Document page, int number) {
        if (listing.pageUrlTemplate() != null) {
            return Optional.of(listing.page(number));
        }
        if (listing.nextPageSelector() == null) {
            return Optional.empty();
        }
        Element next = page.selectFirst(listing.nextPageSelector());
        Element anchor = next == null ? null : next.is("a[href]") ? next : next.selectFirst("a[href]");
        if (anchor == null || anchor.absUrl("href").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(anchor.absUrl("href")));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
