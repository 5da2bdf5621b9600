package dev.tradewatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of CONVENTIONS.md, enforced: the domain stays pure, only Main exits the JVM. */
class ArchitectureTest {

  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tradewatch");

  @Test
  void domainShouldImportNoKafkaMicrometerJacksonOrPicocli() {
    noClasses()
        .that()
        .resideInAPackage("dev.tradewatch.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "io.micrometer..",
            "io.prometheus..",
            "com.fasterxml.jackson..",
            "picocli..",
            "org.slf4j..",
            "dev.tradewatch.stream..",
            "dev.tradewatch.runtime..",
            "dev.tradewatch.cli..",
            "dev.tradewatch.config..",
            "dev.tradewatch.metrics..",
            "dev.tradewatch.replay..")
        .check(MAIN_CLASSES);
  }

  /** figures ← series ← rules ← alerts ← domain (root): no sub-package reaches back up. */
  @Test
  void domainPackagesShouldDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("root")
        .definedBy("dev.tradewatch.domain")
        .layer("alerts")
        .definedBy("dev.tradewatch.domain.alerts..")
        .layer("rules")
        .definedBy("dev.tradewatch.domain.rules..")
        .layer("series")
        .definedBy("dev.tradewatch.domain.series..")
        .layer("figures")
        .definedBy("dev.tradewatch.domain.figures..")
        .whereLayer("root")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("alerts")
        .mayOnlyBeAccessedByLayers("root")
        .whereLayer("rules")
        .mayOnlyBeAccessedByLayers("alerts", "root")
        .whereLayer("series")
        .mayOnlyBeAccessedByLayers("rules", "alerts", "root")
        .check(MAIN_CLASSES);
  }

  @Test
  void onlyMainShouldExitTheJvm() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.tradewatch.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(MAIN_CLASSES);
  }
}
