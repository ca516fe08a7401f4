package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dendrite.Model;
import dev.dendrite.data.CsvReader;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.optim.Adam;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weight files cross the border to Python both ways. The fixture under {@code
 * resources/dev/dendrite/it/python} was written by the reference safetensors implementation with
 * {@code classifier.py make-fixture}, with outputs computed by numpy; it is checked on every run.
 * The other direction has {@code classifier.py} read a file Dendrite wrote and predict, with numpy
 * and with a {@code torch.nn.Module} loaded by {@code load_state_dict}; each is skipped where no
 * Python has the packages it needs (numpy and safetensors; torch as well): see {@link Python} for
 * where it looks ({@code .ci/run} installs them in CI).
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
  void numpyReadsAFileDendriteWrote() throws Exception {
    String python = Python.find("import numpy, safetensors.numpy");
    assumeTrue(python != null, "no python3 with numpy and safetensors");
    assertPythonPredictsLikeDendrite(python, "predict");
  }

  @Test
  void torchLoadsAFileDendriteWroteIntoAnNnModule() throws Exception {
    String python = Python.find("import numpy, torch, safetensors.torch");
    assumeTrue(python != null, "no python3 with numpy, torch and safetensors");
    assertPythonPredictsLikeDendrite(python, "torch-predict");
  }

  /** Saves a trained network, has {@code classifier.py <command>} predict, compares. */
  private void assertPythonPredictsLikeDendrite(String python, String command) throws Exception {
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
    Process process = new ProcessBuilder(python, resource("classifier.py").toString(), command,
        weights.toString(), inputs.toString(), outputs.toString())
        .redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "python did not finish");
    assertEquals(0, process.exitValue(), log);
    float[][] actual = new float[x.length][4];
    net.predict(x, x.length, actual);
    assertClose(CsvReader.numeric().read(outputs).rows(), actual);
  }
}
