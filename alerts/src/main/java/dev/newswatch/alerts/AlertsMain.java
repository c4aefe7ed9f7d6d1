package dev.newswatch.alerts;

import dev.newswatch.common.ServiceLauncher;

/** {@code java -jar alerts.jar [config/newswatch.yml]}. */
public final class AlertsMain {

    private AlertsMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(args, (configFile, kafka) -> new AlertsService(AlertsSettings.load(configFile),
                kafka));
    }
}
