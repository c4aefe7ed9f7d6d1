package dev.newswatch.kafka.embedded;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests one real broker per test JVM: declare a parameter of type
 * {@link EmbeddedKafkaBroker} in a test, constructor or {@code @BeforeAll} method. The broker starts on first
 * use and stops when the whole run ends.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedBroker.class, key -> new SharedBroker(EmbeddedKafkaBroker.startTemporary()),
                        SharedBroker.class)
                .broker();
    }

    private record SharedBroker(EmbeddedKafkaBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
