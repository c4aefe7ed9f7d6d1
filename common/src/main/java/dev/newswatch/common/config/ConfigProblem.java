package dev.newswatch.common.config;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * A problem that validation found in a loaded configuration.
 *
 * @param pointer where in the file, as a JSON pointer such as {@code /watches/1/topics/0}
 */
public record ConfigProblem(JsonPointer pointer, String message) {

    public static ConfigProblem at(String pointer, String message) {
        return new ConfigProblem(JsonPointer.compile(pointer), message);
    }
}
