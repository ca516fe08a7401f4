package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a network whose layers are all unrolled stays readable in size: {@link
 * TestNets.Initialisers}, 252 weights over four layers, in at most 1,500 lines of at most 100
 * columns, as the build wrote it.
 */
class GeneratedSizeTest {

  private static final Path SOURCE = Path.of("target", "generated-test-sources", "test-annotations",
      "dev", "dendrite", "it", "TestNets_InitialisersNet.java");

  @Test
  void anUnrolledNetworkOf252WeightsStaysWithinItsBudget() throws IOException {
    assertTrue(Files.isRegularFile(SOURCE), SOURCE.toAbsolutePath() + " was not generated");
    List<String> lines = Files.readAllLines(SOURCE);
    assertTrue(lines.size() <= 1500, SOURCE + " has " + lines.size() + " lines");
    List<String> wide = lines.stream().filter(line -> line.length() > 100).toList();
    assertTrue(wide.isEmpty(), "lines over 100 columns: " + wide);
    long weights = new TestNets_InitialisersNet(1).parameters().stream()
        .filter(t -> t.name().endsWith(".weight"))
        .mapToLong(t -> t.size())
        .sum();
    assertTrue(weights == 252, "the network has " + weights + " weights");
  }
}
