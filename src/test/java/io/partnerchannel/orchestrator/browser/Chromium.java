package io.partnerchannel.orchestrator.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, started headless by path. Selenium Manager is never
 * asked to find or download a browser or driver: both executables are given explicitly.
 */
final class Chromium {

  /** Environment variable overriding the browser executable, default {@value #DEFAULT_BINARY}. */
  static final String BINARY_ENV = "PCO_CHROMIUM";
  /** Environment variable overriding the driver executable, default {@value #DEFAULT_DRIVER}. */
  static final String DRIVER_ENV = "PCO_CHROMEDRIVER";
  static final String DEFAULT_BINARY = "/usr/bin/chromium";
  static final String DEFAULT_DRIVER = "/usr/bin/chromedriver";

  private static final List<String> HEADLESS_ARGUMENTS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1400,1100",
          "--lang=en-US");

  private Chromium() {}

  /** Where the browser and its driver are, and whether both are there. */
  record Installation(Path binary, Path driver) {

    boolean present() {
      return Files.isExecutable(binary) && Files.isExecutable(driver);
    }

    /** @return what is missing, e.g. {@code "no executable /usr/bin/chromedriver"} */
    String missing() {
      List<String> missing = new ArrayList<>();
      if (!Files.isExecutable(binary)) {
        missing.add("no executable " + binary + " (" + BINARY_ENV + ")");
      }
      if (!Files.isExecutable(driver)) {
        missing.add("no executable " + driver + " (" + DRIVER_ENV + ")");
      }
      return String.join(", ", missing);
    }

    @Override
    public String toString() {
      return binary + " with " + driver;
    }
  }

  /** @return the browser and driver from {@value #BINARY_ENV} / {@value #DRIVER_ENV} or the Debian paths */
  static Installation find() {
    return new Installation(
        Path.of(environment(BINARY_ENV, DEFAULT_BINARY)), Path.of(environment(DRIVER_ENV, DEFAULT_DRIVER)));
  }

  /** @return whether the tests run on CI ({@code CI=true}, as CI services set it) */
  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Starts a headless Chromium with a fresh profile.
   *
   * @param userDataDir an empty directory for the browser profile
   * @return the driver of the new browser
   * @throws IllegalStateException when the browser or its driver is not installed
   */
  static ChromeDriver start(Path userDataDir) {
    Installation installation = find();
    if (!installation.present()) {
      throw new IllegalStateException(
          "Cannot start Chromium for the browser tests: " + installation.missing()
              + ". .ci/run installs it with apt-get install chromium chromium-driver.");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(installation.binary().toFile());
    options.addArguments(HEADLESS_ARGUMENTS);
    options.addArguments("--user-data-dir=" + userDataDir.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(installation.driver().toFile()).build();
    return new ChromeDriver(service, options);
  }

  /**
   * @return a new, empty profile directory
   * @throws UncheckedIOException when it cannot be created
   */
  static Path newUserDataDir() {
    try {
      return Files.createTempDirectory("pco-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a Chromium profile directory", e);
    }
  }
}
