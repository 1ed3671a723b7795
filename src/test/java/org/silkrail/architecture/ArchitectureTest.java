package org.silkrail.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of PRODUCT.md §5 that a compiler cannot check. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.silkrail");
    }

    @Test
    void rules_allHold() {
        for (ArchRule rule : new ArchRule[] {engineDependsOnNoOtherSilkrailPackage,
            engineDoesNoIoOrPrinting, modelKnowsNoFilesOrUpperLayers, onlyCliPrints,
            onlyClusterSeesHazelcast, nothingBelowCliDependsOnCli, scenarioDoesNotReachUp}) {
            rule.allowEmptyShould(true).check(classes);
        }
    }

    @Test
    void importer_seesTheEngine() {
        // guards against a vacuous pass: the rules above must have classes to check
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.silkrail.engine"))
                .isTrue();
    }

    static final ArchRule engineDependsOnNoOtherSilkrailPackage = noClasses()
            .that().resideInAPackage("org.silkrail.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.silkrail.network..", "org.silkrail.scenario..", "org.silkrail.model..",
                    "org.silkrail.experiment..", "org.silkrail.cluster..", "org.silkrail.report..",
                    "org.silkrail.cli..");

    static final ArchRule engineDoesNoIoOrPrinting = noClasses()
            .that().resideInAPackage("org.silkrail.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..",
                    "java.net..", "org.slf4j..")
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    static final ArchRule modelKnowsNoFilesOrUpperLayers = noClasses()
            .that().resideInAnyPackage("org.silkrail.model..", "org.silkrail.network..")
            .should().dependOnClassesThat().resideInAnyPackage("org.silkrail.scenario..",
                    "org.silkrail.experiment..", "org.silkrail.cluster..", "org.silkrail.report..",
                    "org.silkrail.cli..", "java.nio.file..");

    static final ArchRule onlyCliPrints = noClasses()
            .that().resideOutsideOfPackage("org.silkrail.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    static final ArchRule onlyClusterSeesHazelcast = noClasses()
            .that().resideOutsideOfPackage("org.silkrail.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");

    static final ArchRule nothingBelowCliDependsOnCli = noClasses()
            .that().resideOutsideOfPackage("org.silkrail.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.silkrail.cli..");

    static final ArchRule scenarioDoesNotReachUp = noClasses()
            .that().resideInAPackage("org.silkrail.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage("org.silkrail.experiment..",
                    "org.silkrail.cluster..", "org.silkrail.report..");
}
