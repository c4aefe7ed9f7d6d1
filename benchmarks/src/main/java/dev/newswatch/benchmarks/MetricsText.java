package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A service's /metrics page (Prometheus text format) and the sums of its series that a report needs. */
final class MetricsText {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MetricsText() {
    }

    /** The lines of {@code http://127.0.0.1:<port>/metrics}. */
    static List<String> read(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body().lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metrics on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the metrics on port " + port, e);
        }
    }

    /**
     * The sum of every series of {@code metric} whose labels include {@code label} (for example
     * {@code area="heap"}; empty for all), negative values (a pool with no limit reports -1) left out.
     */
    static double sum(List<String> lines, String metric, String label) {
        double sum = 0;
        for (String line : lines) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            String labels = labelsEnd < 0 ? "" : line.substring(metric.length(), labelsEnd + 1);
            if (!labels.contains(label)) {
                continue;
            }
            double value = Double.parseDouble(line.substring(Math.max(labelsEnd + 1, metric.length())).strip()
                    .split(" ")[0]);
            sum += value > 0 ? value : 0;
        }
        return sum;
    }
}
