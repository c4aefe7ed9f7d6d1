package dev.newswatch.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.ingester.IngesterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch run}: the whole system against the real outlets of the sources file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole system in this process beside an embedded Kafka broker, crawling the "
                + "sources of the ingester's sources file (config/sources.yml), and print each alert as it arrives.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    SystemOptions system;

    @Override
    public Integer call() {
        Path sources = ConfigLoader.loadSection(system.configFile, "ingester", IngesterSettings.class).sourcesFile();
        return SystemRunner.runUntilStopped(system, sources, List.of(), () -> () -> { }, System.out);
    }
}
