package dev.newswatch.enricher.tagging;

import java.util.List;

import dev.newswatch.enricher.text.PhraseMatch;

/**
 * How strongly an article is about one topic.
 *
 * @param confidence the score mapped into [0, 1)
 * @param titleCues  cues found in the title, in the title's offsets
 * @param textCues   cues found in the body text, in the text's offsets
 */
record TopicScore(TopicRule rule, double score, double confidence, List<PhraseMatch<String>> titleCues,
        List<PhraseMatch<String>> textCues) {

    public TopicScore {
        titleCues = List.copyOf(titleCues);
        textCues = List.copyOf(textCues);
    }

    public boolean tagged() {
        return score >= rule.threshold();
    }
}
