package dev.newswatch.common.config;

import java.nio.file.Path;

/** A configuration file that cannot be used, with the file, line and field at fault. */
public final class ConfigException extends RuntimeException {

    private final transient Path file;
    private final int line;
    private final String field;

    public ConfigException(Path file, int line, String field, String problem, Throwable cause) {
        super(describe(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String describe(Path file, int line, String field, String problem) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            where.append(", field ").append(field);
        }
        return where + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** Dotted path of the field, e.g. {@code watches[1].topics}; empty when the whole file is at fault. */
    public String field() {
        return field;
    }
}
