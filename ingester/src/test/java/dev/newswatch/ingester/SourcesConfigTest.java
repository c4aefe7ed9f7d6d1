package dev.newswatch.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.config.ConfigLoader;

class SourcesConfigTest {

    @TempDir
    Path directory;

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("sources.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void appliesDefaults() throws IOException {
        SourcesConfig config = SourcesConfig.load(write("""
                sources:
                  - id: etnews-today
                    outlet: 전자신문
                    kind: feed
                    url: https://rss.etnews.com/Section901.xml
                  - id: inews24-it
                    outlet: 아이뉴스24
                    kind: feed
                    url: https://rss.inews24.com/rss/news_it.xml
                    pollInterval: PT5S
                    language: EN
                """));
        assertThat(config.sources()).containsExactly(
                new Source("etnews-today", "전자신문", SourceKind.FEED, URI.create("https://rss.etnews.com/Section901.xml"),
                        Duration.ofMinutes(5), "ko"),
                new Source("inews24-it", "아이뉴스24", SourceKind.FEED, URI.create("https://rss.inews24.com/rss/news_it.xml"),
                        Duration.ofSeconds(5), "en"));
    }

    @Test
    void duplicateIdNamesFileLineAndField() throws IOException {
        Path file = write("""
                sources:
                  - id: etnews
                    outlet: 전자신문
                    kind: feed
                    url: https://rss.etnews.com/Section901.xml
                  - id: etnews
                    outlet: 전자신문 속보
                    kind: feed
                    url: https://rss.etnews.com/Section902.xml
                """);
        assertThatThrownBy(() -> SourcesConfig.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.field()).isEqualTo("sources[1].id");
                })
                .hasMessageContaining("duplicate source id 'etnews'");
    }

    @Test
    void unsupportedKindIsRejectedClearly() throws IOException {
        Path file = write("""
                sources:
                  - id: asiae
                    outlet: 아시아경제
                    kind: sitemap
                    url: https://www.asiae.co.kr/news/sitemap-latest-article
                """);
        assertThatThrownBy(() -> SourcesConfig.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("sources[0].kind");
                })
                .hasMessageContaining("source kind 'sitemap' is not supported").hasMessageContaining("[feed]");
    }

    @Test
    void badIdAndMissingUrlNameTheirOwnLineAndField() throws IOException {
        Path badId = write("""
                sources:
                  - outlet: 전자신문
                    kind: feed
                    id: Etnews Today
                    url: https://rss.etnews.com/Section901.xml
                """);
        assertThatThrownBy(() -> SourcesConfig.load(badId))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("sources[0].id");
                })
                .hasMessageContaining("sources.yml").hasMessageContaining("lower-case letters, digits and hyphens");

        Path badUrl = write("""
                sources:
                  - id: etnews
                    outlet: 전자신문
                    kind: feed
                    url: ftp://rss.etnews.com/Section901.xml
                """);
        assertThatThrownBy(() -> SourcesConfig.load(badUrl))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("sources[0].url");
                })
                .hasMessageContaining("needs an absolute http(s) url");
    }

    @Test
    void shippedSourcesFileIsValid() {
        SourcesConfig shipped = SourcesConfig.load(Path.of("..", "config", "sources.yml"));
        assertThat(shipped.sources()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(source -> assertThat(source.url().getScheme()).isEqualTo("https"));
    }

    @Test
    void settingsSectionHasTheSharedDefaults() throws IOException {
        Path file = write("ingester: {hostDelay: PT2S}\nkafka: {partitions: 3}\n");
        IngesterSettings settings = ConfigLoader.loadSection(file, "ingester", IngesterSettings.class);
        assertThat(settings).isEqualTo(IngesterSettings.defaults().withHostDelay(Duration.ofSeconds(2)));
        assertThat(settings.sourcesFile()).isEqualTo(Path.of("config", "sources.yml"));
        assertThat(settings.maxBodyBytes()).isEqualTo(5_242_880);
        assertThat(settings.metricsPort()).isEqualTo(9401);
        assertThat(settings.withMetricsPort(0).metricsPort()).as("0 asks for any free port").isZero();
    }
}
