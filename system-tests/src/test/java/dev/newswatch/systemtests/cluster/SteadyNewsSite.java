package dev.newswatch.systemtests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.newswatch.testsupport.FaultySite;
import dev.newswatch.testsupport.FaultySite.Fault;
import dev.newswatch.testsupport.FaultySite.PathKind;
import dev.newswatch.testsupport.FixtureReplies;

/**
 * News sites on loopback addresses (127.0.0.2, 127.0.0.3, ...: another host each to the crawler, so instances of
 * the ingester share them) where articles appear at a steady rate: article n of a site is out {@code n} periods
 * after the start, its feed ({@code /rss.xml}) lists the latest {@link #FEED_ITEMS}. Every article reports a
 * development of its own with a Huawei Ascend chip, so it raises an alert of watches {@link #ALERTING_WATCHES} of
 * config/watches.yml: its own actor, occasion year and reporting period, a combination no other article of the
 * run shares, which the enricher's event grouping keeps apart, plus a product code of its own. The crawler
 * reaches each site through a {@link FaultySite} front on the same address, which {@link #fail} makes time out,
 * reset connections or serve garbage for a while.
 */
public final class SteadyNewsSite implements AutoCloseable {

    /** The watches of config/watches.yml every article matches (through chipsOf: [huawei]). */
    public static final List<String> ALERTING_WATCHES = List.of("china-ai-chips", "huawei-ascend");
    static final int FEED_ITEMS = 200;
    private static final String FEED = "/rss.xml";
    private static final Pattern ARTICLE = Pattern.compile("/news/(\\d+)\\.html");
    /** Companies of config/entities.yml that no watch names, so that they add no alert of another watch. */
    private static final List<String> ACTORS = List.of("딥시크", "샤오미", "즈푸", "미니맥스", "센스타임", "차이나모바일",
            "차이나텔레콤", "차이나유니콤", "스텝펀");
    private static final List<String> PERIODS = List.of("1분기", "2분기", "3분기", "4분기", "상반기", "하반기");
    private static final List<String> OCCASIONS = List.of("WAIC", "MWC", "CES", "COMPUTEX", "GTC");
    private static final List<String> PLACES = List.of("선전", "항저우", "베이징", "상하이", "청두", "우한", "난징", "시안");
    /** Hangul syllables 가 to 힣: made-up words are drawn from them. */
    private static final char FIRST_SYLLABLE = '\uAC00';
    private static final int SYLLABLES = 11_172;
    private static final DateTimeFormatter RSS_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final List<HttpServer> servers;
    private final List<FaultySite> fronts = new ArrayList<>();
    private final Duration period;
    private final Instant start;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private SteadyNewsSite(List<HttpServer> servers, Duration period, Instant start) {
        this.servers = servers;
        this.period = period;
        this.start = start;
    }

    /**
     * {@code sites} sites on 127.0.0.2 onwards, each publishing one article every {@code period} from now: in all
     * {@code sites / period} articles a second.
     */
    public static SteadyNewsSite start(int sites, Duration period) {
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (int site = 0; site < sites; site++) {
                servers.add(HttpServer.create(new InetSocketAddress("127.0.0." + (site + 2), 0), 0));
            }
        } catch (IOException e) {
            servers.forEach(server -> server.stop(0));
            throw new UncheckedIOException("cannot serve the steady news sites on loopback addresses", e);
        }
        SteadyNewsSite steady = new SteadyNewsSite(servers, period, Instant.now());
        for (int site = 0; site < sites; site++) {
            int index = site;
            HttpServer server = servers.get(site);
            server.setExecutor(steady.executor);
            server.createContext("/", exchange -> steady.serve(index, exchange));
            server.start();
            steady.fronts.add(FaultySite.in(server.getAddress().getAddress().getHostAddress(),
                    URI.create(directUrl(server)), FEED::equals));
        }
        return steady;
    }

    /** The feed URL of each site, in order: the sources to crawl. */
    public List<String> feedUrls() {
        return fronts.stream().map(front -> front.base() + FEED).toList();
    }

    /** From now on every site's feed and article requests meet {@code fault}; {@link Fault#HEALTHY} ends it. */
    public void fail(Fault fault) {
        for (FaultySite front : fronts) {
            front.set(PathKind.FEED, fault);
            front.set(PathKind.ARTICLE, fault);
        }
    }

    /** The URL of every article out by now, oldest first within a site. */
    public List<String> publishedUrls() {
        return publishedUrls(Instant.now());
    }

    /** The URL of every article out by {@code at}. */
    public List<String> publishedUrls(Instant at) {
        int count = publishedPerSite(at);
        List<String> urls = new ArrayList<>();
        for (int site = 0; site < servers.size(); site++) {
            for (int number = 1; number <= count; number++) {
                urls.add(articleUrl(site, number));
            }
        }
        return urls;
    }

    private int publishedPerSite(Instant at) {
        return (int) Math.max(0, Duration.between(start, at).toMillis() / period.toMillis());
    }

    private static String directUrl(HttpServer server) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Links name the front, the only address the crawler is given. */
    private String articleUrl(int site, int number) {
        return fronts.get(site).base() + "/news/" + number + ".html";
    }

    private Instant publishedAt(int number) {
        return start.plus(period.multipliedBy(number));
    }

    private void serve(int site, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher article = ARTICLE.matcher(path);
            int published = publishedPerSite(Instant.now());
            if (path.equals(FEED)) {
                FixtureReplies.text(exchange, 200, "application/rss+xml; charset=utf-8", feed(site, published));
            } else if (article.matches() && Integer.parseInt(article.group(1)) >= 1
                    && Integer.parseInt(article.group(1)) <= published) {
                FixtureReplies.text(exchange, 200, "text/html; charset=utf-8",
                        page(site, Integer.parseInt(article.group(1))));
            } else {
                FixtureReplies.text(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
        }
    }

    private String feed(int site, int published) {
        StringBuilder items = new StringBuilder();
        for (int number = published; number >= Math.max(1, published - FEED_ITEMS + 1); number--) {
            String url = articleUrl(site, number);
            items.append("<item><title>").append(title(site, number)).append("</title><link>").append(url)
                    .append("</link><guid>").append(url).append("</guid><pubDate>")
                    .append(RSS_DATE.format(publishedAt(number).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>꾸준뉴스 %d</title><link>%s/</link>
                <description>장애 시험용 기사</description>
                %s</channel></rss>
                """.formatted(site + 1, fronts.get(site).base(), items);
    }

    /** Which article of the run this is, counting every site's: what makes its development its own. */
    private int serial(int site, int number) {
        return (number - 1) * servers.size() + site;
    }

    private String title(int site, int number) {
        int serial = serial(site, number);
        return "%s, %s %d서 %s 실적과 함께 어센드 910C 기반 %s 공개".formatted(actor(serial), occasion(serial),
                year(serial), PERIODS.get(serial / ACTORS.size() % PERIODS.size()), code(serial));
    }

    private String page(int site, int number) {
        int serial = serial(site, number);
        String code = code(serial);
        return """
                <!DOCTYPE html>
                <html lang="ko"><head><meta charset="utf-8"><title>%1$s</title>
                <meta property="article:published_time" content="%2$s"></head>
                <body><nav><a href="/">꾸준뉴스</a></nav>
                <article><h1>%1$s</h1>
                <p>%3$s는 %4$d일 %5$s %6$d 행사에서 %7$s 실적을 공개하며 화웨이 어센드 910C 칩 %8$d개를 묶은 %9$s 시스템을
                %10$s에 설치했다고 밝혔다.</p>
                <p>%11$s</p>
                </article></body></html>
                """.formatted(title(site, number), publishedAt(number), actor(serial), 1 + serial % 28,
                occasion(serial), year(serial), PERIODS.get(serial / ACTORS.size() % PERIODS.size()),
                64 + serial % 900, code, PLACES.get(serial % PLACES.size()), wordsOfItsOwn(serial));
    }

    /**
     * Sentences of made-up words drawn for this article alone: the bulk of its text, so that its character
     * shingles and nouns are its own and the enricher takes no two articles for copies of one story.
     */
    private static String wordsOfItsOwn(int serial) {
        Random random = new Random(serial);
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 6; sentence++) {
            for (int word = 0; word < 7; word++) {
                for (int syllable = 0; syllable < 2 + random.nextInt(2); syllable++) {
                    text.append((char) (FIRST_SYLLABLE + random.nextInt(SYLLABLES)));
                }
                text.append(word == 6 ? "라고 덧붙였다. " : " ");
            }
        }
        return text.toString().strip();
    }

    private static String actor(int serial) {
        return ACTORS.get(serial % ACTORS.size());
    }

    /** Years 2000-2099 of an occasion: with actor and period, apart for 100 × actors × periods articles. */
    private static int year(int serial) {
        return 2000 + serial / (ACTORS.size() * PERIODS.size()) % 100;
    }

    private static String occasion(int serial) {
        return OCCASIONS.get(serial % OCCASIONS.size());
    }

    /** A product code no other article names: NW, then the serial in base 36 upper case. */
    private static String code(int serial) {
        return "NW" + Integer.toString(serial + 1000, 36).toUpperCase(Locale.ROOT) + "X";
    }

    @Override
    public void close() {
        fronts.forEach(FaultySite::close);
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
