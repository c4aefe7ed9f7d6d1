package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class EventIndexSerdesTest {

    @Test
    void readsBackWhatItWroteForEntriesAndPostings() {
        EventEntry entry = new EventEntry("wire-h20-licence", 1_786_000_000_000L, 1_785_999_000_000L, 12.5,
                List.of("s:g:us", "c:nvidia-h20", "a:pct:15e0", "n:라이선스", "m:mi308"), 2);
        Serde<EventEntry> entries = EventIndexSerdes.entries();

        assertThat(entries.deserializer().deserialize("t", entries.serializer().serialize("t", entry)))
                .isEqualTo(entry);

        Serde<TermPostings> postings = EventIndexSerdes.postings();
        TermPostings found = new TermPostings(40, List.of("기사-1", "wire-h20-licence"));
        assertThat(postings.deserializer().deserialize("t", postings.serializer().serialize("t", found)))
                .isEqualTo(found);
        assertThat(postings.serializer().serialize("t", null)).isNull();
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
        byte[] future = EventIndexSerdes.postings().serializer().serialize("t", new TermPostings(1, List.of("a")));
        future[0] = 7;

        assertThatThrownBy(() -> EventIndexSerdes.postings().deserializer().deserialize("t", future))
                .hasMessageContaining("format 7");
    }
}
