package org.silkrail.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules of PRODUCT.md §5 that a compiler cannot check. Data flows one way:
 * {@code cli → experiment → scenario → model → network/engine}; {@code report} reads results;
 * {@code cluster} runs experiments on Hazelcast; {@code format} (JSON and CSV) is a leaf any layer
 * above the engine may use. Each layer gets its own rule, so a failure names the layer.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.silkrail");
    }

    /** Each layer and the silkrail packages it may use besides its own. */
    static Stream<Arguments> layers() {
        return Stream.of(
                layer("engine"),
                layer("format"),
                layer("network", "engine", "format"),
                layer("model", "network", "engine"),
                layer("scenario", "model", "network", "engine", "format"),
                layer("experiment", "scenario", "model", "network", "engine", "format"),
                layer("report", "experiment", "scenario", "model", "network", "engine", "format"),
                layer("cluster", "experiment", "scenario", "model", "network", "engine", "format"),
                layer("cli", "cluster", "report", "experiment", "scenario", "model", "network",
                        "engine", "format"));
    }

    private static Arguments layer(String name, String... mayUse) {
        String[] allowed = Stream.concat(Stream.of(name), Arrays.stream(mayUse))
                .map(p -> "org.silkrail." + p + "..").toArray(String[]::new);
        return Arguments.of(name, classes().that().resideInAPackage("org.silkrail." + name + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.silkrail..")
                        .or(resideInAnyPackage(allowed)))
                .as(name + " depends on no silkrail package but " + Arrays.toString(mayUse)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void layer_dependsOnlyOnTheLayersBelow(String name, ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("org.silkrail.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void rules_allHold() {
        for (ArchRule rule : new ArchRule[] {engineDoesNoIoOrPrinting,
            modelKnowsNoFiles, onlyCliPrints, onlyClusterSeesHazelcast,
            formatKnowsNoFiles}) {
            rule.check(classes);
        }
    }

    @Test
    void importer_seesEveryLayer() {
        // guards against a vacuous pass: the rules above must have classes to check
        layers().forEach(a -> org.assertj.core.api.Assertions.assertThat(
                classes.containPackage("org.silkrail." + a.get()[0])).as((String) a.get()[0])
                .isTrue());
    }

    static final ArchRule engineDoesNoIoOrPrinting = noClasses()
            .that().resideInAPackage("org.silkrail.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..",
                    "java.net..", "org.slf4j..")
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    static final ArchRule modelKnowsNoFiles = noClasses()
            .that().resideInAnyPackage("org.silkrail.model..", "org.silkrail.network..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..");

    static final ArchRule formatKnowsNoFiles = noClasses()
            .that().resideInAnyPackage("org.silkrail.format..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..");

    static final ArchRule onlyCliPrints = noClasses()
            .that().resideOutsideOfPackage("org.silkrail.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    static final ArchRule onlyClusterSeesHazelcast = noClasses()
            .that().resideOutsideOfPackage("org.silkrail.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");
}
