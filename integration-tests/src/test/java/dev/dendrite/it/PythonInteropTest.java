package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dendrite.Model;
import dev.dendrite.data.CsvReader;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.optim.Adam;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weight files cross the border to Python both ways. The fixture under {@code
 * resources/dev/dendrite/it/python} was written by the reference safetensors implementation with
 * {@code classifier.py make-fixture}, with outputs computed by numpy; it is checked on every run.
 * The other direction runs {@code classifier.py predict} on a file Dendrite wrote, and is skipped
 * where {@code python3} with numpy and safetensors is not installed.
 */
class PythonInteropTest {

  private static final double TOLERANCE = 1e-5;

  @TempDir Path folder;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PythonInteropTest.class.getResource("python/" + name).toURI());
  }

  private static void assertClose(float[][] expected, float[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int s = 0; s < expected.length; s++) {
      for (int j = 0; j < expected[s].length; j++) {
        assertEquals(expected[s][j], actual[s][j], TOLERANCE, "sample " + s + " output " + j);
      }
    }
  }

  @Test
  void loadsAFileWrittenByTheReferenceImplementation() throws Exception {
    Model net = new PersistenceNets_ClassifierNet(1);
    ModelFiles.load(net, resource("classifier.safetensors"));
    float[][] x = CsvReader.numeric().read(resource("inputs.csv")).rows();
    float[][] expected = CsvReader.numeric().read(resource("outputs.csv")).rows();
    float[][] actual = new float[x.length][4];
    net.predict(x, x.length, actual);
    assertClose(expected, actual);
  }

  @Test
  void pythonReadsAFileDendriteWrote() throws Exception {
    assumeTrue(pythonWithSafetensors(), "python3 with numpy and safetensors is not installed");
    Model net = new PersistenceNets_ClassifierNet(7);
    new TrainingFixture(12, 4, 1, 1).train(net, new Adam(0.01f), 0, 3);
    Path weights = folder.resolve("trained.safetensors");
    ModelFiles.save(net, weights);
    float[][] x = ModelFilesRoundTripTest.inputs(30, 12, 5);
    Path inputs = folder.resolve("inputs.csv");
    StringBuilder csv = new StringBuilder();
    for (float[] row : x) {
      for (int j = 0; j < row.length; j++) {
        csv.append(j == 0 ? "" : ",").append(row[j]);
      }
      csv.append('\n');
    }
    Files.writeString(inputs, csv);
    Path outputs = folder.resolve("outputs.csv");
    Process python = new ProcessBuilder("python3", resource("classifier.py").toString(), "predict",
        weights.toString(), inputs.toString(), outputs.toString())
        .redirectErrorStream(true).start();
    String log = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    python.waitFor(2, TimeUnit.MINUTES);
    assertEquals(0, python.exitValue(), log);
    float[][] actual = new float[x.length][4];
    net.predict(x, x.length, actual);
    assertClose(CsvReader.numeric().read(outputs).rows(), actual);
  }

  private static boolean pythonWithSafetensors() {
    try {
      Process p = new ProcessBuilder(List.of("python3", "-c", "import numpy, safetensors.numpy"))
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
