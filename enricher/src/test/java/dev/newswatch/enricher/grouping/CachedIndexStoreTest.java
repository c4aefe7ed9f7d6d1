package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The store under the cache is changed behind its back here, to tell a value read from memory from one read again. */
class CachedIndexStoreTest {

    private final IndexStore<String> store = IndexStore.inMemory();
    private final IndexStore<String> cached = IndexStore.cached(store, 2);

    @Test
    void readsAKeyFromTheStoreOnceAndAnswersAgainFromMemory() {
        store.put("a", "story-1");
        assertThat(cached.get("a")).isEqualTo("story-1");
        assertThat(cached.get("missing")).isNull();

        store.put("a", "changed behind its back");
        store.put("missing", "changed behind its back");

        assertThat(cached.get("a")).isEqualTo("story-1");
        assertThat(cached.get("missing")).isNull();
    }

    @Test
    void writesAndDeletesGoThroughToTheStoreAndAreSeenAtOnce() {
        cached.put("a", "story-1");
        assertThat(store.get("a")).isEqualTo("story-1");
        assertThat(cached.get("a")).isEqualTo("story-1");

        cached.put("a", "story-2");
        assertThat(store.get("a")).isEqualTo("story-2");
        assertThat(cached.get("a")).isEqualTo("story-2");

        cached.delete("a");
        assertThat(store.get("a")).isNull();
        assertThat(cached.get("a")).isNull();
        assertThat(cached.all()).isEmpty();
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeyBeyondItsCapacityAndReadsItFromTheStoreAgain() {
        cached.put("a", "story-a");
        cached.put("b", "story-b");
        cached.get("a");
        cached.put("c", "story-c");

        store.put("a", "changed behind its back");
        store.put("b", "changed behind its back");

        assertThat(cached.get("a")).isEqualTo("story-a");
        assertThat(cached.get("b")).isEqualTo("changed behind its back");
    }
}
