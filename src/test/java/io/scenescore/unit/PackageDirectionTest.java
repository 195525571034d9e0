package io.scenescore.unit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages' direction: what runs, stores, probes media and makes music knows nothing of HTTP, and the run knows
 * no particular music source. The wiring in io.scenescore itself (SceneScore, the *Configuration classes, the
 * one-shot mode) may use everything; nothing else may use the API.
 */
class PackageDirectionTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scenescore");

    @Test
    void noPackageUsesTheApiButTheApiAndTheWiring() {
        noClasses().that().resideInAPackage("io.scenescore..")
                .and().resideOutsideOfPackage("io.scenescore.api..")
                .and().resideOutsideOfPackage("io.scenescore")
                .should().dependOnClassesThat().resideInAPackage("io.scenescore.api..")
                .because("only the API turns the job's refusals into HTTP answers")
                .check(MAIN);
    }

    @Test
    void theRunKnowsNoParticularMusicSource() {
        noClasses().that().resideInAPackage("io.scenescore.run..")
                .should().dependOnClassesThat().resideInAnyPackage("io.scenescore.replicate..", "io.scenescore.composer..")
                .because("music sources plug into the run, not the other way round")
                .check(MAIN);
    }

    @Test
    void theJobModelDependsOnNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("io.scenescore.job..")
                .should().dependOnClassesThat(resideInAPackage("io.scenescore..").and(not(resideInAPackage("io.scenescore.job.."))))
                .because("the API, the run, videos and the file drop all read jobs with it")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("io.scenescore.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
