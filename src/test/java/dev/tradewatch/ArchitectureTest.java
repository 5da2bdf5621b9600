package dev.tradewatch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The package rules of ARCHITECTURE.md, enforced: the domain stays pure and layered, packages form
 * no cycles, each job stays in its own package, only Main exits the JVM.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tradewatch");

  private static final JavaClasses TEST_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
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
            "org.slf4j..")
        .check(MAIN_CLASSES);
  }

  @Test
  void domainSubPackagesShouldBeLayeredFiguresSeriesRulesAlerts() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Tracker")
        .definedBy("dev.tradewatch.domain")
        .layer("Alerts")
        .definedBy("dev.tradewatch.domain.alerts..")
        .layer("Rules")
        .definedBy("dev.tradewatch.domain.rules..")
        .layer("Series")
        .definedBy("dev.tradewatch.domain.series..")
        .layer("Figures")
        .definedBy("dev.tradewatch.domain.figures..")
        .whereLayer("Alerts")
        .mayOnlyBeAccessedByLayers("Tracker")
        .whereLayer("Rules")
        .mayOnlyBeAccessedByLayers("Tracker", "Alerts")
        .whereLayer("Series")
        .mayOnlyBeAccessedByLayers("Tracker", "Alerts", "Rules")
        .check(onlyDomain());
  }

  private static JavaClasses onlyDomain() {
    return MAIN_CLASSES.that(
        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
            "dev.tradewatch.domain.."));
  }

  @Test
  void packagesShouldBeLayered() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Main")
        .definedBy("dev.tradewatch")
        .layer("Cli")
        .definedBy("dev.tradewatch.cli..")
        .layer("Bench")
        .definedBy("dev.tradewatch.bench..")
        .layer("Isolated")
        .definedBy("dev.tradewatch.isolated..")
        .layer("Demo")
        .definedBy("dev.tradewatch.demo..")
        .layer("Http")
        .definedBy("dev.tradewatch.http..")
        .layer("Notify")
        .definedBy("dev.tradewatch.notify..")
        .layer("Lifecycle")
        .definedBy("dev.tradewatch.lifecycle..")
        .layer("Broker")
        .definedBy("dev.tradewatch.broker..")
        .layer("Replay")
        .definedBy("dev.tradewatch.replay..")
        .layer("Stream")
        .definedBy("dev.tradewatch.stream..")
        .layer("Metrics")
        .definedBy("dev.tradewatch.metrics..")
        .layer("Config")
        .definedBy("dev.tradewatch.config..")
        .layer("Domain")
        .definedBy("dev.tradewatch.domain..")
        .whereLayer("Cli")
        .mayOnlyBeAccessedByLayers("Main")
        .whereLayer("Bench")
        .mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Demo")
        .mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Isolated")
        .mayOnlyBeAccessedByLayers("Cli", "Bench")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Cli", "Bench", "Isolated")
        .whereLayer("Notify")
        .mayOnlyBeAccessedByLayers("Http")
        .whereLayer("Lifecycle")
        .mayOnlyBeAccessedByLayers("Cli", "Bench", "Isolated", "Http")
        .whereLayer("Broker")
        .mayOnlyBeAccessedByLayers("Cli", "Bench", "Isolated")
        .whereLayer("Replay")
        .mayOnlyBeAccessedByLayers("Cli", "Bench", "Isolated", "Demo")
        .whereLayer("Stream")
        .mayOnlyBeAccessedByLayers("Cli", "Bench", "Isolated", "Http", "Lifecycle")
        .whereLayer("Metrics")
        .mayOnlyBeAccessedByLayers("Bench", "Isolated", "Http", "Lifecycle", "Stream")
        .check(MAIN_CLASSES);
  }

  @Test
  void packagesShouldHaveNoCycles() {
    slices().matching("dev.tradewatch.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    slices().matching("dev.tradewatch.domain.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
  }

  @Test
  void onlyTheLifecyclePackageShouldCreateAKafkaStreamsClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tradewatch.lifecycle")
        .should()
        .callConstructorWhere(target(owner(assignableTo(KafkaStreams.class))))
        .check(MAIN_CLASSES);
  }

  @Test
  void onlyTheBrokerPackageShouldTouchKafkasBrokerClasses() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tradewatch.broker")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("kafka..", "org.apache.kafka.server..", "org.apache.kafka.raft..")
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
    // the one exception: a signal's shutdown hook ends the process once cleanup is done
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.tradewatch.cli.ShutdownSignal")
        .should()
        .callMethod(Runtime.class, "halt", int.class)
        .check(MAIN_CLASSES);
  }

  @Test
  void everyIntegrationTestShouldHaveATimeout() {
    classes()
        .that()
        .haveSimpleNameEndingWith("IT")
        .should()
        .beAnnotatedWith(Timeout.class)
        .check(TEST_CLASSES);
  }
}
