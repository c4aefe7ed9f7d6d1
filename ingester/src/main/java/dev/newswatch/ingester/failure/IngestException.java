package dev.newswatch.ingester.failure;

/** A stage could not handle one feed or page; the message says why, in words fit for a log line. */
public final class IngestException extends Exception {

    private final ErrorKind kind;

    public IngestException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public IngestException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
