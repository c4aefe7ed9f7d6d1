package dev.newswatch.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;

/**
 * The {@code kafka} section of the settings file with the {@code NEWSWATCH_KAFKA_*} variables applied, each
 * checked up front as Kafka's clients would read it, so a bad one stops the command with one line naming it rather
 * than a client's stack trace once the system is half started.
 */
final class KafkaEnvironment {

    /** A {@code NEWSWATCH_KAFKA_*} variable that cannot be used; the message names it. */
    static final class BadVariable extends RuntimeException {
        BadVariable(String message) {
            super(message);
        }
    }

    private static final List<ConfigDef> CLIENT_DEFINITIONS = List.of(ProducerConfig.configDef(),
            ConsumerConfig.configDef(), AdminClientConfig.configDef());

    private KafkaEnvironment() {
    }

    static KafkaSettings settings(Path configFile, Map<String, String> environment) {
        KafkaSettings settings;
        try {
            settings = ConfigLoader.loadSection(configFile, "kafka", KafkaSettings.class).withEnvironment(environment);
        } catch (IllegalArgumentException refused) {
            throw new BadVariable(refused.getMessage());
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(KafkaSettings.ENVIRONMENT_PREFIX)) {
                checkValue(name, value);
            }
        });
        return settings;
    }

    /** Reads the variable's value as the clients that know its property would, with their validators. */
    private static void checkValue(String name, String value) {
        String property = name.substring(KafkaSettings.ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT)
                .replace('_', '.');
        for (ConfigDef definition : CLIENT_DEFINITIONS) {
            ConfigDef.ConfigKey key = definition.configKeys().get(property);
            if (key == null) {
                continue;
            }
            try {
                Object parsed = ConfigDef.parseType(property, value, key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(property, parsed);
                }
            } catch (ConfigException e) {
                throw new BadVariable("environment variable " + name + ": " + e.getMessage());
            }
        }
    }
}
