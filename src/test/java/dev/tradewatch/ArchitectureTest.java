package dev.tradewatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
