package dev.newswatch.common.streams;

import dev.newswatch.common.metrics.MetricTags;

/** Why a record went to a dead-letter topic; also the bounded {@code reason} tag of the dead-letter counter. */
public enum FailureKind {
    /** The bytes are not a valid record of the expected type. */
    INVALID_RECORD,
    /** The record is of a schema version this code does not read, such as one written by a newer producer. */
    UNKNOWN_SCHEMA_VERSION,
    /** The record was valid but processing it failed. */
    PROCESSING_ERROR;

    public String tag() {
        return MetricTags.of(this);
    }
}
