package io.partnerchannel.orchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production start of docs/performance.md: the executable jar extracted with Spring Boot's
 * {@code -Djarmode=tools extract} and an AppCDS archive written by a training run that stops once the
 * application context is refreshed ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}).
 *
 * @param jar the extracted application jar (its libraries beside it in {@code lib/})
 * @param archive the class data sharing archive
 */
record StartArchive(Path jar, Path archive) {

  /**
   * Extracts the jar and trains the archive against the given database.
   *
   * @param settings the executable jar, JVM options and the output directory
   * @param databaseEnvironment {@code SPRING_DATASOURCE_*} of the database the training run starts against
   * @param credentials {@code PCO_ADMIN_PASSWORD} and the rest, as for a node
   * @param profiles the profiles the nodes run with
   * @return the extracted jar and its archive
   */
  static StartArchive create(BenchSettings settings, Map<String, String> databaseEnvironment,
      ApplicationNode.Credentials credentials, String profiles) throws IOException, InterruptedException {
    Path directory = settings.output().resolve("app").toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    run(settings, List.of(java.toString(), "-Djarmode=tools", "-jar", settings.jar().toAbsolutePath().toString(),
        "extract", "--force", "--destination", directory.toString()), Map.of(), "extract");
    Path jar = directory.resolve(settings.jar().getFileName());
    Path archive = directory.resolve("application.jsa");
    List<String> training = new ArrayList<>(List.of(java.toString()));
    training.addAll(settings.jvmArgs());
    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
        "-jar", jar.toString(), "--server.port=0", "--spring.profiles.active=" + profiles,
        "--camunda.bpm.job-execution.enabled=false"));
    Map<String, String> environment = new java.util.HashMap<>(databaseEnvironment);
    environment.put("PCO_ADMIN_PASSWORD", credentials.adminPassword());
    environment.put("PCO_SANDBOX_DEMO_USER_PASSWORD", credentials.password());
    environment.put("PCO_EVENTS_SHARED_SECRET", credentials.eventSecret());
    run(settings, training, environment, "cds-training");
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("The training run wrote no archive " + archive);
    }
    return new StartArchive(jar, archive);
  }

  /** @return the JVM option that uses the archive */
  List<String> jvmOptions() {
    return List.of("-XX:SharedArchiveFile=" + archive);
  }

  private static void run(BenchSettings settings, List<String> command, Map<String, String> environment, String name)
      throws IOException, InterruptedException {
    Path log = settings.output().resolve("logs").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " failed; see " + log);
    }
  }
}
