package dev.newswatch.common.streams;

/**
 * A record whose {@code schemaVersion} this code cannot read: written by a newer producer, or a version below 1.
 * Read as the version this code knows, its changed fields would be misread without a word, so a
 * {@link GuardedStage} sends it to the dead-letter topic as {@link FailureKind#UNKNOWN_SCHEMA_VERSION}, to be
 * replayed once the service is upgraded.
 */
public final class UnknownSchemaVersionException extends RuntimeException {

    private UnknownSchemaVersionException(String message) {
        super(message);
    }

    /**
     * @param recordType  what the record is, e.g. {@code RawArticle}
     * @param newestKnown the newest version this code reads; every version from 1 up to it is read
     * @throws UnknownSchemaVersionException when {@code version} is not between 1 and {@code newestKnown}
     */
    public static void requireKnown(String recordType, int version, int newestKnown) {
        if (version > newestKnown) {
            throw new UnknownSchemaVersionException(recordType + " schemaVersion " + version
                    + " is newer than this service reads (" + newestKnown
                    + "): upgrade it, then replay the record from the dead-letter topic");
        }
        if (version < 1) {
            throw new UnknownSchemaVersionException(recordType + " schemaVersion " + version
                    + " is no version: versions start at 1");
        }
    }
}
