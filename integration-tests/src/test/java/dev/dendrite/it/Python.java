package dev.dendrite.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python interpreter for the tests that cross to Python. The environment variable {@code
 * DENDRITE_PYTHON} names one first (CI sets it to the virtual environment {@code .ci/run}
 * installs the packages into); then {@code python3} on the path and {@code /usr/bin/python3}.
 */
final class Python {

  /** The environment variable that names the interpreter to try first. */
  static final String VARIABLE = "DENDRITE_PYTHON";

  private Python() {}

  /** The first interpreter that runs {@code code} (e.g. {@code import numpy}), or null. */
  static String find(String code) {
    List<String> candidates = new ArrayList<>();
    String configured = System.getenv(VARIABLE);
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    }
    candidates.add("python3");
    candidates.add("/usr/bin/python3");
    for (String python : candidates) {
      if (runs(python, code)) {
        return python;
      }
    }
    return null;
  }

  private static boolean runs(String python, String code) {
    try {
      Process p = new ProcessBuilder(List.of(python, "-c", code))
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
