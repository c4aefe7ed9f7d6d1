package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class EventIndexSerdesTest {

    @Test
    void readsBackWhatItWrote() {
        EventEntry entry = new EventEntry("wire-h20-licence", 1_786_000_000_000L, 1_785_999_000_000L, 12.5,
                List.of("s:g:us", "c:nvidia-h20", "a:pct:15e0", "n:라이선스", "m:mi308"), 2);
        Serde<EventEntry> entries = EventIndexSerdes.entries();

        assertThat(entries.deserializer().deserialize("t", entries.serializer().serialize("t", entry)))
                .isEqualTo(entry);
        assertThat(entries.serializer().serialize("t", null)).isNull();
    }

    @Test
    void refusesAnEntryOfTheFormatBeforeProminentTerms() {
        byte[] older = EventIndexSerdes.entries().serializer().serialize("t",
                new EventEntry("a", 1L, 1L, 1.0, List.of("n:칩"), 0));
        older[0] = StoryIndexSerdes.VERSION;

        assertThatThrownBy(() -> EventIndexSerdes.entries().deserializer().deserialize("t", older))
                .hasMessageContaining("format " + StoryIndexSerdes.VERSION);
    }

    @Test
    void refusesAValueOfAnotherFormat() {
        byte[] future = EventIndexSerdes.entries().serializer().serialize("t",
                new EventEntry("a", 1L, 1L, 1.0, List.of("n:칩"), 0));
        future[0] = 7;

        assertThatThrownBy(() -> EventIndexSerdes.entries().deserializer().deserialize("t", future))
                .hasMessageContaining("format 7");
    }
}
