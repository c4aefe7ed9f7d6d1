package dev.newswatch.enricher.text;

/**
 * A phrase found in a text.
 *
 * @param payload what the phrase stands for (an entity, a topic cue)
 * @param span    where, in the original text's offsets
 */
public record PhraseMatch<T>(T payload, TextSpan span) {
}
