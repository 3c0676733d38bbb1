package io.promplan.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The planning core knows no UI, file format, cloud SDK, chart or CLI library. */
class LayerRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.promplan");

    @Test
    void planningCoreImportsNoJavaFxJacksonOrAwsSdk() {
        noClasses().that().resideInAPackage("io.promplan.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml.jackson..", "software.amazon..",
                        "org.jfree..", "picocli..", "com.lowagie..", "org.openpdf..")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNothingOutsideItself() {
        noClasses().that().resideInAPackage("io.promplan.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.promplan.cli..", "io.promplan.ui..", "io.promplan.service..",
                        "io.promplan.scenario..", "io.promplan.pricing..", "io.promplan.render..", "io.promplan.io..")
                .check(CLASSES);
    }

    @Test
    void cliNeverNeedsTheDesktopApp() {
        noClasses().that().resideInAPackage("io.promplan.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.promplan.ui..")
                .check(CLASSES);
    }

    @Test
    void corePackagesFormNoCycles() {
        slices().matching("io.promplan.core.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
