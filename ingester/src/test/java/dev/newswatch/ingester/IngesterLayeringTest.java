package dev.newswatch.ingester;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The ingester's packages follow its pipeline, each importing only those below it: {@code failure} (error kinds)
 * and {@code url} (http(s) and canonical addresses) at the bottom; {@code extract} and {@code fetch}, which know
 * nothing of each other; {@code source} (the sources
 * file, kinds and scheduling); {@code discovery} (one class per source kind); {@code state} (what was published
 * and crawled, kept in compacted topics); {@code publish}; {@code assignment} (which instance polls which
 * sources); and the service wiring in the root package on top.
 * Read from the compiled main classes.
 */
class IngesterLayeringTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newswatch.ingester");

    @Test
    void stagesImportOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy("dev.newswatch.ingester")
                .layer("assignment").definedBy("dev.newswatch.ingester.assignment..")
                .layer("publish").definedBy("dev.newswatch.ingester.publish..")
                .layer("state").definedBy("dev.newswatch.ingester.state..")
                .layer("discovery").definedBy("dev.newswatch.ingester.discovery..")
                .layer("source").definedBy("dev.newswatch.ingester.source..")
                .layer("fetch").definedBy("dev.newswatch.ingester.fetch..")
                .layer("extract").definedBy("dev.newswatch.ingester.extract..")
                .layer("url").definedBy("dev.newswatch.ingester.url..")
                .layer("failure").definedBy("dev.newswatch.ingester.failure..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("assignment").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("publish").mayOnlyBeAccessedByLayers("assignment", "wiring")
                .whereLayer("state").mayOnlyBeAccessedByLayers("publish", "assignment", "wiring")
                .whereLayer("discovery").mayOnlyBeAccessedByLayers("state", "publish", "wiring")
                .whereLayer("source").mayOnlyBeAccessedByLayers("discovery", "state", "publish", "assignment",
                        "wiring")
                .whereLayer("fetch").mayOnlyBeAccessedByLayers("discovery", "state", "publish", "wiring")
                .whereLayer("extract").mayOnlyBeAccessedByLayers("source", "discovery", "state", "publish", "wiring")
                .whereLayer("url").mayOnlyBeAccessedByLayers("extract", "fetch", "source", "discovery", "state",
                        "publish", "assignment", "wiring")
                .check(MAIN_CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.newswatch.ingester.(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
    }
}
