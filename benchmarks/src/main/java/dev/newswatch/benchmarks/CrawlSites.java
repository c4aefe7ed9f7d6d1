package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.newswatch.common.events.RawArticle;

/**
 * Many small news sites, one per loopback address (127.0.0.2, 127.0.0.3, ...: Linux routes all of 127/8 to the
 * loopback interface), so that the crawler sees each as a host of its own and paces it on its own. Each serves a
 * robots.txt that allows everything, an RSS feed of its articles at {@code /feed.xml} and the article pages, built
 * from generated articles in the markup of a Korean news page. Counts what it serves.
 */
final class CrawlSites implements AutoCloseable {

    static final String FEED_PATH = "/feed.xml";
    private static final String ROBOTS = "User-agent: *\nAllow: /\n";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong articleRequests = new AtomicLong();
    private final AtomicLong firstRequestNanos = new AtomicLong();
    private final AtomicLong lastRequestNanos = new AtomicLong();

    private CrawlSites(int threads) {
        AtomicInteger count = new AtomicInteger();
        // Named so that ThreadCpu counts the sites' CPU time to the load generator, not to the crawler.
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "newswatch-bench-site-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@code hosts} sites on 127.0.0.2 onwards, each on a free port, each listing {@code articlesPerHost} articles
     * taken from {@code generator}.
     */
    static CrawlSites start(int hosts, int articlesPerHost, KoreanArticles generator) {
        if (hosts < 1 || hosts > 250) {
            throw new IllegalArgumentException("between 1 and 250 hosts (127.0.0.2-127.0.0.251), not " + hosts);
        }
        CrawlSites sites = new CrawlSites(4);
        try {
            for (int i = 0; i < hosts; i++) {
                sites.serve(address(i), generator.next(articlesPerHost));
            }
        } catch (RuntimeException e) {
            sites.close();
            throw e;
        }
        return sites;
    }

    /** The loopback address of host number {@code index}, from 0. */
    static String address(int index) {
        return "127.0.0." + (index + 2);
    }

    /** The feed URL of every site, in order. */
    List<String> feedUrls() {
        return servers.stream().map(server -> baseUrl(server) + FEED_PATH).toList();
    }

    /** Every request answered so far: robots.txt, feeds and article pages. */
    long requests() {
        return requests.get();
    }

    long articleRequests() {
        return articleRequests.get();
    }

    /** {@link System#nanoTime()} of the first and the last request answered; 0 before any. */
    long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    long lastRequestNanos() {
        return lastRequestNanos.get();
    }

    private void serve(String address, List<RawArticle> articles) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve a crawl site on " + address
                    + " (Linux routes 127.0.0.0/8 to the loopback interface; other systems may not)", e);
        }
        servers.add(server);
        String base = baseUrl(server);
        byte[] feed = feed(base, articles).getBytes(StandardCharsets.UTF_8);
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            pages.add(page(base + articlePath(i), articles.get(i)).getBytes(StandardCharsets.UTF_8));
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> answer(exchange, feed, pages));
        server.start();
    }

    private void answer(HttpExchange exchange, byte[] feed, List<byte[]> pages) throws IOException {
        long now = System.nanoTime();
        firstRequestNanos.compareAndSet(0, now);
        lastRequestNanos.set(now);
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/robots.txt")) {
                respond(exchange, 200, "text/plain; charset=utf-8", ROBOTS.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(FEED_PATH)) {
                respond(exchange, 200, "application/rss+xml; charset=utf-8", feed);
            } else if (path.matches("/news/\\d+\\.html") && articleIndex(path) < pages.size()) {
                articleRequests.incrementAndGet();
                respond(exchange, 200, "text/html; charset=utf-8", pages.get(articleIndex(path)));
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int articleIndex(String path) {
        return Integer.parseInt(path.substring("/news/".length(), path.length() - ".html".length()));
    }

    private static String articlePath(int index) {
        return String.format(Locale.ROOT, "/news/%d.html", index);
    }

    private static String baseUrl(HttpServer server) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private static String feed(String base, List<RawArticle> articles) {
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                + "<channel><title>벤치마크 뉴스</title><link>" + base + "/</link><description>벤치마크</description>\n");
        Instant now = Instant.now();
        for (int i = 0; i < articles.size(); i++) {
            feed.append("<item><title>").append(escape(articles.get(i).title())).append("</title><link>").append(base)
                    .append(articlePath(i)).append("</link><pubDate>")
                    .append(RFC_1123.format(now.minusSeconds(60L * i))).append("</pubDate></item>\n");
        }
        return feed.append("</channel></rss>\n").toString();
    }

    /** A news page as Korean outlets lay them out: metadata, menu, headline, byline, body, related links, footer. */
    private static String page(String url, RawArticle article) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : article.text().split("\n+")) {
            body.append("    <p>").append(escape(paragraph)).append("</p>\n");
        }
        String title = escape(article.title());
        return "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
                + " - 벤치마크 뉴스</title>\n<link rel=\"canonical\" href=\"" + url + "\">\n"
                + "<meta property=\"og:title\" content=\"" + title + "\">\n"
                + "<meta property=\"og:url\" content=\"" + url + "\">\n"
                + "<meta property=\"og:site_name\" content=\"벤치마크 뉴스\">\n"
                + "<meta property=\"article:published_time\" content=\"" + article.publishedAt() + "\">\n"
                + "</head>\n<body>\n<header class=\"gnb\"><a href=\"/\">벤치마크 뉴스</a><nav><ul>"
                + "<li><a href=\"/section/semi\">반도체</a></li><li><a href=\"/section/ai\">AI</a></li>"
                + "<li><a href=\"/section/biz\">기업</a></li></ul></nav></header>\n<main>\n<article>\n"
                + "  <h1 class=\"headline\">" + title + "</h1>\n"
                + "  <div class=\"byline\">" + escape(article.author()) + " 기자 <span class=\"date\">입력 "
                + article.publishedAt() + "</span></div>\n"
                + "  <div id=\"articleBody\" class=\"article-body\">\n" + body + "  </div>\n"
                + "  <div class=\"copyright\">&lt;저작권자 ⓒ 벤치마크 뉴스, 무단 전재 및 재배포 금지&gt;</div>\n"
                + "</article>\n<aside class=\"related\"><h3>관련기사</h3><ul>"
                + "<li><a href=\"/news/0.html\">관련 기사</a></li></ul></aside>\n</main>\n"
                + "<footer>벤치마크 뉴스 | 서울특별시 중구 | Copyright ⓒ 벤치마크 뉴스. All rights reserved.</footer>\n"
                + "</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
