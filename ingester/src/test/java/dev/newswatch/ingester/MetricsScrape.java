package dev.newswatch.ingester;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus text an ingester in another JVM serves on /metrics, read once, with its series looked up. */
record MetricsScrape(String text) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static MetricsScrape of(int metricsPort) {
        try {
            return new MetricsScrape(HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body());
        } catch (IOException e) {
            throw new IllegalStateException("no /metrics on port " + metricsPort, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The errors counted for {@code source} of {@code kind} (its tag). */
    double errors(String source, String kind) {
        return value("newswatch_ingester_errors_total", "kind=\"" + kind + "\"", "source=\"" + source + "\"");
    }

    /** Sum of the series named {@code name} whose labels hold every one of {@code labels}; 0 when there is none. */
    double value(String name, String... labels) {
        Matcher series = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        double sum = 0;
        while (series.find()) {
            String found = series.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= found.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(series.group(2));
            }
        }
        return sum;
    }
}
