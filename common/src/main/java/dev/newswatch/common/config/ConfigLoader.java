package dev.newswatch.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads YAML configuration into typed records. Defaults live in the records; anything that cannot be used
 * becomes a {@link ConfigException} naming the file, line and field: an empty file, a file that is not a map, a
 * key written twice in one map, a field or section nothing reads, a value a record rejects.
 */
public final class ConfigLoader {

    /**
     * The sections of the settings file all services share ({@code config/newswatch.yml}): each service reads
     * {@code kafka} and its own, and accepts the others' so that one file serves them all.
     */
    public static final List<String> SECTIONS = List.of("kafka", "ingester", "enricher", "alerts");

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    // YAML keys are unique within a map; without this the last of two would silently win.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A field left out of a file must reach the record as 0 or null, which the record reads as its default.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    /** A look at a whole file before anything is bound. */
    private interface Inspection {
        void inspect(JsonParser parser) throws IOException;
    }

    private ConfigLoader() {
    }

    /** Reads a whole file as {@code type}. */
    public static <T> T load(Path file, Class<T> type) {
        return load(file, type, loaded -> List.of());
    }

    /**
     * Reads a whole file as {@code type}, then runs {@code validator}, whose problems point into the file
     * and are reported with their line.
     */
    public static <T> T load(Path file, Class<T> type, Function<T, List<ConfigProblem>> validator) {
        JavaType javaType = YAML.constructType(type);
        KnownFields knownFields = new KnownFields(YAML.getDeserializationConfig(), file);
        inspect(file, parser -> {
            requireMap(file, parser, "a map of the fields " + knownFields.names(javaType));
            knownFields.check(parser, javaType);
        });
        return validated(file, bind(file, JsonPointer.empty(), type), validator);
    }

    /**
     * Reads the top-level section {@code section} of the settings file all services share; the file may hold
     * only the {@link #SECTIONS}. A missing section yields the record's defaults.
     */
    public static <T> T loadSection(Path file, String section, Class<T> type) {
        return loadSection(file, section, type, loaded -> List.of());
    }

    /**
     * Like {@link #loadSection(Path, String, Class)}, then runs {@code validator}, whose problems point into the
     * whole file (so a section can be checked against another) and are reported with their line.
     */
    public static <T> T loadSection(Path file, String section, Class<T> type,
            Function<T, List<ConfigProblem>> validator) {
        if (!SECTIONS.contains(section)) {
            throw new IllegalArgumentException("'" + section + "' is not one of the sections " + SECTIONS);
        }
        JavaType javaType = YAML.constructType(type);
        KnownFields knownFields = new KnownFields(YAML.getDeserializationConfig(), file);
        inspect(file, parser -> {
            requireMap(file, parser, "a map of the sections " + String.join(", ", SECTIONS));
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!SECTIONS.contains(name)) {
                    throw new ConfigException(file, line(parser.currentTokenLocation()), name, "unknown section '"
                            + name + "'; the sections are " + String.join(", ", SECTIONS), null);
                }
                parser.nextToken();
                if (name.equals(section)) {
                    knownFields.check(parser, javaType);
                } else {
                    // Read to the end all the same, so that a key written twice anywhere in the file is refused.
                    parser.skipChildren();
                }
            }
        });
        return validated(file, bind(file, JsonPointer.compile("/" + section), type), validator);
    }

    private static void inspect(Path file, Inspection inspection) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = YAML.createParser(in)) {
            inspection.inspect(parser);
        } catch (IOException e) {
            throw translate(file, JsonPointer.empty(), e);
        }
    }

    /** Moves to the file's first token, which must open a map. */
    private static void requireMap(Path file, JsonParser parser, String expected) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new ConfigException(file, 1, "", "the file is empty (or only comments); it must be " + expected,
                    null);
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ConfigException(file, line(parser.currentTokenLocation()), "", "the file must be " + expected
                    + ", not " + (first == JsonToken.START_ARRAY ? "a list" : "a single value"), null);
        }
    }

    /** The value at {@code at}, or the type's defaults where the file has none there. */
    private static <T> T bind(Path file, JsonPointer at, Class<T> type) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = YAML.createParser(in)) {
            boolean found = (at.matches() || advanceTo(parser, at)) && parser.nextToken() != null;
            if (found && parser.currentToken() != JsonToken.VALUE_NULL) {
                return YAML.readValue(parser, type);
            }
            return YAML.readValue("{}", type);
        } catch (IOException e) {
            throw translate(file, at, e);
        }
    }

    private static <T> T validated(Path file, T loaded, Function<T, List<ConfigProblem>> validator) {
        List<ConfigProblem> problems = validator.apply(loaded);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new ConfigException(file, lineOf(file, first.pointer()), fieldName(first.pointer()),
                    first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""),
                    null);
        }
        return loaded;
    }

    private static ConfigException translate(Path file, JsonPointer base, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ConfigException(file, 0, "", "file not found", e);
        }
        JsonProcessingException syntax = syntaxError(e);
        if (syntax != null) {
            // Where the parser stood: for a key written twice, the second one.
            JsonPointer at = syntax.getProcessor() instanceof JsonParser parser
                    ? parser.getParsingContext().pathAsPointer() : base;
            return new ConfigException(file, line(syntax.getLocation()), fieldName(at),
                    "not valid YAML: " + firstLine(syntax.getOriginalMessage()), e);
        }
        if (e instanceof JsonMappingException mapping) {
            JsonPointer pointer = pointerOf(base, mapping.getPath());
            Throwable cause = mapping instanceof ValueInstantiationException && mapping.getCause() != null
                    ? mapping.getCause() : mapping;
            String problem = cause == mapping ? mapping.getOriginalMessage() : cause.getMessage();
            if (cause instanceof InvalidConfigValue invalid) {
                for (String step : invalid.path()) {
                    pointer = pointer.appendProperty(step);
                }
            }
            int line = lineOf(file, pointer);
            return new ConfigException(file, line > 0 ? line : line(mapping.getLocation()), fieldName(pointer),
                    firstLine(problem), e);
        }
        return new ConfigException(file, 0, "", "cannot read: " + e.getMessage(), e);
    }

    /** The YAML syntax error behind {@code e}, which data binding may have wrapped; null when there is none. */
    private static JsonProcessingException syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException processing && !(cause instanceof JsonMappingException)) {
                return processing;
            }
        }
        return null;
    }

    private static JsonPointer pointerOf(JsonPointer base, List<JsonMappingException.Reference> path) {
        JsonPointer pointer = base;
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                pointer = pointer.appendIndex(reference.getIndex());
            } else if (reference.getFieldName() != null) {
                pointer = pointer.appendProperty(reference.getFieldName());
            }
        }
        return pointer;
    }

    /** {@code /watches/1/topics/0} becomes {@code watches[1].topics[0]}. */
    static String fieldName(JsonPointer pointer) {
        StringBuilder field = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                field.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(step.getMatchingProperty());
            }
        }
        return field.toString();
    }

    /**
     * The line on which the value at {@code pointer} starts; for a field left out, the line of the nearest map or
     * list that holds it (a source, a section); 0 when the file has none of these.
     */
    static int lineOf(Path file, JsonPointer pointer) {
        int line = exactLineOf(file, pointer);
        for (JsonPointer holder = pointer.head(); line == 0 && holder != null && !holder.matches();
                holder = holder.head()) {
            line = exactLineOf(file, holder);
        }
        return line;
    }

    private static int exactLineOf(Path file, JsonPointer pointer) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = YAML.createParser(in)) {
            if (advanceTo(parser, pointer)) {
                return line(parser.currentTokenLocation());
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Moves the parser to the first token at {@code pointer}: the field name for an object member, the value
     * itself for an array element. False when the file has no such place.
     */
    private static boolean advanceTo(JsonParser parser, JsonPointer pointer) throws IOException {
        while (parser.nextToken() != null) {
            if (parser.getParsingContext().pathAsPointer().equals(pointer)) {
                return true;
            }
        }
        return false;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
