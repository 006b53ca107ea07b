package dev.zerotorunning.wander;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.zerotorunning.wander.db.Daos;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The API's layering after the Dropwizard example: {@code core} (domain types and rules) at the
 * bottom, {@code api} wire objects and {@code db} DAOs on it, services above them, thin resources
 * on top, and each process wired in one place (the root package).
 */
class ArchitectureTest {
  private static final String ROOT = "dev.zerotorunning.wander";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void noPackageCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void coreHoldsOnlyDomainTypesAndRules() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT,
            ROOT + ".api..",
            ROOT + ".db..",
            ROOT + ".service..",
            ROOT + ".cache..",
            ROOT + ".queue..",
            ROOT + ".errors..",
            ROOT + ".resources..",
            ROOT + ".worker..")
        .check(MAIN);
  }

  @Test
  void resourcesGoThroughServices() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".resources..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".db..", ROOT + ".queue..", "org.jdbi..")
        .check(MAIN);
  }

  @Test
  void onlyTheWiringBuildsDaos() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".db..")
        .should()
        .callMethod(Jdbi.class, "onDemand", Class.class)
        .orShould()
        .callMethod(Daos.class, "onDemand", Jdbi.class)
        .check(MAIN);
  }

  /** Only the commands reach up into the wiring (for the configuration they run with). */
  @Test
  void onlyCommandsSeeTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT)
        .check(MAIN);
  }
}
