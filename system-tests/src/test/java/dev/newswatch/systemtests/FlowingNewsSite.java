package dev.newswatch.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.newswatch.testsupport.FixtureReplies;

/**
 * A news site on 127.0.0.1 whose RSS feed lists {@code articleCount} articles, each a page of its own with its
 * own text, so a crawl of it is a stream of distinct articles, long enough to restart a broker in the middle.
 */
final class FlowingNewsSite implements AutoCloseable {

    static final String FEED = "/flow/rss.xml";
    private static final Pattern ARTICLE = Pattern.compile("/flow/news/(\\d+)\\.html");
    private static final List<String> COMPANIES = List.of("화웨이", "캠브리콘", "엔비디아", "바이두", "알리바바", "SMIC");

    private final HttpServer server;
    private final int articleCount;
    private final Instant publishedAt = Instant.now();

    private FlowingNewsSite(HttpServer server, int articleCount) {
        this.server = server;
        this.articleCount = articleCount;
    }

    static FlowingNewsSite start(int articleCount) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FlowingNewsSite site = new FlowingNewsSite(server, articleCount);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/", site::serve);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the flowing news site on 127.0.0.1", e);
        }
    }

    String feedUrl() {
        return baseUrl() + FEED;
    }

    /** The URL of every article the feed lists. */
    List<String> articleUrls() {
        return IntStream.rangeClosed(1, articleCount).mapToObj(this::articleUrl).toList();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String articleUrl(int number) {
        return baseUrl() + "/flow/news/" + number + ".html";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher article = ARTICLE.matcher(path);
            if (path.equals(FEED)) {
                FixtureReplies.text(exchange, 200, "application/rss+xml; charset=utf-8", feed());
            } else if (article.matches() && Integer.parseInt(article.group(1)) <= articleCount) {
                FixtureReplies.text(exchange, 200, "text/html; charset=utf-8",
                        page(Integer.parseInt(article.group(1))));
            } else {
                FixtureReplies.text(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
        }
    }

    private String feed() {
        String pubDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(publishedAt.atOffset(ZoneOffset.UTC));
        StringBuilder items = new StringBuilder();
        for (int number = 1; number <= articleCount; number++) {
            items.append("<item><title>").append(title(number)).append("</title><link>").append(articleUrl(number))
                    .append("</link><guid>").append(articleUrl(number)).append("</guid><pubDate>").append(pubDate)
                    .append("</pubDate></item>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>흐름뉴스</title><link>%s/flow/</link>
                <description>재시작 시험용 기사</description>
                %s</channel></rss>
                """.formatted(baseUrl(), items);
    }

    private String page(int number) {
        String company = COMPANIES.get(number % COMPANIES.size());
        return """
                <!DOCTYPE html>
                <html lang="ko"><head><meta charset="utf-8"><title>%1$s</title>
                <meta property="article:published_time" content="%2$s"></head>
                <body><nav><a href="/flow/">흐름뉴스</a></nav>
                <article><h1>%1$s</h1>
                <p>%3$s는 %4$d번째 데이터센터 증설 계획을 이날 발표했다. 회사 측은 %4$d개 생산 라인에 새 장비를 들이고
                연구 인력 %5$d명을 충원한다고 밝혔다.</p>
                <p>업계는 이번 %4$d호 발표가 인공지능 반도체 수요에 대응하기 위한 조치라고 풀이했다. 관계자는 설비가
                %6$d월까지 가동에 들어갈 것이라고 말했다.</p>
                <p>한편 시장 조사 기관은 올해 가속기 출하량이 %7$d만 대에 이를 것으로 내다봤다.</p>
                </article></body></html>
                """.formatted(title(number), publishedAt, company, number, 100 + number * 7, 1 + number % 12,
                40 + number * 3);
    }

    private static String title(int number) {
        return "흐름뉴스 " + number + "호: " + COMPANIES.get(number % COMPANIES.size()) + " 설비 증설 발표";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
