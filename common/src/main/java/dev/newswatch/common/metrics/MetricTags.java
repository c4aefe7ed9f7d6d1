package dev.newswatch.common.metrics;

import java.util.Locale;

/** Tag values of meters, written one way in every service. */
public final class MetricTags {

    private MetricTags() {
    }

    /** An enum constant as a tag value: lower case, words joined by hyphens ({@code NOT_MODIFIED} → {@code not-modified}). */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
