package dev.newswatch.common.streams;

/**
 * What a {@link GuardedStage} made of one record: its output, or, when it failed, the original bytes bound for
 * the dead-letter topic.
 */
public record StageOutcome<T>(T output, byte[] original, boolean failed) {

    static <T> StageOutcome<T> success(T output) {
        return new StageOutcome<>(output, null, false);
    }

    static <T> StageOutcome<T> failure(byte[] original) {
        return new StageOutcome<>(null, original, true);
    }
}
