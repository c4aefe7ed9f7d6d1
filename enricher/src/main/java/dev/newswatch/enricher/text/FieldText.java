package dev.newswatch.enricher.text;

import java.util.List;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.Evidence;

/**
 * One field of an article, prepared once for every stage: the original text, its normalised form and its
 * sentences (spans of the original).
 */
public record FieldText(ArticleField field, NormalizedText normalized, List<TextSpan> sentences) {

    public FieldText {
        sentences = List.copyOf(sentences);
    }

    public static FieldText of(ArticleField field, String original, TextNormalizer normalizer,
            SentenceSplitter splitter) {
        return new FieldText(field, normalizer.normalize(original), splitter.split(original));
    }

    public String original() {
        return normalized.original();
    }

    /** The sentence holding {@code offset}, or the whole field when no sentence does. */
    public TextSpan sentenceAt(int offset) {
        return SentenceSplitter.sentenceAt(sentences, offset, original());
    }

    /** Whether the offset lies in the lead: the first {@code leadSentences} sentences. */
    public boolean inLead(int offset, int leadSentences) {
        for (int i = 0; i < Math.min(leadSentences, sentences.size()); i++) {
            if (sentences.get(i).contains(offset)) {
                return true;
            }
        }
        return false;
    }

    public Evidence evidence(TextSpan match) {
        return new Evidence(field, match.of(original()), match.start(), match.end(),
                sentenceAt(match.start()).of(original()));
    }
}
