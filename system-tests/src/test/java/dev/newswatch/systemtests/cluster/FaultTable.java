package dev.newswatch.systemtests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One row per fault case: articles in, records out per topic, duplicates, losses and time to recover, as a
 * Markdown table.
 */
public final class FaultTable {

    /**
     * One case: the articles published since the case before up to the fault's end ({@code in}), the records each
     * topic gained meanwhile, duplicates gained, articles missing once settled, and how long after the fault ended
     * every article published up to then was through (empty when it never was).
     */
    public record Row(String name, RecordLedger.Tally tally, Optional<Duration> recovery) {
    }

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized String markdown() {
        List<String> alertTopics = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).tally().alerts().keySet());
        StringBuilder table = new StringBuilder("| case | in | news.raw | news.enriched | ");
        alertTopics.forEach(topic -> table.append(topic).append(" | "));
        table.append("duplicates | losses | recovery |\n|---|---:|---:|---:|");
        alertTopics.forEach(topic -> table.append("---:|"));
        table.append("---:|---:|---:|\n");
        for (Row row : rows) {
            RecordLedger.Tally tally = row.tally();
            table.append("| ").append(row.name()).append(" | ").append(tally.in()).append(" | ").append(tally.raw())
                    .append(" | ").append(tally.enriched()).append(" | ")
                    .append(alertTopics.stream().map(topic -> tally.alerts().getOrDefault(topic, 0).toString())
                            .collect(Collectors.joining(" | ")))
                    .append(" | ").append(tally.duplicates()).append(" | ").append(tally.losses()).append(" | ")
                    .append(row.recovery().map(FaultTable::seconds).orElse("never")).append(" |\n");
        }
        return table.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Prints the table under {@code title} and writes it to {@code file}. */
    public void print(String title, Path file) {
        String text = "## " + title + "\n\n" + markdown();
        System.out.println(text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault table to " + file, e);
        }
    }
}
