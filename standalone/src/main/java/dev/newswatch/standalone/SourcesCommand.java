package dev.newswatch.standalone;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.ingester.SourceCheck;
import dev.newswatch.ingester.discovery.DiscoveredLink;
import dev.newswatch.ingester.extract.ExtractedArticle;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.source.SourcesConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newswatch sources}: work with a sources file. */
@Command(name = "sources", mixinStandardHelpOptions = true, subcommands = SourcesCommand.Check.class,
        description = "Work with a sources file (the outlets the ingester polls).")
final class SourcesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code newswatch sources check [FILE]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a sources file, then try each source once (no Kafka needed) and print what it "
                    + "lists and what the extractor makes of its first article. Exit code 0 when every source "
                    + "yielded an article, 1 when one did not, 2 when the file is invalid.")
    static final class Check implements Callable<Integer> {

        private static final int BODY_PREVIEW = 160;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
                description = "The sources file (default: ${DEFAULT-VALUE}).")
        Path sourcesFile = IngesterSettings.defaults().sourcesFile();

        @Option(names = "--config", paramLabel = "FILE",
                description = "Settings whose ingester section (user agent, host delay, timeouts) the checks use; "
                        + "defaults apply when the file does not exist (default: ${DEFAULT-VALUE}).")
        Path configFile = ServiceLauncher.DEFAULT_CONFIG;

        @Option(names = "--source", paramLabel = "ID", split = ",",
                description = "Check only these source ids.")
        List<String> only;

        PrintStream out = System.out;

        @Override
        public Integer call() throws InterruptedException {
            List<Source> sources;
            try {
                sources = SourcesConfig.load(sourcesFile).sources();
            } catch (ConfigException e) {
                out.println("INVALID " + e.getMessage());
                return 2;
            }
            out.println(sourcesFile + " is valid: " + sources.size() + " sources.");
            IngesterSettings settings = Files.exists(configFile)
                    ? ConfigLoader.loadSection(configFile, "ingester", IngesterSettings.class)
                    : IngesterSettings.defaults();
            List<Source> chosen = only == null ? sources
                    : sources.stream().filter(source -> only.contains(source.id())).toList();
            return checkAll(chosen, new SourceCheck(settings), out);
        }

        /** Checks each source in turn and prints its report; 0 when every one yielded an article. */
        static int checkAll(List<Source> sources, SourceCheck check, PrintStream out) throws InterruptedException {
            int failed = 0;
            for (Source source : sources) {
                SourceCheck.Report report = check.check(source);
                print(report, out);
                failed += report.ok() ? 0 : 1;
            }
            out.println();
            out.println(failed == 0 ? "All " + sources.size() + " sources OK."
                    : failed + " of " + sources.size() + " sources need attention.");
            return failed == 0 ? 0 : 1;
        }

        static void print(SourceCheck.Report report, PrintStream out) {
            Source source = report.source();
            out.println();
            out.println((report.ok() ? "[OK]     " : "[FAILED] ") + source.id() + " (" + source.outlet() + ", "
                    + source.kind().configName() + ") " + source.location());
            out.println("  " + report.links() + " article links"
                    + (report.outOfScope() > 0 ? ", " + report.outOfScope() + " of them outside " + source.hosts() : ""));
            for (DiscoveredLink link : report.firstLinks()) {
                out.println("    - " + orDash(link.published()) + "  " + (link.title() == null ? "(no title)" : link.title())
                        + "  " + link.url());
            }
            if (report.articleUrl() != null) {
                out.println("  first article " + report.articleUrl());
            }
            ExtractedArticle article = report.article();
            if (article != null) {
                out.println("    title:     " + article.title());
                out.println("    published: " + orDash(article.publishedAt())
                        + (article.updatedAt() == null ? "" : "  (updated " + article.updatedAt() + ")"));
                if (article.author() != null) {
                    out.println("    author:    " + article.author());
                }
                out.println("    canonical: " + article.canonicalUrl());
                String body = article.text().replace("\n\n", " ¶ ");
                out.println("    body:      " + article.text().length() + " characters: "
                        + (body.length() > BODY_PREVIEW ? body.substring(0, BODY_PREVIEW) + "…" : body));
            }
            if (report.failure() != null) {
                out.println("  problem: " + report.failure());
            }
        }

        private static String orDash(Instant instant) {
            return instant == null ? "-" : instant.toString();
        }
    }
}
