package dev.newswatch.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.newswatch.standalone.LocalPorts.Port;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newswatch demo}: the whole system against a local sample news site; needs no internet. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole system in this process beside an embedded Kafka broker, crawling a local "
                + "sample Korean news site, and print each alert as it arrives.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    SystemOptions system;

    @Option(names = "--site-port", paramLabel = "PORT", defaultValue = "18080",
            description = "Port of the sample news site on 127.0.0.1; keep it fixed, as article ids derive from "
                    + "their URLs (default: ${DEFAULT-VALUE}).")
    int sitePort;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "How often the sample feeds are polled, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (sitePort < 1 || sitePort > 65_535) {
            throw new ParameterException(spec.commandLine(), "--site-port must be a fixed port from 1 to 65535, not "
                    + sitePort + ": the demo's sources name the site by it");
        }
        // Written before anything starts, so that it is checked with the rest of the configuration.
        Path sources = system.dataDirectory.resolve("demo").resolve("sources.yml");
        Files.createDirectories(sources.getParent());
        Files.writeString(sources, demoSources(DemoNewsSite.baseUrl(sitePort), pollInterval), StandardCharsets.UTF_8);
        return SystemRunner.runUntilStopped(system, sources,
                List.of(new Port(sitePort, "the sample news site", "--site-port")), () -> {
                    DemoNewsSite site = DemoNewsSite.start(sitePort);
                    System.out.println("Sample news site on " + site.baseUrl() + " (feeds " + site.rssFeedUrl()
                            + ", " + site.atomFeedUrl() + ")");
                    return site;
                }, System.out);
    }

    /** The sources file the demo's ingester reads: the two feeds of the sample site at {@code baseUrl}. */
    public static String demoSources(String baseUrl, Duration pollInterval) {
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
                """.formatted(baseUrl + DemoNewsSite.RSS_FEED, pollInterval, baseUrl + DemoNewsSite.ATOM_FEED,
                pollInterval);
    }
}
