package dev.newswatch.enricher.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.ko.KoreanTokenizer;

/** Runs a reused Nori tokenizer over a string, leaving it ready for the next one. */
public final class NoriTokens {

    private NoriTokens() {
    }

    /** Calls {@code onToken} at each token of {@code text}, while the tokenizer's attributes describe it. */
    public static void scan(KoreanTokenizer tokenizer, String text, Runnable onToken) {
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                onToken.run();
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
