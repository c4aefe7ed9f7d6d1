package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.SourceCheck;
import dev.newswatch.ingester.source.SourcesConfig;

class SourcesCommandTest {

    private final DemoNewsSite site = DemoNewsSite.start(0);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        site.close();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void triesEverySourceOnceAndPrintsItsLinksAndFirstArticle() throws Exception {
        Path file = directory.resolve("sources.yml");
        Files.writeString(file, DemoCommand.demoSources(site.baseUrl(), Duration.ofMinutes(1)), StandardCharsets.UTF_8);

        int exitCode = SourcesCommand.Check.checkAll(SourcesConfig.load(file).sources(),
                new SourceCheck(IngesterSettings.defaults().withHostDelay(Duration.ZERO)), out);

        assertThat(exitCode).as(output()).isZero();
        assertThat(output()).contains("[OK]     techbrief (테크브리프, feed) " + site.rssFeedUrl())
                .contains("[OK]     chipinsight (칩인사이트, feed) " + site.atomFeedUrl())
                .contains("first article " + site.baseUrl() + "/techbrief/news/")
                .contains("    title:     ").contains("    published: 20").contains(" characters: ")
                .contains("All 2 sources OK.");
        assertThat(output()).as("the EUC-KR page decodes without mojibake").doesNotContain("\uFFFD");
    }

    @Test
    void aSourceThatFailsIsReportedWithItsProblemAndTheExitCodeSaysSo() throws Exception {
        Path file = directory.resolve("sources.yml");
        Files.writeString(file, """
                sources:
                  - id: moved-feed
                    outlet: 이사간 신문
                    kind: feed
                    url: %s/moved/rss.xml
                    allowPrivateAddresses: true
                """.formatted(site.baseUrl()), StandardCharsets.UTF_8);

        int exitCode = SourcesCommand.Check.checkAll(SourcesConfig.load(file).sources(),
                new SourceCheck(IngesterSettings.defaults().withHostDelay(Duration.ZERO)), out);

        assertThat(exitCode).isEqualTo(1);
        assertThat(output()).contains("[FAILED] moved-feed").contains("problem: [feed-fetch]").contains("404")
                .contains("1 of 1 sources need attention.");
    }

    @Test
    void anInvalidFileIsOneLineNamingFileLineAndField() throws Exception {
        Path file = directory.resolve("sources.yml");
        Files.writeString(file, """
                sources:
                  - id: zdnet-news
                    outlet: 지디넷코리아
                    kind: html-list
                    url: https://zdnet.co.kr/news/
                    linkSelector: "a[[["
                """, StandardCharsets.UTF_8);
        SourcesCommand.Check check = new SourcesCommand.Check();
        check.sourcesFile = file;
        check.configFile = directory.resolve("absent.yml");
        check.out = out;

        int exitCode = check.call();

        assertThat(exitCode).isEqualTo(2);
        assertThat(output()).startsWith("INVALID " + file + ", line 6, field sources[0].linkSelector:");
    }
}
