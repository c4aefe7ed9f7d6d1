package dev.newswatch.enricher.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.enricher.text.TextNormalizer;

/** The entities the enricher tags, from {@code config/entities.yml}, checked as a whole. */
public final class EntityDictionary {

    /** The file's shape: {@code entities: [ {id, name, kind, vendor, aliases}, ... ]}. */
    record EntitiesFile(List<EntityDefinition> entities) {
        EntitiesFile {
            entities = entities == null ? List.of() : List.copyOf(entities);
        }
    }

    private final Map<String, EntityDefinition> byId;

    private EntityDictionary(List<EntityDefinition> entities) {
        Map<String, EntityDefinition> index = new LinkedHashMap<>();
        entities.forEach(entity -> index.put(entity.id(), entity));
        this.byId = index;
    }

    /** Reads and checks the file; a {@link dev.newswatch.common.config.ConfigException} names what is wrong. */
    public static EntityDictionary load(Path file) {
        return new EntityDictionary(ConfigLoader.load(file, EntitiesFile.class, EntityDictionary::problems).entities());
    }

    /** In file order. */
    public List<EntityDefinition> entities() {
        return List.copyOf(byId.values());
    }

    public Optional<EntityDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static List<ConfigProblem> problems(EntitiesFile file) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (file.entities().isEmpty()) {
            problems.add(ConfigProblem.at("", "no entities: the file needs an 'entities' list"));
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        Map<String, String> ownerOfAlias = new HashMap<>();
        TextNormalizer normalizer = new TextNormalizer();
        for (int i = 0; i < file.entities().size(); i++) {
            EntityDefinition entity = file.entities().get(i);
            Integer earlier = firstIndexOfId.putIfAbsent(entity.id(), i);
            if (earlier != null) {
                problems.add(ConfigProblem.at("/entities/" + i + "/id",
                        "duplicate id '" + entity.id() + "', already used by entities[" + earlier + "]"));
            }
            for (int a = 0; a < entity.aliases().size(); a++) {
                String alias = normalizer.normalize(entity.aliases().get(a).text()).text().strip();
                String owner = ownerOfAlias.putIfAbsent(alias, entity.id());
                if (owner != null && !owner.equals(entity.id())) {
                    problems.add(ConfigProblem.at("/entities/" + i + "/aliases/" + a,
                            "alias '" + entity.aliases().get(a).text() + "' already names entity " + owner));
                }
            }
        }
        for (int i = 0; i < file.entities().size(); i++) {
            String vendor = file.entities().get(i).vendor();
            if (vendor == null) {
                continue;
            }
            Integer vendorIndex = firstIndexOfId.get(vendor);
            if (vendorIndex == null || file.entities().get(vendorIndex).kind() != EntityKind.COMPANY) {
                problems.add(ConfigProblem.at("/entities/" + i + "/vendor",
                        "vendor '" + vendor + "' is not the id of a company in this file"));
            }
        }
        return problems;
    }
}
