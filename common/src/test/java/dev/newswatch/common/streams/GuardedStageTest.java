package dev.newswatch.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class GuardedStageTest {

    @Test
    void goodRecordsPassAndPoisonRecordsComeOutWithTheirBytesAndWhereTheyCameFrom() {
        List<FailureKind> failures = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(GuardedStage.of("parse-number", Serdes.String().deserializer(), text -> {
                    if (text.equals("boom")) {
                        throw new IllegalStateException("cannot handle boom");
                    }
                    return Integer.parseInt(text.trim()) * 2;
                }, failures::add), Named.as("parse"))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.failed(), Branched.withConsumer(failed -> failed
                        .mapValues(StageOutcome::original).to("dlq", Produced.with(Serdes.String(), Serdes.ByteArray()))))
                .defaultBranch(Branched.withConsumer(ok -> ok
                        .mapValues(StageOutcome::output).to("out", Produced.with(Serdes.String(), Serdes.Integer()))));
        Properties config = new Properties();
        config.put("application.id", "guarded-stage-test");
        config.put("bootstrap.servers", "unused:9092");

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            var in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.ByteArray().serializer());
            var out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.Integer().deserializer());
            var dlq = driver.createOutputTopic("dlq", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());

            in.pipeInput("a", bytes("21"));
            in.pipeInput("b", bytes("boom"));
            in.pipeInput("c", bytes("not a number"));
            in.pipeInput("d", bytes("4"));

            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly("a=42", "d=8");
            List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
            assertThat(dead).extracting(TestRecord::key).containsExactly("b", "c");
            assertThat(dead.get(0).value()).isEqualTo(bytes("boom"));
            assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("in");
            assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
            assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.STAGE)).isEqualTo("parse-number");
            assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("cannot handle boom");
            assertThat(DeadLetterHeaders.read(dead.get(1).headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(failures).containsExactly(FailureKind.PROCESSING_ERROR, FailureKind.PROCESSING_ERROR);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
