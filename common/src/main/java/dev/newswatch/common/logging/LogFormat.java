package dev.newswatch.common.logging;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * How every Newswatch process writes its log lines to standard error: {@code text} for people, {@code json} (one
 * JSON object per line) for log collectors. Chosen by {@code NEWSWATCH_LOG_FORMAT}, as a system property or an
 * environment variable; {@code logback.xml} names the appender after it.
 */
public enum LogFormat {
    TEXT, JSON;

    public static final String VARIABLE = "NEWSWATCH_LOG_FORMAT";

    /** The format {@code lookup} (a system property first, then the environment) asks for; text when unset. */
    static LogFormat from(UnaryOperator<String> lookup) {
        String value = lookup.apply(VARIABLE);
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        return Arrays.stream(values()).filter(format -> format.appenderName().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(VARIABLE + ": '" + value + "' is not one of "
                        + Arrays.stream(values()).map(LogFormat::appenderName).toList()));
    }

    /** The format this process was started with; an unknown value throws, naming the variable and the choices. */
    public static LogFormat current() {
        return from(name -> System.getProperty(name, System.getenv(name)));
    }

    /** The name of this format's appender in {@code logback.xml}. */
    public String appenderName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Gives {@code logback.xml} the appender to use. A value it does not know is reported among logback's status
     * lines and read as text, so a typo never silences a process; the services also refuse to start on it.
     */
    public static final class Definer extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            try {
                return current().appenderName();
            } catch (IllegalArgumentException e) {
                addError(e.getMessage() + "; logging as text");
                return TEXT.appenderName();
            }
        }
    }
}
