package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.ingester.IngesterSettings;

/**
 * config/newswatch.yml says "every value shown is the default": each section must read as its settings record's
 * defaults, and show every setting the record has, so the file and the records cannot drift apart.
 */
class ShippedSettingsDefaultsTest {

    private static final Path SHIPPED = Path.of("..", "config", "newswatch.yml");

    @Test
    void everyValueTheShippedFileShowsIsItsRecordsDefault() {
        assertThat(ConfigLoader.loadSection(SHIPPED, "kafka", KafkaSettings.class)).isEqualTo(KafkaSettings.defaults());
        assertThat(ConfigLoader.loadSection(SHIPPED, "ingester", IngesterSettings.class))
                .isEqualTo(IngesterSettings.defaults());
        assertThat(ConfigLoader.loadSection(SHIPPED, "enricher", EnricherSettings.class))
                .isEqualTo(EnricherSettings.defaults());
        assertThat(AlertsSettings.load(SHIPPED)).isEqualTo(AlertsSettings.defaults());
    }

    @Test
    void theShippedFileShowsEverySettingOfEverySection() throws IOException {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(SHIPPED.toFile());

        assertThat(fieldNames(file)).containsExactlyElementsOf(ConfigLoader.SECTIONS);
        assertThat(fieldNames(file.get("kafka"))).containsExactlyElementsOf(components(KafkaSettings.class));
        assertThat(fieldNames(file.get("ingester"))).containsExactlyElementsOf(components(IngesterSettings.class));
        assertThat(fieldNames(file.get("enricher"))).containsExactlyElementsOf(components(EnricherSettings.class));
        assertThat(fieldNames(file.get("alerts"))).containsExactlyElementsOf(components(AlertsSettings.class));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> settings) {
        return Arrays.stream(settings.getRecordComponents()).map(component -> component.getName()).toList();
    }
}
