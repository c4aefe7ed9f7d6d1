package dev.newswatch.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table as Markdown, its columns padded so that it also reads as plain text in a terminal. */
final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.of(headers);
    }

    MarkdownTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size()
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(cell -> cell.replace("|", "\\|")).toList());
        return this;
    }

    /** Lines ending in a line feed; the first column is aligned left, the others, figures, right. */
    String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = Math.max(3, headers.get(column).length());
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            out.append(column == 0 ? ":" + "-".repeat(widths[column] + 1) : "-".repeat(widths[column] + 1) + ":")
                    .append('|');
        }
        out.append('\n');
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            out.append(' ').append(column == 0 ? cell + padding : padding + cell).append(" |");
        }
        out.append('\n');
    }
}
