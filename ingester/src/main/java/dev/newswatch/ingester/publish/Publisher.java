package dev.newswatch.ingester.publish;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.state.SourceState;

/** Where the poller writes articles and crawl state; {@link ArticlePublisher} writes them to Kafka. */
public interface Publisher {

    /** What {@link #publish} did with an article. */
    enum Publication {
        /** First publication of this article id. */
        NEW,
        /** The article id was published before with other content: published again as an update of that id. */
        UPDATE,
        /** Exactly this version was published before: nothing written but, maybe, a new link in the marker. */
        UNCHANGED
    }

    /**
     * Publishes the article unless exactly this version was published before; an edited article (same id,
     * another fingerprint) is published again under the same id.
     *
     * @param linkId the id of the source link that led to the article, remembered so a restart skips it
     */
    Publication publish(RawArticle article, String linkId) throws IngestException;

    /** Keeps a source's crawl state, so a restart or another instance resumes from it. */
    void saveSourceState(String sourceId, SourceState state) throws IngestException;
}
