package dev.newswatch.common.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * A container's health check, for images with a JVM and no curl: {@code java -cp '/app/lib/*'
 * dev.newswatch.common.metrics.HealthProbe http://127.0.0.1:9401/health} exits 0 when the URL answers 200 within
 * the timeout and 1 otherwise, naming what it got on standard error.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 3_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthProbe <url>, e.g. http://127.0.0.1:9401/health");
            System.exit(2);
        }
        System.exit(isHealthy(args[0]) ? 0 : 1);
    }

    /** Whether {@code url} answers 200; anything else, a refused connection or a timeout is unhealthy. */
    static boolean isHealthy(String url) {
        try {
            URL address = URI.create(url).toURL();
            HttpURLConnection connection = (HttpURLConnection) address.openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            if (status != HttpURLConnection.HTTP_OK) {
                System.err.println(url + " answered " + status);
            }
            return status == HttpURLConnection.HTTP_OK;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(url + ": " + e);
            return false;
        }
    }
}
