package dev.newswatch.common.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Finds a field that no config record has, before any record is built. Jackson reports such a field only after
 * the record's constructor ran, so a misspelt {@code pollIntervall} would surface as whatever the constructor then
 * finds wrong with the default it got instead (a {@code maxPollInterval} shorter than the poll interval).
 */
final class KnownFields {

    private final DeserializationConfig config;
    private final Path file;

    KnownFields(DeserializationConfig config, Path file) {
        this.config = config;
        this.file = file;
    }

    /**
     * Walks the value the parser stands on, and everything inside it, as {@code type}; leaves the parser on the
     * value's last token.
     */
    void check(JsonParser parser, JavaType type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT && type.isRecordType()) {
            checkRecord(parser, type);
        } else if (token == JsonToken.START_OBJECT && type.isMapLikeType()) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                parser.nextToken();
                check(parser, type.getContentType());
            }
        } else if (token == JsonToken.START_ARRAY && (type.isCollectionLikeType() || type.isArrayType())) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                check(parser, type.getContentType());
            }
        } else {
            // A scalar, or a shape the record does not take, which binding reports with its own message.
            parser.skipChildren();
        }
    }

    /** The names a record's fields have in a file, in the record's order. */
    String names(JavaType type) {
        return String.join(", ", fields(config.introspect(type)).keySet());
    }

    private static Map<String, JavaType> fields(BeanDescription description) {
        Map<String, JavaType> fields = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            fields.put(property.getName(), property.getPrimaryType());
        }
        return fields;
    }

    private void checkRecord(JsonParser parser, JavaType type) throws IOException {
        BeanDescription description = config.introspect(type);
        Map<String, JavaType> fields = fields(description);
        JsonIgnoreProperties.Value ignorals = config.getDefaultPropertyIgnorals(type.getRawClass(),
                description.getClassInfo());
        boolean othersAllowed = ignorals.getIgnoreUnknown() || description.findAnySetterAccessor() != null;
        Set<String> ignored = ignorals.findIgnoredForDeserialization();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JavaType fieldType = fields.get(name);
            if (fieldType == null && !othersAllowed && !ignored.contains(name)) {
                throw new ConfigException(file, parser.currentTokenLocation().getLineNr(),
                        ConfigLoader.fieldName(parser.getParsingContext().pathAsPointer()),
                        "unknown field '" + name + "'; the fields here are " + String.join(", ", fields.keySet()),
                        null);
            }
            parser.nextToken();
            if (fieldType == null) {
                parser.skipChildren();
            } else {
                check(parser, fieldType);
            }
        }
    }
}
