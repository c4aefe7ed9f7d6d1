package dev.newswatch.common.events;

import java.util.List;

/**
 * A company, chip, system or memory product the article mentions.
 *
 * @param id       canonical id from the entity dictionary, e.g. {@code nvidia-h20}
 * @param name     display name, e.g. {@code Nvidia H20}
 * @param vendor   the id of the company that makes it, for chips and systems; otherwise {@code null}
 * @param evidence every place the article mentions it
 * @param salience {@code about} when the article is about it (named in the title or lead, or repeated),
 *                 {@code mention} when it only mentions it
 */
public record EntityTag(String id, String name, EntityKind kind, String vendor, List<Evidence> evidence,
        String salience) {

    public EntityTag {
        evidence = List.copyOf(evidence);
    }
}
