package dev.newswatch.ingester.discovery;

import java.util.List;

import dev.newswatch.ingester.fetch.Validators;

/**
 * What one poll of a source found.
 *
 * @param links       the article links, in the source's order (newest first for most outlets)
 * @param validators  the validators of the source's main document, for the next conditional GET
 * @param notModified true when the server answered the conditional GET with 304: nothing new
 */
public record Discovery(List<DiscoveredLink> links, Validators validators, boolean notModified) {

    public Discovery {
        links = List.copyOf(links);
        validators = validators == null ? Validators.NONE : validators;
    }

    static Discovery unchangedSince(Validators validators) {
        return new Discovery(List.of(), validators, true);
    }
}
