package dev.newswatch.enricher;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.ConfigLoader;

/** Runs the enricher as its own process. */
public final class EnricherMain {

    private EnricherMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(args, (configFile, kafka) -> new EnricherService(
                ConfigLoader.loadSection(configFile, "enricher", EnricherSettings.class), kafka));
    }
}
