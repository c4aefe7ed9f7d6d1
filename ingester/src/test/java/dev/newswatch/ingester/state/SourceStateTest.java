package dev.newswatch.ingester.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newswatch.common.Topics;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.ingester.fetch.Validators;
import dev.newswatch.ingester.source.Source;

class SourceStateTest {

    private final JsonSerde<SourceState> serde = JsonSerde.of(SourceState.class);

    @Test
    void survivesTheTripThroughTheStateTopic() {
        SourceState state = new SourceState(new Validators("\"v7\"", "Fri, 20 Nov 2026 00:30:00 GMT"),
                Duration.ofSeconds(90), Instant.parse("2026-11-20T00:31:30Z"), Instant.parse("2026-11-20T00:30:00Z"),
                List.of(new PendingLink("0123456789abcdef", "https://www.etnews.com/20261120000123", "기사 제목",
                        Instant.parse("2026-11-20T00:20:00Z"), null, 2, Instant.parse("2026-11-20T00:32:00Z"),
                        Instant.parse("2026-11-20T00:10:00Z"))),
                List.of("fedcba9876543210"));

        byte[] bytes = serde.serialize(Topics.INGESTER_SOURCES, state);

        assertThat(serde.deserialize(Topics.INGESTER_SOURCES, bytes)).isEqualTo(state);
    }

    @Test
    void aStateSavedBeforePendingLinksExistedLoadsWithNoneWaiting() {
        byte[] bytes = ("{\"validators\":{\"etag\":\"\\\"v7\\\"\",\"lastModified\":null,\"empty\":false},"
                + "\"pollInterval\":90.000000000,"
                + "\"nextPollAt\":\"2026-11-20T00:31:30Z\",\"lastSuccessAt\":\"2026-11-20T00:30:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);

        SourceState state = serde.deserialize(Topics.INGESTER_SOURCES, bytes);

        assertThat(state.validators()).isEqualTo(new Validators("\"v7\"", null));
        assertThat(state.pending()).isEmpty();
        assertThat(state.givenUp()).isEmpty();
        assertThat(PendingLinks.from(state).size()).isZero();
    }

    @Test
    void aStateWithoutValidatorsReadsAsNone() {
        byte[] bytes = "{\"pollInterval\":60,\"nextPollAt\":\"2026-11-20T00:31:30Z\"}".getBytes(StandardCharsets.UTF_8);

        SourceState state = serde.deserialize(Topics.INGESTER_SOURCES, bytes);

        assertThat(state.validators()).isEqualTo(Validators.NONE);
        assertThat(state.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(state.lastSuccessAt()).isNull();
    }

    @Test
    void aRestartedSourceWaitsUntilItsStateSaysItIsDueAndNoLongerThanItsLongestInterval() {
        SourceStates states = new SourceStates();
        Instant now = Instant.parse("2026-11-20T00:30:00Z");
        Source source = Source.feed("etnews-today", "전자신문", java.net.URI.create("https://rss.etnews.com/Section901.xml"));
        assertThat(states.untilDue(source, now)).as("no state: at once").isZero();

        states.remember("etnews-today", new SourceState(null, Duration.ofMinutes(2), now.plusSeconds(90), null, null, null));
        assertThat(states.untilDue(source, now)).isEqualTo(Duration.ofSeconds(90));

        states.remember("etnews-today", new SourceState(null, Duration.ofHours(1), now.plus(Duration.ofHours(1)), null, null, null));
        assertThat(states.untilDue(source, now)).isEqualTo(source.maxPollInterval());

        states.remember("etnews-today", new SourceState(null, Duration.ofMinutes(2), now.minusSeconds(5), null, null, null));
        assertThat(states.untilDue(source, now)).as("overdue: at once").isZero();
    }
}
