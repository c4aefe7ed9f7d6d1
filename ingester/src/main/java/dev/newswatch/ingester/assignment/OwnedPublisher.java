package dev.newswatch.ingester.assignment;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.publish.Publisher;
import dev.newswatch.ingester.state.SourceState;

/**
 * Publishes for a source only while this instance owns the source's partition: a poll still running when its
 * partition was taken away (or lost with the group) writes neither articles nor crawl state, so the new owner
 * alone decides what the source has published. Each instance has its own transactional id, so Kafka's fencing
 * cannot do this.
 */
public final class OwnedPublisher implements Publisher {

    private final Publisher publisher;
    private final Ownership ownership;
    private final Function<String, OptionalInt> partitionOfSource;

    /** @param partitionOfSource the partition of a configured source, by id; empty for a source no longer configured */
    public OwnedPublisher(Publisher publisher, Ownership ownership, Function<String, OptionalInt> partitionOfSource) {
        this.publisher = publisher;
        this.ownership = ownership;
        this.partitionOfSource = partitionOfSource;
    }

    @Override
    public Publication publish(RawArticle article, String linkId) throws IngestException {
        return owned(article.sourceId(), () -> publisher.publish(article, linkId));
    }

    @Override
    public void saveSourceState(String sourceId, SourceState state) throws IngestException {
        owned(sourceId, () -> {
            publisher.saveSourceState(sourceId, state);
            return Boolean.TRUE;
        });
    }

    private <T> T owned(String sourceId, Ownership.Owned<T, IngestException> work) throws IngestException {
        OptionalInt partition = partitionOfSource.apply(sourceId);
        Optional<T> done = partition.isPresent() ? ownership.whileOwning(partition.getAsInt(), work) : Optional.empty();
        return done.orElseThrow(() -> new IngestException(ErrorKind.PUBLISH, "source " + sourceId
                + " is no longer this instance's (assignment partition "
                + (partition.isPresent() ? partition.getAsInt() : "none") + " taken away): nothing published"));
    }
}
