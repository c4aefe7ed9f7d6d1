package dev.newswatch.ingester;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.ConfigLoader;

/** Runs the ingester as its own process: {@code java -jar ingester.jar [config/newswatch.yml]}. */
public final class IngesterMain {

    private IngesterMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(args, (configFile, kafka) -> new IngesterService(
                ConfigLoader.loadSection(configFile, "ingester", IngesterSettings.class), kafka));
    }
}
