package dev.newswatch.enricher.grouping;

import java.util.List;

/** The articles whose signatures share one band value: each other's candidates in the story index. */
public record BandMembers(List<String> articleIds) {

    public BandMembers {
        articleIds = List.copyOf(articleIds);
    }
}
