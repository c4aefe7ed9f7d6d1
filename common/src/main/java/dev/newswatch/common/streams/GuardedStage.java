package dev.newswatch.common.streams;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decodes a record and applies one processing step to it. A poison record, whether it cannot be decoded or
 * makes the step throw, does not stop the application: it comes out as a failed {@link StageOutcome} carrying
 * its original bytes, with dead-letter headers naming its source topic, partition, offset and the error. A step
 * that refuses a record's schema version ({@link UnknownSchemaVersionException}) fails it as
 * {@link FailureKind#UNKNOWN_SCHEMA_VERSION}.
 */
public final class GuardedStage<I, O> implements FixedKeyProcessor<String, byte[], StageOutcome<O>> {

    private static final Logger log = LoggerFactory.getLogger(GuardedStage.class);
    private static final String MDC_TOPIC = "topic";
    private static final String MDC_PARTITION = "partition";
    private static final String MDC_OFFSET = "offset";
    private static final String MDC_KEY = "key";
    private static final List<String> MDC_KEYS = List.of(MDC_TOPIC, MDC_PARTITION, MDC_OFFSET, MDC_KEY);

    private final String stage;
    private final Deserializer<I> decoder;
    private final Function<ProcessingContext, Function<I, O>> stepOfTask;
    private final Consumer<FailureKind> onFailure;
    private Function<I, O> step;
    private FixedKeyProcessorContext<String, StageOutcome<O>> context;

    private GuardedStage(String stage, Deserializer<I> decoder, Function<ProcessingContext, Function<I, O>> stepOfTask,
            Consumer<FailureKind> onFailure) {
        this.stage = stage;
        this.decoder = decoder;
        this.stepOfTask = stepOfTask;
        this.onFailure = onFailure;
    }

    /**
     * @param stage     bounded name of the step, recorded in dead-letter headers
     * @param onFailure told of every failed record, e.g. to count it
     */
    public static <I, O> FixedKeyProcessorSupplier<String, byte[], StageOutcome<O>> of(String stage,
            Deserializer<I> decoder, Function<I, O> step, Consumer<FailureKind> onFailure) {
        return withContext(stage, decoder, context -> step, onFailure);
    }

    /**
     * Like {@link #of}, for a step that needs its task's context, e.g. to read a state store.
     *
     * @param stepOfTask makes the step of one task from that task's context
     */
    public static <I, O> FixedKeyProcessorSupplier<String, byte[], StageOutcome<O>> withContext(String stage,
            Deserializer<I> decoder, Function<ProcessingContext, Function<I, O>> stepOfTask,
            Consumer<FailureKind> onFailure) {
        return () -> new GuardedStage<>(stage, decoder, stepOfTask, onFailure);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StageOutcome<O>> context) {
        this.context = context;
        this.step = stepOfTask.apply(context);
    }

    /**
     * Whatever is logged while the record is in hand carries where it came from: its topic, partition, offset and
     * key in the log line's MDC.
     */
    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        context.recordMetadata().ifPresent(source -> {
            MDC.put(MDC_TOPIC, source.topic());
            MDC.put(MDC_PARTITION, Integer.toString(source.partition()));
            MDC.put(MDC_OFFSET, Long.toString(source.offset()));
        });
        MDC.put(MDC_KEY, record.key());
        try {
            guarded(record);
        } finally {
            MDC_KEYS.forEach(MDC::remove);
        }
    }

    private void guarded(FixedKeyRecord<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
        I input;
        try {
            input = decoder.deserialize(topic, record.value());
            if (input == null) {
                throw new SerializationException("record has no value");
            }
        } catch (RuntimeException e) {
            reject(record, FailureKind.INVALID_RECORD, e);
            return;
        }
        O output;
        try {
            output = step.apply(input);
        } catch (UnknownSchemaVersionException e) {
            reject(record, FailureKind.UNKNOWN_SCHEMA_VERSION, e);
            return;
        } catch (RuntimeException e) {
            reject(record, FailureKind.PROCESSING_ERROR, e);
            return;
        }
        context.forward(record.withValue(StageOutcome.success(output)));
    }

    private void reject(FixedKeyRecord<String, byte[]> record, FailureKind failure, RuntimeException error) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        log.warn("{}: {} at {}-{} offset {} (key {}) goes to the dead-letter topic: {}", stage, failure.tag(),
                source.topic(), source.partition(), source.offset(), record.key(), error.getMessage());
        DeadLetterHeaders.describe(record.headers(), source.topic(), source.partition(), source.offset(), stage,
                failure, error);
        onFailure.accept(failure);
        context.forward(record.withValue(StageOutcome.failure(record.value())));
    }
}
