package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EventIndexTest {

    private static final long NOW = 1_786_000_000_000L;
    /** Low enough that every pair below is similar enough: what decides is whether they share a detail. */
    private static final double SIMILARITY = 0.05;

    private final EventIndex index = new EventIndex(IndexStore.inMemory(), IndexStore.inMemory(),
            IndexStore.inMemory(), Duration.ofDays(7), SIMILARITY, new EventMetrics(new SimpleMeterRegistry()));

    @Test
    void reportsSharingOnlyCompaniesTopicsAndCommonWordsAreTwoEventsAndARareAmountJoinsThem() {
        // Words of the beat that several live articles carry, so they are no detail of one development.
        List<String> beat = List.of("n:양산", "n:고객사", "n:공급");
        for (String other : List.of("n:파운드리", "n:웨이퍼", "n:패키징")) {
            eventOf("background-" + other, concat(beat, List.of(other)));
        }
        List<String> companies = List.of("e:samsung", "e:nvidia", "t:chip-launch");

        String first = eventOf("q2-call", concat(companies, beat, List.of("a:usd:40e8", "n:분기")));
        String otherDevelopment = eventOf("qualification", concat(companies, beat, List.of("n:품질")));
        String sameDevelopment = eventOf("q2-call-elsewhere", concat(companies, beat, List.of("a:usd:40e8")));

        assertThat(first).isEqualTo("q2-call");
        assertThat(otherDevelopment).as("shares only companies, topic and common words").isEqualTo("qualification");
        assertThat(sameDevelopment).as("shares the amount, which no other live article carries").isEqualTo("q2-call");
    }

    private String eventOf(String id, List<String> terms) {
        return index.eventOf(id, id, new EventTerms(terms), NOW, NOW);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
