package dev.newswatch.enricher.tagging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.newswatch.common.config.InvalidConfigValue;
import dev.newswatch.common.events.EntityKind;

/**
 * One tracked entity of {@code config/entities.yml}.
 *
 * @param id      canonical id, the contract with the alerts service, e.g. {@code nvidia-h20}
 * @param name    display name, e.g. {@code Nvidia H20}
 * @param vendor  id of the company that makes a chip or system; absent for companies and for HBM
 * @param aliases how articles write it, in Hangul, Latin and Chinese script, some with the context they need
 */
public record EntityDefinition(String id, String name, EntityKind kind, String vendor, List<AliasDefinition> aliases) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}");

    public EntityDefinition {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidConfigValue("id", "id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidConfigValue("name", "entity " + id + " has no name");
        }
        if (kind == null) {
            throw new InvalidConfigValue("kind", "entity " + id + " has no kind (company, chip, system or memory)");
        }
        if (vendor != null && vendor.isBlank()) {
            vendor = null;
        }
        if (vendor == null && (kind == EntityKind.CHIP || kind == EntityKind.SYSTEM)) {
            throw new InvalidConfigValue("vendor", "entity " + id + " is a " + kind.name().toLowerCase(Locale.ROOT)
                    + " and needs a vendor");
        }
        if (vendor != null && kind == EntityKind.COMPANY) {
            throw new InvalidConfigValue("vendor", "entity " + id + " is a company and cannot have a vendor");
        }
        if (aliases == null || aliases.isEmpty()) {
            throw new InvalidConfigValue("aliases", "entity " + id + " has no aliases");
        }
        for (AliasDefinition alias : aliases) {
            if (alias == null) {
                throw new InvalidConfigValue("aliases", "entity " + id + " has a blank alias");
            }
        }
        aliases = List.copyOf(aliases);
    }
}
