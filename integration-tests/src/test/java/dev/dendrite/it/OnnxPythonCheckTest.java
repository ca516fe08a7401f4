package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dendrite.DoubleModel;
import dev.dendrite.Model;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.OnnxFiles;
import dev.dendrite.optim.Adam;
import dev.dendrite.samples.FashionClassifierNet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The reference implementation reads the exported files: {@code onnx_check.py} decodes each with
 * the {@code onnx} package, runs {@code onnx.checker.check_model(full_check=True)}, compares the
 * initializers with the safetensors file of the same network (names, shapes, values) and runs
 * the model in ONNX Runtime for Python against {@code predict}; see the script for every check.
 * Skipped where no Python has {@code onnx}, {@code onnxruntime}, {@code numpy} and {@code
 * safetensors} (see {@link Python}; {@code .ci/run} installs them in CI).
 */
class OnnxPythonCheckTest {

  @TempDir Path folder;

  @Test
  void theOnnxCheckerAcceptsEveryExportedNetworkAndOnnxRuntimeAgrees() throws Exception {
    String python = Python.find("import onnx, onnxruntime, numpy, safetensors.numpy");
    assumeTrue(python != null, "no python3 with onnx, onnxruntime, numpy and safetensors");
    int count = 0;
    for (Arguments arguments : OnnxRuntimeTest.floatNets().toList()) {
      @SuppressWarnings("unchecked")
      LongFunction<Model> make = (LongFunction<Model>) arguments.get()[1];
      Model net = make.apply(3);
      OnnxRuntimeTest.perturb(net, 11);
      write((String) arguments.get()[0], net);
      count++;
    }
    for (Arguments arguments : OnnxRuntimeTest.doubleNets().toList()) {
      String name = (String) arguments.get()[0];
      if (!List.of("Image", "Prelu", "BatchNormBeforeActivation").contains(name)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      LongFunction<DoubleModel> make = (LongFunction<DoubleModel>) arguments.get()[1];
      DoubleModel net = make.apply(3);
      OnnxRuntimeTest.perturb(net, 11);
      writeDouble(name + "Double", net);
      count++;
    }
    Model fashion = new FashionClassifierNet(7);
    new TrainingFixture(784, 10, 3, 4).train(fashion, new Adam(0.001f), 0, 1);
    write("FashionClassifier", fashion);
    count++;

    Process process = new ProcessBuilder(python,
        Path.of(getClass().getResource("python/onnx_check.py").toURI()).toString(),
        folder.toString())
        .redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "python did not finish");
    System.out.print(log);
    assertEquals(0, process.exitValue(), log);
    assertTrue(log.contains("checked " + count + " models"), log);
  }

  private void write(String name, Model net) throws IOException {
    OnnxFiles.save(net, folder.resolve(name + ".onnx"));
    ModelFiles.save(net, folder.resolve(name + ".safetensors"));
    float[][] x = ModelFilesRoundTripTest.inputs(16, net.inputSize(), 5);
    float[][] y = new float[x.length][net.outputSize()];
    net.predict(x, x.length, y);
    writeCsv(folder.resolve(name + ".inputs.csv"), x);
    writeCsv(folder.resolve(name + ".outputs.csv"), y);
  }

  private void writeDouble(String name, DoubleModel net) throws IOException {
    OnnxFiles.save(net, folder.resolve(name + ".onnx"));
    ModelFiles.save(net, folder.resolve(name + ".safetensors"));
    float[][] x = ModelFilesRoundTripTest.inputs(16, net.inputSize(), 5);
    double[][] xd = new double[x.length][net.inputSize()];
    for (int s = 0; s < x.length; s++) {
      for (int j = 0; j < x[s].length; j++) {
        xd[s][j] = x[s][j];
      }
    }
    double[][] yd = new double[x.length][net.outputSize()];
    net.predict(xd, x.length, yd);
    float[][] y = new float[x.length][net.outputSize()];
    for (int s = 0; s < y.length; s++) {
      for (int j = 0; j < y[s].length; j++) {
        y[s][j] = (float) yd[s][j];
      }
    }
    writeCsv(folder.resolve(name + ".inputs.csv"), x);
    writeCsv(folder.resolve(name + ".outputs.csv"), y);
  }

  private static void writeCsv(Path file, float[][] rows) throws IOException {
    StringBuilder csv = new StringBuilder();
    for (float[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        csv.append(j == 0 ? "" : ",").append(row[j]);
      }
      csv.append('\n');
    }
    Files.writeString(file, csv);
  }

}
