package dev.newswatch.common.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an enriched article must carry for a watch to fire. A condition holds when every clause it lists holds;
 * each list clause holds when the article carries at least one of its entries. Nest {@code any}, {@code all} and
 * {@code not} for other combinations. Lists are kept null-tolerant so that a check can name a blank entry.
 *
 * @param any           at least one of these conditions holds
 * @param all           every one of these conditions holds
 * @param not           this condition does not hold
 * @param companies     entity ids of kind company, e.g. {@code alibaba}
 * @param chips         entity ids of chips, systems or memory, e.g. {@code nvidia-h20}, {@code hbm}
 * @param chipsOf       company ids: any chip, system or memory product that company makes
 * @param topics        topic ids, e.g. {@code export-controls}
 * @param minConfidence least confidence a topic of {@code topics} needs; absent means any tagged topic
 * @param outlets       outlet names as articles carry them, compared ignoring case
 * @param sources       source ids from the ingester's sources file
 * @param keywords      words or phrases, found in the title or text ignoring case and spacing
 * @param about         the companies and chips of this condition count only where the article is about them,
 *                      not where it mentions them in passing
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WatchCondition(
        List<WatchCondition> any,
        List<WatchCondition> all,
        WatchCondition not,
        List<String> companies,
        List<String> chips,
        List<String> chipsOf,
        List<String> topics,
        Double minConfidence,
        List<String> outlets,
        List<String> sources,
        List<String> keywords,
        // Boxed so that a record leaving it out reads as false; written only when true.
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean about) {

    public WatchCondition {
        any = readOnly(any);
        all = readOnly(all);
        companies = readOnly(companies);
        chips = readOnly(chips);
        chipsOf = readOnly(chipsOf);
        topics = readOnly(topics);
        outlets = readOnly(outlets);
        sources = readOnly(sources);
        keywords = readOnly(keywords);
        about = Boolean.TRUE.equals(about);
    }

    private static <T> List<T> readOnly(List<T> entries) {
        return entries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(entries));
    }
}
