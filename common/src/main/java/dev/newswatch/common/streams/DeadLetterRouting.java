package dev.newswatch.common.streams;

import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ProcessingContext;

import dev.newswatch.common.Topic;

/**
 * Puts a {@link GuardedStage} on a topic's undecoded records and routes what it fails, untouched, to a dead-letter
 * topic, so that a topology reads on with what the stage made of the rest.
 */
public final class DeadLetterRouting {

    private static final String FAILED = "failed";
    private static final String PROCESSED = "ok";

    private DeadLetterRouting() {
    }

    /**
     * Every operator is named after {@code stage}: the stage itself, {@code <stage>-outcome-failed} and
     * {@code <stage>-outcome-ok} (the split), {@code <stage>-original-bytes} and {@code write-dead-letters} (the
     * failures), {@code <stage>-output} (what the step made).
     *
     * @param records   records of {@code from}, their values still bytes
     * @param stage     bounded name of the step, also recorded in the dead-letter headers
     * @param onFailure told of every failed record, e.g. to count it
     * @return what the step made of every record it did not fail
     */
    public static <I, O> KStream<String, O> guard(KStream<String, byte[]> records, Topic<String, I> from, String stage,
            Function<I, O> step, Consumer<FailureKind> onFailure, Topic<String, byte[]> deadLetters) {
        return guardWithContext(records, from, stage, context -> step, onFailure, deadLetters);
    }

    /**
     * Like {@link #guard}, for a step that needs its task's context, e.g. to read a state store.
     *
     * @param stepOfTask makes the step of one task from that task's context
     */
    public static <I, O> KStream<String, O> guardWithContext(KStream<String, byte[]> records, Topic<String, I> from,
            String stage, Function<ProcessingContext, Function<I, O>> stepOfTask, Consumer<FailureKind> onFailure,
            Topic<String, byte[]> deadLetters) {
        String outcome = stage + "-outcome-";
        var outcomes = records
                .processValues(GuardedStage.withContext(stage, from.valueSerde().deserializer(), stepOfTask, onFailure),
                        Named.as(stage))
                .split(Named.as(outcome))
                .branch((key, result) -> result.failed(), Branched.as(FAILED))
                .defaultBranch(Branched.as(PROCESSED));
        TopicStreams.write(outcomes.get(outcome + FAILED)
                .mapValues(StageOutcome::original, Named.as(stage + "-original-bytes")),
                deadLetters, "write-dead-letters");
        return outcomes.get(outcome + PROCESSED).mapValues(StageOutcome::output, Named.as(stage + "-output"));
    }
}
