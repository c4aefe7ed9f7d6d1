package dev.newswatch.enricher.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.newswatch.enricher.text.KoreanWords;
import dev.newswatch.enricher.text.NormalizedText;
import dev.newswatch.enricher.text.PhraseIndex;
import dev.newswatch.enricher.text.PhraseMatch;
import dev.newswatch.enricher.text.TextNormalizer;
import dev.newswatch.enricher.text.TextSpan;

/**
 * Finds the dictionary's entities in a text by their aliases. A Latin or digit alias matches only as a whole
 * token (H20 never inside H200); a Hangul alias only at the start of a word and followed by nothing but
 * particles and suffixes (화웨이는, 엔비디아의; not 메타 in 메타버스), with Nori deciding the unusual endings. An
 * ambiguous alias counts only in the context its definition asks for (a bare 960 only near 화웨이 or 어센드).
 */
final class EntityMatcher {

    /** How far past an alias {@code notFollowedBy} looks, in original chars. */
    private static final int FOLLOWER_LOOKAHEAD = 16;

    private final TextNormalizer normalizer;
    private final PhraseIndex<Alias> aliases;
    private final PhraseIndex<String> contextTerms;

    public EntityMatcher(EntityDictionary dictionary, TextNormalizer normalizer) {
        this.normalizer = normalizer;
        Map<String, Alias> byAlias = new LinkedHashMap<>();
        Map<String, String> terms = new LinkedHashMap<>();
        for (EntityDefinition entity : dictionary.entities()) {
            for (AliasDefinition alias : entity.aliases()) {
                Alias compiled = new Alias(entity, normalized(alias.near(), normalizer),
                        normalized(alias.notNear(), normalizer), normalized(alias.notFollowedBy(), normalizer),
                        alias.window());
                byAlias.putIfAbsent(alias.text(), compiled);
                compiled.near().forEach(term -> terms.put(term, term));
                compiled.notNear().forEach(term -> terms.put(term, term));
            }
        }
        this.aliases = new PhraseIndex<>(byAlias, normalizer, new KoreanWords(byAlias.keySet()));
        this.contextTerms = new PhraseIndex<>(terms, normalizer);
    }

    /** Every mention, in text order, in the original text's offsets. */
    public List<PhraseMatch<EntityDefinition>> find(NormalizedText text) {
        List<PhraseMatch<EntityDefinition>> mentions = new ArrayList<>();
        for (PhraseMatch<Alias> match : aliases.find(text)) {
            Alias alias = match.payload();
            if (alias.needsContext() && !inContext(alias, match.span(), text.original())) {
                continue;
            }
            mentions.add(new PhraseMatch<>(alias.entity(), match.span()));
        }
        return mentions;
    }

    /** Reads only the alias's window of the text, so an ambiguous alias costs in proportion to its window. */
    private boolean inContext(Alias alias, TextSpan span, String original) {
        int from = Math.max(0, span.start() - alias.window());
        int to = Math.min(original.length(), span.end() + alias.window());
        return alias.fits(contextTerms.findAll(normalizer.normalize(original.substring(from, to))))
                && !followedByExcluded(alias, span, original);
    }

    private boolean followedByExcluded(Alias alias, TextSpan span, String original) {
        if (alias.notFollowedBy().isEmpty()) {
            return false;
        }
        String next = normalizer.normalize(original.substring(span.end(),
                Math.min(original.length(), span.end() + FOLLOWER_LOOKAHEAD))).text().stripLeading();
        return alias.notFollowedBy().stream().anyMatch(next::startsWith);
    }

    private static Set<String> normalized(List<String> terms, TextNormalizer normalizer) {
        return terms.stream().map(term -> normalizer.normalize(term).text().strip())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An alias as the matcher uses it: the entity it names and its context, normalised. */
    private record Alias(EntityDefinition entity, Set<String> near, Set<String> notNear, Set<String> notFollowedBy,
            int window) {

        boolean needsContext() {
            return !near.isEmpty() || !notNear.isEmpty() || !notFollowedBy.isEmpty();
        }

        /** Whether the terms found in the alias's window allow it. */
        boolean fits(List<PhraseMatch<String>> context) {
            boolean nearFound = near.isEmpty();
            for (PhraseMatch<String> term : context) {
                if (notNear.contains(term.payload())) {
                    return false;
                }
                nearFound |= near.contains(term.payload());
            }
            return nearFound;
        }
    }
}
