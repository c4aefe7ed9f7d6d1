package dev.newswatch.ingester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The sources file and the config file the ITs start ingesters in other JVMs with. */
final class IngesterFiles {

    private IngesterFiles() {
    }

    /** A sources file of RSS feeds on local fixture sites, by source id, all polled every {@code pollInterval}. */
    static String feedSources(Map<String, String> feedUrlById, Duration pollInterval) {
        StringBuilder file = new StringBuilder("sources:\n");
        feedUrlById.forEach((id, feedUrl) -> file.append("""
                  - id: %s
                    outlet: 가상경제신문
                    kind: feed
                    url: %s
                    pollInterval: %s
                    allowPrivateAddresses: true
                """.formatted(id, feedUrl, pollInterval)));
        return file.toString();
    }

    /**
     * A config file for one ingester.
     *
     * @param moreIngesterSettings further lines of the ingester section, each indented by two spaces
     */
    static String config(String bootstrapServers, int metricsPort, Path sourcesFile, Duration hostDelay,
            String transactionalId, String moreIngesterSettings) {
        return """
                kafka:
                  bootstrapServers: %s
                ingester:
                  metricsPort: %d
                  sourcesFile: "%s"
                  hostDelay: %s
                  transactionalId: %s
                """.formatted(bootstrapServers, metricsPort, sourcesFile.toAbsolutePath(), hostDelay, transactionalId)
                + moreIngesterSettings;
    }
}
