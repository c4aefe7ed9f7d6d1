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

    private final EventIndex index = new EventIndex(IndexStore.inMemory(), Duration.ofDays(7), SIMILARITY,
            new EventMetrics(new SimpleMeterRegistry()));

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

    @Test
    void reportsOfOneProductByTwoActorsAreTwoEvents() {
        List<String> story = List.of("c:nvidia-h200", "n:수출", "n:승인", "a:pct:25e0", "t:export-controls");

        String usRule = eventOf("us-rule", concat(List.of("s:g:us"), story), 1);
        String chinaGuidance = eventOf("china-guidance", concat(List.of("s:g:china"), story), 1);
        String usRuleElsewhere = eventOf("us-rule-elsewhere", concat(List.of("s:g:us"), story), 1);

        assertThat(chinaGuidance).as("same chip, other actor").isEqualTo("china-guidance");
        assertThat(usRuleElsewhere).isEqualTo(usRule);
    }

    @Test
    void earningsCallsOfTwoQuartersAreTwoEventsAndACallIsNoProductNews() {
        List<String> call = List.of("s:e:samsung", "e:hbm", "n:콘퍼런스", "n:양산", "a:12단");

        String second = eventOf("q2-call", concat(List.of("p:2q"), call), 2);
        String third = eventOf("q3-call", concat(List.of("p:3q"), call), 2);
        String sampleNews = eventOf("sample-news", call, 1);
        String secondElsewhere = eventOf("q2-call-elsewhere", concat(List.of("p:2q"), call), 2);

        assertThat(third).isEqualTo("q3-call");
        assertThat(sampleNews).as("reports no quarter's results").isEqualTo("sample-news");
        assertThat(secondElsewhere).isEqualTo(second);
    }

    @Test
    void oneDevelopmentToldAtTwoYearsOfAnOccasionIsTwoEvents() {
        List<String> plan = List.of("n:텔레콤", "n:하이퍼", "n:스케일", "n:메가와트", "m:100mw", "t:data-center");

        String lastYear = eventOf("summit-2024", concat(List.of("o:2024"), plan), 1);
        String thisYear = eventOf("show-2025", concat(List.of("o:2025"), plan), 1);
        String sameShow = eventOf("show-2025-elsewhere", concat(List.of("o:2025"), plan), 1);

        assertThat(thisYear).isEqualTo("show-2025");
        assertThat(sameShow).isEqualTo(thisYear);
        assertThat(lastYear).isEqualTo("summit-2024");
    }

    @Test
    void aSharedActorAndProminentProductLowerTheSimilarityNeeded() {
        EventIndex strict = new EventIndex(IndexStore.inMemory(), Duration.ofDays(7), 0.3,
                new EventMetrics(new SimpleMeterRegistry()));
        List<String> first = List.of("s:e:alibaba", "m:qwen3", "t:ai-model-release", "n:오픈", "n:소스", "n:벤치마크",
                "n:코딩", "n:수학", "n:에이전트", "n:다국어", "n:추론");
        List<String> second = List.of("s:e:alibaba", "m:qwen3", "t:ai-model-release", "n:오픈", "n:라이브",
                "n:순위", "n:홍콩", "n:신문", "n:평가", "n:분석", "n:언어");

        strict.eventOf("launch", "launch", new EventTerms(first, 2), NOW, NOW);
        String ranked = strict.eventOf("ranking", "ranking", new EventTerms(second, 2), NOW, NOW);
        String unnamed = strict.eventOf("other", "other", new EventTerms(concat(List.of("s:e:alibaba",
                "t:ai-model-release", "n:오픈"), second.subList(4, second.size())), 1), NOW, NOW);

        assertThat(ranked).as("same actor, same model in the lead").isEqualTo("launch");
        assertThat(unnamed).as("same words without the model").isEqualTo("other");
    }

    private String eventOf(String id, List<String> terms) {
        return index.eventOf(id, id, new EventTerms(terms), NOW, NOW);
    }

    private String eventOf(String id, List<String> terms, int prominent) {
        return index.eventOf(id, id, new EventTerms(terms, prominent), NOW, NOW);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
