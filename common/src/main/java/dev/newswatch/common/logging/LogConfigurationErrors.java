package dev.newswatch.common.logging;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Writes logback's own errors (an unknown NEWSWATCH_LOG_FORMAT, a broken configuration file) to standard error, one
 * line each, and nothing else. Without a listener logback prints all its start-up notes on standard output as soon
 * as one of them is a warning, such as the note that a test class path holds logback.xml more than once, and
 * standard output belongs to what the commands print.
 */
public final class LogConfigurationErrors extends ContextAwareBase implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.ERROR) {
            Throwable cause = status.getThrowable();
            System.err.println("Logging configuration error: " + status.getMessage()
                    + (cause == null ? "" : " (" + cause + ")"));
        }
    }
}
