package dev.newswatch.ingester;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;

/**
 * What news.raw holds for the articles a source listed, counted as a downstream service sees it: its
 * committed records, read with {@link CompactedTopicReader} from the start of each partition to its last stable offset. A record is keyed by article id, so records beyond the
 * distinct ids are duplicates, and listed articles never seen are losses.
 *
 * @param listed       the items the source listed: each article's URL by its id
 * @param recordsPerId committed records of news.raw per key
 */
record PublishedTally(Map<String, String> listed, Map<String, Integer> recordsPerId) {

    /** A broker that does not answer fails the read within this, rather than the client's minute. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    PublishedTally {
        listed = Map.copyOf(listed);
        recordsPerId = Map.copyOf(recordsPerId);
    }

    /** Reads news.raw on {@code bootstrapServers} now; empty while the topic does not exist yet. */
    static PublishedTally read(String bootstrapServers, Map<String, String> listed) {
        Map<String, Integer> recordsPerId = new HashMap<>();
        CompactedTopicReader.readAll(KafkaSettings.forBootstrapServers(bootstrapServers), "it-published-tally",
                Topics.RAW_ARTICLES, READ_TIMEOUT, record -> recordsPerId.merge(record.key(), 1, Integer::sum));
        return new PublishedTally(listed, recordsPerId);
    }

    /** Distinct article ids in news.raw. */
    int published() {
        return recordsPerId.size();
    }

    /** Listed articles with a record in news.raw. */
    int listedPublished() {
        return (int) listed.keySet().stream().filter(recordsPerId::containsKey).count();
    }

    int records() {
        return recordsPerId.values().stream().mapToInt(Integer::intValue).sum();
    }

    int duplicates() {
        return records() - published();
    }

    /** The URLs of listed articles with no record in news.raw. */
    Set<String> lost() {
        Set<String> lost = new TreeSet<>();
        listed.forEach((id, url) -> {
            if (!recordsPerId.containsKey(id)) {
                lost.add(url);
            }
        });
        return lost;
    }

    int losses() {
        return lost().size();
    }

    boolean hasEveryListedArticle() {
        return recordsPerId.keySet().containsAll(listed.keySet());
    }

    /** The one line a test prints: records in (items listed), published, duplicates, losses. */
    String line(String scenario) {
        return "NothingLost [" + scenario + "]: records in (items listed) " + listed.size() + ", published "
                + listedPublished() + ", duplicates " + duplicates() + ", losses " + losses();
    }
}
