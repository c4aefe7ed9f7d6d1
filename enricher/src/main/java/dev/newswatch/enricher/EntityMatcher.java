package dev.newswatch.enricher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the dictionary's entities in a text by their aliases. A Latin or digit alias matches only as a whole
 * token (H20 never inside H200); a Hangul alias only at the start of a word and followed by nothing but
 * particles and common suffixes (화웨이는, 엔비디아의; not 메타 in 메타버스).
 */
public final class EntityMatcher {

    private final PhraseIndex<EntityDefinition> aliases;

    public EntityMatcher(EntityDictionary dictionary, TextNormalizer normalizer) {
        Map<String, EntityDefinition> byAlias = new LinkedHashMap<>();
        for (EntityDefinition entity : dictionary.entities()) {
            entity.aliases().forEach(alias -> byAlias.putIfAbsent(alias, entity));
        }
        this.aliases = new PhraseIndex<>(byAlias, normalizer, PhraseIndex.HangulEdges.WORD);
    }

    /** Every mention, in text order, in the original text's offsets. */
    public List<PhraseMatch<EntityDefinition>> find(NormalizedText text) {
        return aliases.find(text);
    }
}
