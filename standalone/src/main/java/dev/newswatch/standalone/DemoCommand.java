package dev.newswatch.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswatch demo}: the whole system against a local sample news site; needs no internet. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole system in this process beside an embedded Kafka broker, crawling a local "
                + "sample Korean news site, and print each alert as it arrives.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    SystemOptions system;

    @Option(names = "--site-port", paramLabel = "PORT", defaultValue = "18080",
            description = "Port of the sample news site on 127.0.0.1; keep it fixed, as article ids derive from "
                    + "their URLs (default: ${DEFAULT-VALUE}).")
    int sitePort;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "How often the sample feeds are polled, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Override
    public Integer call() throws IOException {
        LocalPorts.requireFree(sitePort, "the sample news site", "--site-port");
        DemoNewsSite site = DemoNewsSite.start(sitePort);
        Path sources = system.dataDirectory.resolve("demo").resolve("sources.yml");
        Files.createDirectories(sources.getParent());
        Files.writeString(sources, demoSources(site, pollInterval), StandardCharsets.UTF_8);
        System.out.println("Sample news site on " + site.baseUrl() + " (feeds " + site.rssFeedUrl() + ", "
                + site.atomFeedUrl() + ")");
        return SystemRunner.runUntilStopped(system, sources, site, System.out);
    }

    /** The sources file the demo's ingester reads: the sample site's two feeds. */
    static String demoSources(DemoNewsSite site, Duration pollInterval) {
        return """
                # Written by `newswatch demo`: the two feeds of the local sample news site. It runs on 127.0.0.1,
                # an address real sources may never reach, hence allowPrivateAddresses.
                sources:
                  - id: techbrief
                    outlet: 테크브리프
                    kind: feed
                    url: %s
                    pollInterval: %s
                    allowPrivateAddresses: true
                  - id: chipinsight
                    outlet: 칩인사이트
                    kind: feed
                    url: %s
                    pollInterval: %s
                    allowPrivateAddresses: true
                """.formatted(site.rssFeedUrl(), pollInterval, site.atomFeedUrl(), pollInterval);
    }
}
