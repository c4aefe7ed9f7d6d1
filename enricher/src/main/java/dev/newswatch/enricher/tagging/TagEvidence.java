package dev.newswatch.enricher.tagging;

import java.util.ArrayList;
import java.util.List;

import dev.newswatch.common.events.Evidence;

/**
 * The evidence a tag carries: the first {@value #SENTENCES} sentences that name it, each quoted once, with its
 * first match. A reader checks a tag by a few sentences; quoting every mention would let an article dense with
 * one name grow its record past what the broker takes, and such an article is as valid as any other.
 */
public final class TagEvidence {

    /** Enough to show a tag is right (the title and the lead, mostly); the rest would repeat them. */
    public static final int SENTENCES = 3;

    private TagEvidence() {
    }

    /** @param matches every match of one tag, in field then offset order */
    static List<Evidence> firstSentences(List<Evidence> matches) {
        List<Evidence> kept = new ArrayList<>(SENTENCES);
        for (Evidence match : matches) {
            if (kept.size() == SENTENCES) {
                break;
            }
            if (kept.stream().noneMatch(earlier -> sameSentence(earlier, match))) {
                kept.add(match);
            }
        }
        return kept;
    }

    private static boolean sameSentence(Evidence one, Evidence other) {
        return one.field() == other.field() && one.sentence().equals(other.sentence());
    }
}
