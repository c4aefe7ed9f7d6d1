package dev.newswatch.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Bad edits of a configuration file that a running service reloads (sources, entities, topics, watches), and the
 * check that each is rejected the way a user needs: one error line naming the file, the line and the field, the
 * running configuration still in force, and the file put back as it was taken again. The edits every file kind
 * shares come from {@link #anyFile}; each kind adds its own unknown field and invalid value.
 */
public final class BadConfigEdits {

    /**
     * @param content  what the file holds after the edit; null deletes the file
     * @param reported what the error line says beside the file's name, e.g. {@code field sources[0].kind}
     */
    public record BadEdit(String name, String content, List<String> reported) {
    }

    private BadConfigEdits() {
    }

    /**
     * A syntax error (a quote left open in a new item of the file's top list), the file emptied or only comments,
     * and the file deleted, made to {@code valid}.
     */
    public static List<BadEdit> anyFile(String valid) {
        return List.of(
                new BadEdit("syntax error", valid + "  - id: \"unclosed\n", List.of(", line ", "not valid YAML")),
                new BadEdit("emptied", "", List.of(", line 1", "the file is empty")),
                new BadEdit("only comments", "# everything commented out\n", List.of("the file is empty")),
                new BadEdit("deleted", null, List.of("file not found")));
    }

    /**
     * {@code valid} with the first {@code from} replaced by {@code to}, reported at the line of {@code from} as
     * {@code field}, with {@code reported} besides.
     */
    public static BadEdit replacing(String name, String valid, String from, String to, String field,
            String... reported) {
        int at = valid.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("'" + from + "' is not in the file");
        }
        long line = valid.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        List<String> all = new ArrayList<>(List.of(", line " + line + ", field " + field + ":"));
        all.addAll(List.of(reported));
        return new BadEdit(name, valid.substring(0, at) + to + valid.substring(at + from.length()), all);
    }

    /**
     * Makes each edit to {@code file}, which holds {@code valid} and is what the service runs with, and checks that
     * {@code check} (one check of the service's reloader, true when it put an edit in force) rejects it with one
     * error line, that {@code runningConfigStays} holds, and that the file put back is taken again.
     *
     * @return the error line of each edit, in order
     */
    public static List<String> assertEachRejected(Path file, String valid, List<BadEdit> edits, BooleanSupplier check,
            Runnable runningConfigStays) {
        List<String> errors = new ArrayList<>();
        for (BadEdit edit : edits) {
            List<String> lines = errorLines(() -> {
                write(file, edit.content());
                settle(check, "the " + edit.name() + " edit was put in force");
            });
            if (lines.size() != 1) {
                throw new AssertionError(edit.name() + ": expected one error line, got " + lines);
            }
            String error = lines.get(0);
            for (String expected : edit.reported()) {
                if (!error.contains(file.toString()) || !error.contains(expected)) {
                    throw new AssertionError(edit.name() + ": the error line does not name " + file + " and '"
                            + expected + "': " + error);
                }
            }
            runningConfigStays.run();
            write(file, valid);
            check.getAsBoolean();
            if (!check.getAsBoolean()) {
                throw new AssertionError(edit.name() + ": the file put back as it was was not taken again");
            }
            errors.add(error);
        }
        return errors;
    }

    /**
     * Writes the first half of {@code full} (cut mid-line, as a copy in progress leaves it), checks, then the
     * rest, and checks until {@code check} puts the file in force: the caller then asserts that what runs is
     * {@code full}, never its first half.
     */
    public static void writeInTwoHalves(Path file, String full, BooleanSupplier check) {
        write(file, full.substring(0, full.length() / 2));
        if (check.getAsBoolean()) {
            throw new AssertionError("a half-written file was put in force at once");
        }
        write(file, full);
        if (check.getAsBoolean()) {
            throw new AssertionError("a file still changing was put in force");
        }
        if (!check.getAsBoolean()) {
            throw new AssertionError("the whole file, once it stopped changing, was not put in force");
        }
    }

    /** Checks twice: a change is taken only once it reads the same on two checks in a row. */
    private static void settle(BooleanSupplier check, String failure) {
        if (check.getAsBoolean() | check.getAsBoolean()) {
            throw new AssertionError(failure);
        }
    }

    /** The ERROR lines logged to stderr while {@code action} runs. */
    private static List<String> errorLines(Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("ERROR")).toList();
    }

    private static void write(Path file, String content) {
        try {
            if (content == null) {
                Files.deleteIfExists(file);
            } else {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
