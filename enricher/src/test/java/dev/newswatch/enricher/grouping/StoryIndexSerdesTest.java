package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StoryIndexSerdesTest {

    @Test
    void readsBackWhatItWroteForEntriesAndBands() {
        int[] signature = new StorySignature().of(StoryFixtures.WIRE.title(), StoryFixtures.WIRE.text());
        StoryEntry entry = new StoryEntry("yna-950pr", 1_763_791_200_000L, signature);
        Serde<StoryEntry> entries = StoryIndexSerdes.entries();

        StoryEntry read = entries.deserializer().deserialize("t", entries.serializer().serialize("t", entry));

        assertThat(read.storyId()).isEqualTo("yna-950pr");
        assertThat(read.seenAt()).isEqualTo(1_763_791_200_000L);
        assertThat(read.signature()).isEqualTo(signature);

        Serde<BandMembers> bands = StoryIndexSerdes.bands();
        BandMembers members = new BandMembers(List.of("yna-950pr", "기사-2", ""));
        assertThat(bands.deserializer().deserialize("t", bands.serializer().serialize("t", members)))
                .isEqualTo(members);
        assertThat(bands.serializer().serialize("t", null)).isNull();
    }

    @Test
    void refusesAValueOfAnotherFormat() {
        byte[] future = StoryIndexSerdes.bands().serializer().serialize("t", new BandMembers(List.of("a")));
        future[0] = 9;

        assertThatThrownBy(() -> StoryIndexSerdes.bands().deserializer().deserialize("t", future))
                .hasMessageContaining("format 9");
    }
}
