package dev.newswatch.standalone;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import picocli.CommandLine;

/** Runs {@code newswatch} with a settings file and keeps what each run printed, errors included. */
final class WatchesCommandLine {

    private final Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WatchesCommandLine(Path config) {
        this.config = config;
    }

    /** Runs the command line with {@code --config} appended; forgets what earlier runs printed. */
    int run(String... args) {
        out.reset();
        CommandLine command = NewswatchCommand.commandLine();
        command.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        command.setErr(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        return command.execute(Stream.concat(Stream.of(args), Stream.of("--config", config.toString()))
                .toArray(String[]::new));
    }

    List<String> output() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
