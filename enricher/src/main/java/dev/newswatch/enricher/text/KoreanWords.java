package dev.newswatch.enricher.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Asks Lucene's Korean morphological analyser (Nori) whether a Hangul name ends where a written word goes on
 * (화웨이랑은, 엔비디아더러), for the endings {@link KoreanSuffixes} does not list. The names themselves are Nori's
 * user dictionary, so it cuts them as whole words instead of mangling them (엔/비디아) and sees a longer name
 * (메타엑스) as one word rather than a shorter one (메타) plus something.
 *
 * <p>Called only for the rare word that the suffix list cannot decide, since Nori is about ten times slower
 * than the alias lookup; a tokenizer is reused per thread.
 */
public final class KoreanWords {

    /** What may follow a name inside its word: particles, endings, the copula, suffixes and bound nouns. */
    private static final Set<POS.Tag> GRAMMATICAL = Set.of(POS.Tag.J, POS.Tag.E, POS.Tag.VCP, POS.Tag.VCN,
            POS.Tag.XSN, POS.Tag.XSV, POS.Tag.XSA, POS.Tag.NNB, POS.Tag.NNBC);

    private final ThreadLocal<KoreanTokenizer> tokenizers;

    public KoreanWords(Collection<String> hangulNames) {
        UserDictionary dictionary = userDictionary(hangulNames);
        this.tokenizers = ThreadLocal.withInitial(() -> new KoreanTokenizer(
                TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary, KoreanTokenizer.DecompoundMode.DISCARD,
                false));
    }

    /**
     * Whether, in the written word {@code word}, a name of {@code nameLength} chars at its start stands as a word
     * of its own followed only by grammatical morphemes.
     */
    boolean nameEndsWord(String word, int nameLength) {
        KoreanTokenizer tokenizer = tokenizers.get();
        OffsetAttribute offsets = tokenizer.getAttribute(OffsetAttribute.class);
        PartOfSpeechAttribute pos = tokenizer.getAttribute(PartOfSpeechAttribute.class);
        boolean[] cutAtName = {false};
        boolean[] onlyGrammarAfter = {true};
        NoriTokens.scan(tokenizer, word, () -> {
            if (offsets.endOffset() == nameLength && offsets.startOffset() == 0) {
                cutAtName[0] = true;
            } else if (offsets.startOffset() >= nameLength) {
                onlyGrammarAfter[0] &= GRAMMATICAL.contains(pos.getLeftPOS());
            } else if (offsets.endOffset() > nameLength) {
                onlyGrammarAfter[0] = false;
            }
        });
        return cutAtName[0] && onlyGrammarAfter[0];
    }

    private static UserDictionary userDictionary(Collection<String> names) {
        Set<String> entries = new TreeSet<>();
        for (String name : names) {
            String word = name.replace(" ", "");
            if (!word.isEmpty() && word.chars().allMatch(PhraseIndex::isHangul)) {
                entries.add(word);
            }
        }
        try {
            return UserDictionary.open(new StringReader(String.join("\n", entries)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }
}
