package dev.newswatch.enricher.tagging;

import java.util.List;

/**
 * An event a topic recognises by two or more words in one sentence, close together: an action and its object
 * (HBM3E를 양산, 공개한 모델), an actor and its measure (미국의 제재). Korean puts the object just before its verb
 * and a verb just before the noun it describes, so the parts of one event lie within a few words of each other.
 *
 * @param weight what the event adds to the topic's score
 * @param all    the names of the topic's term groups that must each have a term in the sentence
 * @param within  the most chars from the first part's start to the last part's end; absent or 0 means
 *                {@link #DEFAULT_WITHIN}
 * @param ordered whether the parts must come in the order of {@code all}: an object before its verb
 *                (칩을 출시), a verb form before the noun it describes (출시한 칩)
 */
public record TopicFrame(double weight, List<String> all, int within, boolean ordered) {

    public static final int DEFAULT_WITHIN = 40;

    public TopicFrame {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("a frame needs a positive weight, not " + weight);
        }
        if (all == null || all.size() < 2) {
            throw new IllegalArgumentException("a frame needs at least two term groups in 'all'");
        }
        all = List.copyOf(all);
        within = within == 0 ? DEFAULT_WITHIN : within;
        if (within < 0) {
            throw new IllegalArgumentException("a frame's 'within' must be positive, not " + within);
        }
    }
}
