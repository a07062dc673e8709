package io.partnerchannel.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of issue 16, checked on the production classes (ArchUnit): features
 * ({@value #FEATURES_DOC}) register themselves with the shared packages, never the other way round; nothing but the
 * sandbox itself and the benchmark harness uses the sandbox emulator; and no two packages depend on each other.
 *
 * <p>Spring Modulith's {@code ApplicationModules.verify()} was not used: it treats every sub-package as a module's
 * internals, while {@code partnercenter.rest}, {@code .signin}, {@code .webhook} and {@code .sandbox} are adapters
 * published to the whole application by Spring beans, and it cannot state "shared packages know no feature".
 */
class PackageBoundariesTest {

  static final String FEATURES_DOC = "invitation, indirect, migration, routing, gdap, removal, bulk, reconciliation";
  private static final String BASE = "io.partnerchannel.orchestrator";
  private static final List<String> FEATURE_NAMES =
      List.of("invitation", "indirect", "migration", "routing", "gdap", "removal", "bulk", "reconciliation");
  private static final List<String> SHARED_NAMES = List.of(
      "partnercenter", "notification", "events", "security", "web", "system", "forms", "deployment", "operations");
  /** Every top-level package but the benchmark harness ({@link #BENCHMARK_HARNESS}). */
  private static final List<String> PRODUCT_NAMES = Stream.concat(FEATURE_NAMES.stream(), SHARED_NAMES.stream()).toList();
  private static final String[] FEATURES = packages(FEATURE_NAMES);
  private static final String[] SHARED = packages(SHARED_NAMES);
  private static final String SANDBOX = BASE + ".partnercenter.sandbox..";

  /**
   * The benchmark harness ({@code bench}, profile {@code bench}, always with the sandbox): it loads the sandbox's data
   * set and counts the sandbox's calls, so it is part of the emulator's world, not of the product.
   */
  private static final String BENCHMARK_HARNESS = BASE + ".bench..";

  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(BASE);

  @Test
  void sharedPackagesKnowNoFeature() {
    noClasses().that().resideInAnyPackage(SHARED)
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .because("features register themselves with shared code (beans, interfaces), issue 16")
        .check(PRODUCTION);
  }

  /**
   * The same rule on the sources: the compiler copies constants ({@code static final} strings) into the class that
   * uses them, so an import of a feature's constant leaves no trace in the bytecode ArchUnit reads.
   */
  @Test
  void sharedSourcesImportNoFeature() throws IOException {
    String features = "(" + String.join("|", FEATURE_NAMES) + ")";
    List<String> violations = new ArrayList<>();
    for (String shared : SHARED_NAMES) {
      violations.addAll(imports(shared, features));
    }
    assertThat(violations).as("shared sources importing a feature package").isEmpty();
  }

  /** As {@link #sharedSourcesImportNoFeature()}: constants of the sandbox leave no trace in the bytecode either. */
  @Test
  void noProductSourceImportsTheSandbox() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String product : PRODUCT_NAMES) {
      violations.addAll(imports(product, "partnercenter\\.sandbox"));
    }
    violations.removeIf(violation -> violation.startsWith("partnercenter/sandbox/"));
    assertThat(violations).as("product sources importing the sandbox").isEmpty();
  }

  @Test
  void onlyTheSandboxAndTheBenchmarkHarnessUseTheSandbox() {
    noClasses().that().resideOutsideOfPackages(SANDBOX, BENCHMARK_HARNESS)
        .should().dependOnClassesThat().resideInAPackage(SANDBOX)
        .because("the sandbox is a test double chosen by the Spring profile sandbox (README \"Modes\")")
        .check(PRODUCTION);
  }

  /** A new top-level package must be named a feature or a shared package above, so the rules cover it. */
  @Test
  void everyPackageIsAFeatureOrShared() throws IOException {
    try (Stream<Path> packages = Files.list(Path.of("src/main/java", BASE.replace('.', '/')))) {
      assertThat(packages.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()))
          .allMatch(name -> PRODUCT_NAMES.contains(name) || name.equals("bench"));
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching(BASE + ".(**)")
        .should().beFreeOfCycles()
        .check(PRODUCTION);
  }

  /**
   * @param name a top-level package, e.g. {@code events}
   * @param imported a regular expression of imported packages below {@link #BASE}
   * @return {@code <file below BASE>: <import line>} of each matching import in the package and its sub-packages
   */
  private static List<String> imports(String name, String imported) throws IOException {
    Path base = Path.of("src/main/java", BASE.replace('.', '/'));
    Pattern pattern = Pattern.compile(
        "^import (static )?" + Pattern.quote(BASE) + "\\." + imported + "\\..*$", Pattern.MULTILINE);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base.resolve(name))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
          found.add(base.relativize(file) + ": " + matcher.group());
        }
      }
    }
    return found;
  }

  private static String[] packages(List<String> names) {
    return names.stream().map(name -> BASE + "." + name + "..").toArray(String[]::new);
  }
}
