package dev.dendrite.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python tests of pytorch_bench.py's ratio table (benchmarks/test_pytorch_bench.py),
 * which need python3 but neither torch nor numpy.
 */
class PytorchBenchTableTest {

  @Test
  void theRatioTableNamesTheFastestPeerAndItsRatios() throws IOException, InterruptedException {
    Path python = onPath("python3");
    assumeTrue(python != null, "python3 is not on the PATH");
    // Surefire runs in the module's folder, which holds the script and its tests
    Process process = new ProcessBuilder(python.toString(), "-B", "-m", "unittest",
        "discover", "-s", ".", "-p", "test_pytorch_bench.py")
        .redirectErrorStream(true)
        .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 finished");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
  }

  private static Path onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
