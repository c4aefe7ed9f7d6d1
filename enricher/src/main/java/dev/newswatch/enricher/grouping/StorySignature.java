package dev.newswatch.enricher.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash of an article's {@link StoryText} over character shingles, so that the share of equal slots of two
 * signatures estimates the Jaccard similarity of their shingle sets. Copies of one wire report keep most of
 * their shingles however an outlet re-spaces, re-orders or lightly re-words them; two different stories about
 * the same companies share little beyond the company names.
 *
 * <p>The slots are cut into {@link #BANDS} bands of {@link #ROWS} (locality-sensitive hashing): two articles
 * that agree on all slots of at least one band are candidates. That finds pairs above a Jaccard of about 0.4
 * with high probability (0.95 at 0.42, 0.66 at 0.3, 0.04 at 0.1) without comparing an article with every other
 * one. The hash functions come from a fixed seed: stored signatures must stay comparable across restarts and
 * versions.
 */
public final class StorySignature {

    public static final int SLOTS = 120;
    public static final int ROWS = 3;
    public static final int BANDS = SLOTS / ROWS;
    /**
     * Shingle length in characters. A Hangul syllable carries about as much as a short Latin word part, so three
     * keep rewrites of one report well above different reports on the same companies (0.5-0.7 against below 0.2
     * on the test stories); longer shingles punish every re-worded particle.
     */
    static final int SHINGLE = 3;
    /** Below this many letters (a headline and a caption) there is too little text to call two articles one story. */
    static final int MIN_LETTERS = 60;

    private static final long SEED = 0x6e657773_77617463L;
    private static final int[] MULTIPLIERS = new int[SLOTS];
    private static final int[] ADDENDS = new int[SLOTS];

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int slot = 0; slot < SLOTS; slot++) {
            MULTIPLIERS[slot] = random.nextInt() | 1;
            ADDENDS[slot] = random.nextInt();
        }
    }

    private final StoryText storyText = new StoryText();

    /** The signature of an article, or {@code null} when it has too little text to be grouped with others. */
    public int[] of(String title, String text) {
        String letters = storyText.of(title, text);
        if (letters.length() < MIN_LETTERS) {
            return null;
        }
        int[] signature = new int[SLOTS];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (int shingle : shingles(letters)) {
            // One multiply-add per slot: with an odd multiplier a permutation of the (already mixed) 32-bit
            // shingle hashes. Plain int arithmetic over arrays, which the JIT turns into vector instructions.
            for (int slot = 0; slot < SLOTS; slot++) {
                signature[slot] = Math.min(signature[slot], MULTIPLIERS[slot] * shingle + ADDENDS[slot]);
            }
        }
        return signature;
    }

    /** The estimated Jaccard similarity of the two articles' shingle sets, between 0 and 1. */
    public static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (a[slot] == b[slot]) {
                equal++;
            }
        }
        return equal / (double) SLOTS;
    }

    /** One key per band, naming the band and its slot values: equal keys make two articles candidates. */
    public static List<String> bandKeys(int[] signature) {
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long hash = band;
            for (int row = 0; row < ROWS; row++) {
                hash = mix(hash * 31 + signature[band * ROWS + row]);
            }
            keys.add(band + ":" + Long.toHexString(hash));
        }
        return keys;
    }

    /**
     * The hashed shingles of {@code letters}, repeats included: the minimum over a multiset is the minimum over
     * its set, so removing them would only cost a sort.
     */
    private static int[] shingles(String letters) {
        int[] hashes = new int[letters.length() - SHINGLE + 1];
        for (int start = 0; start < hashes.length; start++) {
            long hash = 0;
            for (int i = start; i < start + SHINGLE; i++) {
                hash = hash * 65_599 + letters.charAt(i);
            }
            hashes[start] = (int) (mix(hash) >>> 32);
        }
        return hashes;
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole value. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe5349a63L;
        h ^= h >>> 33;
        return h;
    }
}
