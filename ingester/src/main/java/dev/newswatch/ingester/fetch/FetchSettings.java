package dev.newswatch.ingester.fetch;

import java.time.Duration;

/**
 * What the fetcher needs of the ingester's settings; the defaults and checks live in {@code IngesterSettings}.
 *
 * @param userAgent    how every request names the crawler, and the agent looked up in robots.txt
 * @param hostDelay    least time between two requests to one host (a longer robots.txt Crawl-delay wins)
 * @param fetchTimeout longest one request may take: connecting, waiting and reading the whole body
 * @param maxBodyBytes largest response body read, both as sent and once unzipped
 */
public record FetchSettings(String userAgent, Duration hostDelay, Duration fetchTimeout, long maxBodyBytes) {
}
