package dev.newswatch.common.events;

import java.util.List;

/**
 * A company, chip, system or memory product the article mentions.
 *
 * @param id       canonical id from the entity dictionary, e.g. {@code nvidia-h20}
 * @param name     display name, e.g. {@code Nvidia H20}
 * @param vendor   the id of the company that makes it, for chips and systems; otherwise {@code null}
 * @param evidence the first few sentences that mention it (three at most), each with its first match
 * @param salience whether the article is about it or only mentions it
 */
public record EntityTag(String id, String name, EntityKind kind, String vendor, List<Evidence> evidence,
        Salience salience) {

    public EntityTag {
        evidence = List.copyOf(evidence);
    }
}
