package io.partnerchannel.orchestrator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One application node: {@code java -jar} of the executable jar as a child process with the profiles
 * {@code postgres,sandbox,bench}, its own HTTP port, JMX port and Camunda host name, the JVM options and
 * {@code MALLOC_ARENA_MAX} of {@link BenchSettings}. Measures its start time
 * (launch until {@code /actuator/health} answers UP), peak heap (JMX, per batch) and peak RSS
 * ({@code VmHWM} of {@code /proc/<pid>/status}).
 */
final class ApplicationNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(12);
  /** The longest {@link #awaitQuietMachine()} waits. */
  private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(30);
  /** The idle share of all CPUs during one second that counts as quiet. */
  private static final int QUIET_IDLE_PERCENT = 90;
  /** {@code USER_HZ}, the unit of {@code /proc} CPU times: 100 on Linux (x86_64, arm64). */
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  final String name;
  final int port;
  final RestClient http;
  /** The node's HTTP API as the webapp administrator {@code admin} (operations: {@code /engine-rest}). */
  final RestClient operator;
  private final Process process;
  private final long startMillis;
  private final JMXConnector jmx;
  private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
  private final com.sun.management.OperatingSystemMXBean operatingSystem;

  private ApplicationNode(String name, int port, Process process, long startMillis, JMXConnector jmx, Credentials user)
      throws IOException {
    this.name = name;
    this.port = port;
    this.process = process;
    this.startMillis = startMillis;
    this.jmx = jmx;
    this.http = restClient("http://localhost:" + port, user);
    this.operator = restClient("http://localhost:" + port, "admin", user.adminPassword());
    MBeanServerConnection connection = jmx.getMBeanServerConnection();
    this.operatingSystem = ManagementFactory.newPlatformMXBeanProxy(
        connection, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class);
    for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class)) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool);
      }
    }
  }

  /**
   * Starts a node and waits until it is healthy.
   *
   * @param name node name, also its Camunda host name (job log {@code HOSTNAME_})
   * @param settings the jar and JVM options
   * @param database the PostgreSQL the node uses
   * @param credentials {@code PCO_ADMIN_PASSWORD}, the sandbox demo users' password and the event secret; the
   *     node is called as the demo user {@link Credentials#USER}
   * @return the running node
   */
  static ApplicationNode start(String name, BenchSettings settings, BenchDatabase database, Credentials credentials)
      throws IOException, InterruptedException {
    return start(name, settings, database, credentials, List.of());
  }

  /**
   * Starts a node with extra application arguments and waits until it is healthy.
   *
   * @param name node name, also its Camunda host name (job log {@code HOSTNAME_})
   * @param settings the jar and JVM options
   * @param database the PostgreSQL the node uses
   * @param credentials passwords and the event secret, as for {@link #start(String, BenchSettings, BenchDatabase, Credentials)}
   * @param arguments further {@code --name=value} arguments, e.g. settings that override the bench profile's
   * @return the running node
   */
  static ApplicationNode start(
      String name, BenchSettings settings, BenchDatabase database, Credentials credentials, List<String> arguments)
      throws IOException, InterruptedException {
    return start(name, settings, database.environment(), credentials, freePort(),
        "postgres,sandbox," + BenchProfile.NAME, arguments);
  }

  /**
   * Starts a node on a given port with given profiles and database, and waits until it is healthy.
   *
   * @param name node name, also its Camunda host name (job log {@code HOSTNAME_})
   * @param settings the jar and JVM options
   * @param databaseEnvironment {@code SPRING_DATASOURCE_*} of the node's database
   * @param credentials passwords and the event secret
   * @param port HTTP port, e.g. from {@link #freePort()}
   * @param profiles {@code spring.profiles.active}
   * @param arguments further {@code --name=value} arguments
   * @return the running node
   */
  static ApplicationNode start(String name, BenchSettings settings, Map<String, String> databaseEnvironment,
      Credentials credentials, int port, String profiles, List<String> arguments)
      throws IOException, InterruptedException {
    return start(name, settings, databaseEnvironment, credentials, port, profiles, arguments, settings.jar(), List.of());
  }

  /**
   * Starts a node from a given jar with further JVM options.
   *
   * @param name node name
   * @param settings JVM options
   * @param databaseEnvironment {@code SPRING_DATASOURCE_*}
   * @param credentials passwords and the event secret
   * @param port HTTP port
   * @param profiles {@code spring.profiles.active}
   * @param arguments further {@code --name=value} arguments
   * @param jar the executable jar, e.g. the extracted one ({@link StartArchive})
   * @param jvmOptions further JVM options, e.g. {@code -XX:SharedArchiveFile=...}
   * @return the running node
   */
  static ApplicationNode start(String name, BenchSettings settings, Map<String, String> databaseEnvironment,
      Credentials credentials, int port, String profiles, List<String> arguments, Path jar, List<String> jvmOptions)
      throws IOException, InterruptedException {
    int jmxPort = freePort();
    Path log = settings.output().resolve("logs").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(settings.jvmArgs());
    command.addAll(jvmOptions);
    command.addAll(List.of(
        "-Dcom.sun.management.jmxremote.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false",
        "-Dcom.sun.management.jmxremote.local.only=true",
        "-Djava.rmi.server.hostname=127.0.0.1",
        "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port,
        "--spring.profiles.active=" + profiles,
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(settings.output().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.putAll(databaseEnvironment);
    if (settings.mallocArenaMax() != null) {
      environment.put("MALLOC_ARENA_MAX", settings.mallocArenaMax().toString());
    }
    environment.put("PCO_ADMIN_PASSWORD", credentials.adminPassword());
    environment.put("PCO_SANDBOX_DEMO_USER_PASSWORD", credentials.password());
    // one secret for all nodes, as in any cluster: a node's sandbox may deliver another node's events
    environment.put("PCO_EVENTS_SHARED_SECRET", credentials.eventSecret());
    long started = System.nanoTime();
    Process process = builder.start();
    // never leave a node behind, also when the benchmark is interrupted
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    // Anonymous, as a load balancer's or an orchestrator's probe asks: polled with the sales agent's credentials
    // before the node had created its demo users, every poll was a failed login, and after ten of them the login
    // throttle answered 429 for seconds after the node was up (the first start on a fresh database measured
    // 12.3 s where the node answered UP after 8.8 s).
    // The JDK's client: RestClient's own choice, Apache HttpClient (on the class path for the Partner Center client),
    // would wait a second and ask again on its own after each 503 of a starting node, blurring the start time.
    RestClient health = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
        .baseUrl("http://localhost:" + port).build();
    long deadline = started + START_TIMEOUT.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        Map<?, ?> status = health.get().uri("/actuator/health").retrieve().body(Map.class);
        if (status != null && "UP".equals(status.get("status"))) {
          break;
        }
      } catch (RestClientException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("Node " + name + " not healthy within " + START_TIMEOUT + "; see " + log);
      }
      Thread.sleep(100);
    }
    long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    JMXConnector jmx = JMXConnectorFactory.connect(
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
    return new ApplicationNode(name, port, process, startMillis, jmx, credentials);
  }

  /** @return milliseconds from launching the JVM until the node answered healthy */
  long startMillis() {
    return startMillis;
  }

  /** Starts a new heap peak measurement. */
  void resetPeakHeap() {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** @return bytes: sum of the heap pools' peaks since {@link #resetPeakHeap()} */
  long peakHeapBytes() {
    return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  /** @return bytes: the process's peak resident set size so far ({@code VmHWM}) */
  long peakRssBytes() {
    return procStatus("VmHWM:");
  }

  /** @return bytes: the process's resident set size now ({@code VmRSS}) */
  long rssBytes() {
    return procStatus("VmRSS:");
  }

  /** @return seconds of CPU time (user + system, all threads) the node's JVM used since it started (JMX) */
  double cpuSeconds() {
    return operatingSystem.getProcessCpuTime() / 1e9;
  }

  /**
   * @return CPU time (user + system, in {@code /proc} clock ticks) of each of the JVM's JIT compiler threads now
   *     ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}), by thread id; see {@link #jitCpuSecondsBetween}
   */
  Map<String, Long> jitTicks() {
    Map<String, Long> ticks = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    try (var threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        try {
          if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
            continue;
          }
          String stat = Files.readString(thread.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(thread.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (NoSuchFileException ended) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the threads of node " + name, e);
    }
    return ticks;
  }

  /**
   * @param before {@link #jitTicks()} at the start of a period
   * @param after {@link #jitTicks()} at its end
   * @return seconds of CPU the JIT compiler threads used in the period; a compiler thread that ended during it (the
   *     JVM stops idle extra ones) is not counted, one that started is counted whole
   */
  static double jitCpuSecondsBetween(Map<String, Long> before, Map<String, Long> after) {
    long ticks = 0;
    for (Map.Entry<String, Long> thread : after.entrySet()) {
      ticks += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return ticks / (double) CLOCK_TICKS_PER_SECOND;
  }

  private long procStatus(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the status of node " + name, e);
    }
    throw new IllegalStateException("No " + key + " for node " + name);
  }

  /**
   * Kills the node at once ({@code kill -9}: SIGKILL, no shutdown hooks, no rollback but the database's own) and
   * waits until the process is gone.
   */
  void kill() throws InterruptedException {
    try {
      jmx.close();
    } catch (IOException ignored) {
      // the node goes away anyway
    }
    process.destroyForcibly().waitFor();
  }

  /** @return the node's process id */
  long pid() {
    return process.pid();
  }

  /** Stops the node: SIGTERM (graceful shutdown), then SIGKILL after 30 s. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      jmx.close();
    } catch (IOException ignored) {
      // the node goes away anyway
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * @param baseUrl the node's base URL
   * @param credentials sent as HTTP Basic credentials of {@link Credentials#USER} with every request
   * @return a client of this node's HTTP API
   */
  static RestClient restClient(String baseUrl, Credentials credentials) {
    return restClient(baseUrl, Credentials.USER, credentials.password());
  }

  /**
   * @param baseUrl the node's base URL
   * @param userId sent as HTTP Basic user with every request
   * @param password its password
   * @return a client of this node's HTTP API
   */
  static RestClient restClient(String baseUrl, String userId, String password) {
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    requestFactory.setReadTimeout(Duration.ofMinutes(5));
    return RestClient.builder()
        .baseUrl(baseUrl)
        .requestFactory(requestFactory)
        .defaultHeaders(headers -> headers.setBasicAuth(userId, password))
        .build();
  }

  /**
   * Passwords of one benchmark run, fresh each run.
   *
   * @param adminPassword {@code PCO_ADMIN_PASSWORD} of the webapp administrator
   * @param password {@code pco.sandbox.demo-user-password}: the sandbox demo users', {@link #USER}'s included
   * @param eventSecret {@code pco.events.shared-secret}, the same on every node
   */
  record Credentials(String adminPassword, String password, String eventSecret) {

    /** The user the clients call as: the sandbox's sales agent, as a partner's agent would. */
    static final String USER = "sales.agent";

    static Credentials random() {
      return new Credentials(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }
  }

  /**
   * Waits until the machine is quiet, as the start target asks ("to health UP on a quiet machine"): until the CPUs
   * were at least {@value #QUIET_IDLE_PERCENT} % idle during one second ({@code /proc/stat}), at most
   * {@link #QUIET_TIMEOUT}. A JVM that has just answered UP (the emulator, the cluster's first node) goes on
   * compiling and opening its pools' connections for seconds, which a node started at once would wait for.
   *
   * @return whether it became quiet (false: still busy after {@link #QUIET_TIMEOUT})
   * @throws IOException when {@code /proc/stat} cannot be read
   */
  static boolean awaitQuietMachine() throws IOException, InterruptedException {
    long began = System.nanoTime();
    long[] before = cpuJiffies();
    while (System.nanoTime() - began < QUIET_TIMEOUT.toNanos()) {
      Thread.sleep(1000);
      long[] now = cpuJiffies();
      long total = now[0] - before[0];
      long idle = now[1] - before[1];
      before = now;
      if (total > 0 && idle * 100 >= total * QUIET_IDLE_PERCENT) {
        return true;
      }
    }
    return false;
  }

  /** @return the machine's CPU time since boot from {@code /proc/stat}: all of it, and idle plus I/O wait */
  private static long[] cpuJiffies() throws IOException {
    // cpu  user nice system idle iowait irq softirq steal ...
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i <= 8 && i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
  }

  /** @return a TCP port free right now */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
