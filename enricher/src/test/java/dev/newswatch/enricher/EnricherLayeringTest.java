package dev.newswatch.enricher;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The enricher's packages follow its pipeline: {@code text} under {@code tagging} and {@code grouping}, which know
 * nothing of each other, and the service wiring in the root package on top. Read from the compiled main classes.
 */
class EnricherLayeringTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newswatch.enricher");

    @Test
    void stagesImportOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy("dev.newswatch.enricher")
                .layer("tagging").definedBy("dev.newswatch.enricher.tagging..")
                .layer("grouping").definedBy("dev.newswatch.enricher.grouping..")
                .layer("text").definedBy("dev.newswatch.enricher.text..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("tagging").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("grouping").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("text").mayOnlyBeAccessedByLayers("tagging", "grouping", "wiring")
                .check(MAIN_CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.newswatch.enricher.(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
    }
}
