package dev.newswatch.enricher.grouping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes for the event index's store values, in the layout of {@link StoryIndexSerdes}: every new
 * article reads the entries of its candidates, so JSON would cost more than the comparison.
 */
final class EventIndexSerdes {

    /** The format of event entries: 2 added the count of prominent terms. */
    static final byte ENTRY_VERSION = 2;

    private EventIndexSerdes() {
    }

    /** version, event id (length-prefixed UTF-8), seenAt, eventTime, norm, terms, prominent terms */
    static Serde<EventEntry> entries() {
        return Serdes.serdeFrom((topic, entry) -> {
            if (entry == null) {
                return null;
            }
            byte[] eventId = entry.eventId().getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(1 + 4 + eventId.length + 8 + 8 + 8
                    + StoryIndexSerdes.bytesOf(entry.terms()) + 4);
            out.put(ENTRY_VERSION).putInt(eventId.length).put(eventId).putLong(entry.seenAt())
                    .putLong(entry.eventTime()).putDouble(entry.norm());
            StoryIndexSerdes.putStrings(out, entry.terms());
            out.putInt(entry.prominent());
            return out.array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer in = StoryIndexSerdes.versioned(bytes, ENTRY_VERSION);
            return new EventEntry(StoryIndexSerdes.string(in), in.getLong(), in.getLong(), in.getDouble(),
                    StoryIndexSerdes.strings(in), in.getInt());
        });
    }
}
