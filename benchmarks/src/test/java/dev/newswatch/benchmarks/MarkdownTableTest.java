package dev.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void padsColumnsAndAlignsFiguresRight() {
        String table = new MarkdownTable("topic", "bytes")
                .row("news.raw", "4,260")
                .row("a|b", "12")
                .render();

        assertThat(table).isEqualTo("""
                | topic    | bytes |
                |:---------|------:|
                | news.raw | 4,260 |
                | a\\|b     |    12 |
                """);
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new MarkdownTable("a", "b").row("only one"))
                .hasMessageContaining("a row of 1 cells in a table of 2 columns");
    }
}
