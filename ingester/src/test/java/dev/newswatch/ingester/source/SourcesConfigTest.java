package dev.newswatch.ingester.source;

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
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.extract.ExtractionRules;

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
        Source etnews = config.sources().get(0);
        assertThat(etnews).isEqualTo(Source.feed("etnews-today", "전자신문",
                URI.create("https://rss.etnews.com/Section901.xml")));
        assertThat(etnews.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(etnews.minPollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(etnews.maxPollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(etnews.language()).isEqualTo("ko");
        assertThat(etnews.allowPrivateAddresses()).isFalse();
        assertThat(etnews.extraction()).isEqualTo(ExtractionRules.NONE);
        // The feed lives on rss.etnews.com, its articles on www.etnews.com: the registrable domain covers both.
        assertThat(etnews.hosts()).containsExactly("etnews.com");
        assertThat(etnews.followsLinkTo(URI.create("https://www.etnews.com/20261120000001"))).isTrue();
        assertThat(etnews.followsLinkTo(URI.create("https://evil-etnews.com/1"))).isFalse();
        assertThat(etnews.followsLinkTo(URI.create("https://www.inews24.com/view/1"))).isFalse();
        Source inews = config.sources().get(1);
        assertThat(inews.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(inews.minPollInterval()).as("never above the poll interval").isEqualTo(Duration.ofSeconds(5));
        assertThat(inews.language()).isEqualTo("en");
    }

    @Test
    void readsEveryKindWithItsSettings() throws IOException {
        Path warc = Files.createFile(directory.resolve("backfill.warc.gz"));
        SourcesConfig config = SourcesConfig.load(write("""
                sources:
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/?lstcode=0000&page=1
                    linkSelector: ".newsPost .assetText > a"
                    pageUrlTemplate: "https://zdnet.co.kr/news/?lstcode=0000&page={page}"
                    maxPages: 3
                    minPollInterval: PT2M
                    maxPollInterval: PT30M
                    extraction:
                      titleSelector: ".news_head h1"
                      bodySelector: "#articleBody p"
                  - id: asiae-news-sitemap
                    outlet: 아시아경제
                    kind: sitemap
                    url: https://www.asiae.co.kr/news/sitemap-latest-article
                    hosts: [asiae.co.kr]
                  - id: backfill
                    outlet: 보관함
                    kind: archive
                    path: %s
                """.formatted(warc)));
        Source zdnet = config.sources().get(0);
        assertThat(zdnet.kind()).isEqualTo(SourceKind.HTML_LIST);
        assertThat(zdnet.settings(KindSettings.Listing.class).linkSelector()).isEqualTo(".newsPost .assetText > a");
        assertThat(zdnet.settings(KindSettings.Listing.class).maxPages()).isEqualTo(3);
        assertThat(zdnet.minPollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(zdnet.maxPollInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(zdnet.extraction()).isEqualTo(new ExtractionRules(".news_head h1", "#articleBody p", null));
        assertThat(config.sources().get(1).kind()).isEqualTo(SourceKind.SITEMAP);
        assertThat(config.sources().get(1).settings(KindSettings.Sitemap.class).maxSitemaps())
                .as("child sitemaps read per poll").isEqualTo(20);
        Source archive = config.sources().get(2);
        assertThat(archive.kind()).isEqualTo(SourceKind.ARCHIVE);
        assertThat(archive.settings(KindSettings.Archive.class).path()).isEqualTo(warc);
        assertThat(archive.url()).isNull();
    }

    @Test
    void kindSpecificMistakesNameTheirLineAndField() throws IOException {
        assertRejected("""
                sources:
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/
                """, 0, "sources[0].linkSelector", "needs a linkSelector");
        assertRejected("""
                sources:
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/
                    linkSelector: ".newsPost >> a["
                """, 6, "sources[0].linkSelector", "not a CSS selector");
        assertRejected("""
                sources:
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/
                    linkSelector: ".newsPost a"
                    pageUrlTemplate: https://zdnet.co.kr/news/?page=2
                """, 7, "sources[0].pageUrlTemplate", "has no {page}");
        assertRejected("""
                sources:
                  - id: backfill
                    outlet: 보관함
                    kind: archive
                """, 0, "sources[0].path", "needs a path");
        assertRejected("""
                sources:
                  - id: etnews
                    outlet: 전자신문
                    kind: feed
                    url: https://rss.etnews.com/Section901.xml
                    linkSelector: ".newsPost a"
                """, 6, "sources[0].linkSelector", "only html-list sources read linkSelector; source etnews is a feed");
        assertRejected("""
                sources:
                  - id: etnews
                    outlet: 전자신문
                    kind: feed
                    url: https://rss.etnews.com/Section901.xml
                    pollInterval: PT5M
                    minPollInterval: PT10M
                """, 7, "sources[0].minPollInterval", "longer than its pollInterval");
        assertRejected("""
                sources:
                  - id: etnews
                    outlet: 전자신문
                    kind: feed
                    url: https://rss.etnews.com/Section901.xml
                    extraction:
                      bodySelector: "div[[["
                """, 7, "sources[0].extraction.bodySelector", "not a CSS selector");
    }

    private void assertRejected(String yaml, int line, String field, String problem) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> SourcesConfig.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.field()).isEqualTo(field);
                    if (line > 0) {
                        assertThat(e.line()).isEqualTo(line);
                    } else {
                        assertThat(e.line()).as("a field left out is reported at its source's lines").isPositive();
                    }
                })
                .hasMessageContaining(problem);
    }

    @Test
    void anArchiveWhosePathDoesNotExistIsRefusedAtThePath() throws IOException {
        Path missing = directory.resolve("saved-pages");
        assertRejected("""
                sources:
                  - id: backfill
                    outlet: 보관함
                    kind: archive
                    path: %s
                """.formatted(missing), 5, "sources[0].path", "archive source backfill: nothing at " + missing);
    }

    @Test
    void aMisspeltFieldIsNamedAsItselfNotAsTheRuleItsDefaultBreaks() throws IOException {
        // Read as absent, pollIntervall would leave pollInterval at 5 minutes, longer than maxPollInterval.
        assertRejected("""
                sources:
                  - id: etnews
                    outlet: 전자신문
                    kind: feed
                    url: https://rss.etnews.com/Section901.xml
                    pollIntervall: PT30S
                    maxPollInterval: PT1M
                """, 6, "sources[0].pollIntervall", "unknown field 'pollIntervall'; the fields here are id, outlet,");
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
                    kind: rss-ish
                    url: https://www.asiae.co.kr/news/sitemap-latest-article
                """);
        assertThatThrownBy(() -> SourcesConfig.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("sources[0].kind");
                })
                .hasMessageContaining("source kind 'rss-ish' is not supported")
                .hasMessageContaining("[feed, html-list, sitemap, archive]");
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
                .allSatisfy(source -> assertThat(source.allowPrivateAddresses()).isFalse());
        assertThat(shipped.sources()).extracting(Source::kind)
                .contains(SourceKind.FEED, SourceKind.HTML_LIST, SourceKind.SITEMAP);
    }

    @Test
    void theShippedSettingsFileLoads() {
        assertThat(ConfigLoader.loadSection(Path.of("..", "config", "newswatch.yml"), "ingester",
                IngesterSettings.class)).isEqualTo(IngesterSettings.defaults());
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
