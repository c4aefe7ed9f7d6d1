package dev.newswatch.enricher.grouping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes for the story index's store values (and the helpers {@link EventIndexSerdes} shares). Every article costs some fifty look-ups and writes
 * in these stores; as JSON, reading and writing them took more of the stream thread than tagging did. Each value
 * starts with a format version byte, so the layout can change without misreading a stored or changelogged value.
 */
final class StoryIndexSerdes {

    static final byte VERSION = 1;

    private StoryIndexSerdes() {
    }

    /** version, story id (length-prefixed UTF-8), seenAt, slot count, slots */
    static Serde<StoryEntry> entries() {
        return Serdes.serdeFrom((topic, entry) -> {
            if (entry == null) {
                return null;
            }
            byte[] storyId = entry.storyId().getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(1 + 4 + storyId.length + 8 + 4 + 4 * entry.signature().length);
            out.put(VERSION).putInt(storyId.length).put(storyId).putLong(entry.seenAt())
                    .putInt(entry.signature().length);
            for (int slot : entry.signature()) {
                out.putInt(slot);
            }
            return out.array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer in = versioned(bytes);
            String storyId = string(in);
            long seenAt = in.getLong();
            int[] signature = new int[in.getInt()];
            for (int slot = 0; slot < signature.length; slot++) {
                signature[slot] = in.getInt();
            }
            return new StoryEntry(storyId, seenAt, signature);
        });
    }

    /** version, member count, members (length-prefixed UTF-8) */
    static Serde<BandMembers> bands() {
        return Serdes.serdeFrom((topic, members) -> {
            if (members == null) {
                return null;
            }
            ByteBuffer out = ByteBuffer.allocate(1 + bytesOf(members.articleIds()));
            out.put(VERSION);
            putStrings(out, members.articleIds());
            return out.array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return new BandMembers(strings(versioned(bytes)));
        });
    }

    /** The bytes after the version byte, which must be this version's. */
    static ByteBuffer versioned(byte[] bytes) {
        return versioned(bytes, VERSION);
    }

    /** The value after its format byte, which must be {@code format}. */
    static ByteBuffer versioned(byte[] bytes, byte format) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != format) {
            throw new IllegalStateException("index value of format " + version + ", this version reads "
                    + format);
        }
        return in;
    }

    static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** How many bytes {@link #putStrings} writes for {@code strings}. */
    static int bytesOf(List<String> strings) {
        return 4 + strings.stream().mapToInt(value -> 4 + value.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    /** count, then each string length-prefixed UTF-8 */
    static void putStrings(ByteBuffer out, List<String> strings) {
        out.putInt(strings.size());
        strings.forEach(value -> {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.putInt(bytes.length).put(bytes);
        });
    }

    static List<String> strings(ByteBuffer in) {
        int count = in.getInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(string(in));
        }
        return strings;
    }
}
