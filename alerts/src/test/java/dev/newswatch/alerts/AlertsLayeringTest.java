package dev.newswatch.alerts;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The alerts service's packages follow its pipeline: {@code watch} (the watches, their checks and their table)
 * under {@code alerting} (matching articles, one alert per event), {@code delivery} (webhooks) beside them, and the
 * service wiring in the root package on top. Read from the compiled main classes.
 */
class AlertsLayeringTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newswatch.alerts");

    @Test
    void stagesImportOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy("dev.newswatch.alerts")
                .layer("alerting").definedBy("dev.newswatch.alerts.alerting..")
                .layer("watch").definedBy("dev.newswatch.alerts.watch..")
                .layer("delivery").definedBy("dev.newswatch.alerts.delivery..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("alerting").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("watch").mayOnlyBeAccessedByLayers("alerting", "wiring")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("wiring")
                .check(MAIN_CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.newswatch.alerts.(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
    }
}
