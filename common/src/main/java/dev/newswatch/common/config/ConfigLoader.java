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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads YAML configuration into typed records. Defaults live in the records; anything that cannot be used
 * becomes a {@link ConfigException} naming the file, line and field.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A field left out of a file must reach the record as 0 or null, which the record reads as its default.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

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
        T loaded;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = YAML.createParser(in)) {
            if (parser.nextToken() == null) {
                loaded = YAML.readValue("{}", type);
            } else {
                loaded = YAML.readValue(parser, type);
            }
        } catch (IOException e) {
            throw translate(file, JsonPointer.empty(), e);
        }
        List<ConfigProblem> problems = validator.apply(loaded);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new ConfigException(file, lineOf(file, first.pointer()), fieldName(first.pointer()),
                    first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""),
                    null);
        }
        return loaded;
    }

    /**
     * Reads the top-level section {@code section} of a file shared by several services, ignoring the others.
     * A missing section yields the record's defaults.
     */
    public static <T> T loadSection(Path file, String section, Class<T> type) {
        JsonPointer sectionPointer = JsonPointer.compile("/" + section);
        try (InputStream in = Files.newInputStream(file); JsonParser parser = YAML.createParser(in)) {
            if (advanceTo(parser, sectionPointer) && parser.nextToken() != JsonToken.VALUE_NULL) {
                return YAML.readValue(parser, type);
            }
            return YAML.readValue("{}", type);
        } catch (IOException e) {
            throw translate(file, sectionPointer, e);
        }
    }

    private static ConfigException translate(Path file, JsonPointer base, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ConfigException(file, 0, "", "file not found", e);
        }
        JsonProcessingException syntax = syntaxError(e);
        if (syntax != null) {
            return new ConfigException(file, line(syntax.getLocation()), fieldName(base),
                    "not valid YAML: " + firstLine(syntax.getOriginalMessage()), e);
        }
        if (e instanceof JsonMappingException mapping) {
            JsonPointer pointer = pointerOf(base, mapping.getPath());
            Throwable cause = mapping instanceof ValueInstantiationException && mapping.getCause() != null
                    ? mapping.getCause() : mapping;
            String problem = cause == mapping ? mapping.getOriginalMessage() : cause.getMessage();
            if (cause instanceof InvalidConfigValue invalid) {
                pointer = pointer.appendProperty(invalid.field());
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

    /** The line on which the value at {@code pointer} starts, or 0 when the file has no such value. */
    static int lineOf(Path file, JsonPointer pointer) {
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
