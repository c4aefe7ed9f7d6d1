package dev.newswatch.ingester.discovery;

import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourceKind;

/**
 * Lists the article links of a source; one implementation per {@link SourceKind}, picked by {@link LinkDiscoveries}.
 */
public interface LinkDiscovery {

    /**
     * Reads the source once.
     *
     * @param previous the validators of the last poll, sent for a conditional GET ({@link Validators#NONE} for none)
     */
    Discovery discover(Source source, Validators previous) throws IngestException, InterruptedException;
}
