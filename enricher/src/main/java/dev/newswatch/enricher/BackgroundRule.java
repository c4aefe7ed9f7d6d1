package dev.newswatch.enricher;

import java.util.List;

/**
 * How the topic classifier tells background from news: a cue in a body sentence holding one of the markers
 * (지난해 공개한, 앞서 발표한) is worth only {@code factor} of its weight.
 *
 * @param factor  between 0 and 1; absent or 0 means {@link #DEFAULT_FACTOR}
 * @param markers words that put a sentence in the past
 */
public record BackgroundRule(double factor, List<String> markers) {

    public static final double DEFAULT_FACTOR = 0.5;

    public BackgroundRule {
        factor = factor == 0 ? DEFAULT_FACTOR : factor;
        if (!(factor > 0) || factor > 1) {
            throw new IllegalArgumentException("background factor must be in (0, 1], not " + factor);
        }
        markers = markers == null ? List.of() : List.copyOf(markers);
        if (markers.stream().anyMatch(marker -> marker == null || marker.isBlank())) {
            throw new IllegalArgumentException("background has a blank marker");
        }
    }

    public static BackgroundRule none() {
        return new BackgroundRule(0, List.of());
    }
}
