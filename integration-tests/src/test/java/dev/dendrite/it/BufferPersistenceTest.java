package dev.dendrite.it;

import static dev.dendrite.it.ModelFilesRoundTripTest.inputs;
import static dev.dendrite.it.TrainingFixture.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Model;
import dev.dendrite.Parameters;
import dev.dendrite.io.Checkpoint;
import dev.dendrite.io.IncompatibleModelFileException;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.SafeTensorsFile;
import dev.dendrite.io.SafeTensorsWriter;
import dev.dendrite.io.TrainingProgress;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.Optimizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running statistics of batch normalization ({@code buffers()}) travel with the parameters:
 * through weight files, checkpoints and {@link Parameters#copy}, so that a restored network
 * predicts (with the running statistics) exactly like the one it was restored from.
 */
class BufferPersistenceTest {

  private static final int SAMPLES = 40;

  @TempDir Path folder;

  private static Model trained(long seed) {
    Model net = new PersistenceNets_NormalizedClassifierNet(seed);
    new TrainingFixture(12, 4, 3, 4).train(net, new Adam(0.01f), 0, 2);
    return net;
  }

  private static float[][] predictions(Model model) {
    float[][] out = new float[SAMPLES][model.outputSize()];
    model.predict(inputs(SAMPLES, 12, 9), SAMPLES, out);
    return out;
  }

  /** A network with {@code source}'s parameters only, its buffers as initialised. */
  private static Model parametersOnly(Model source, long seed) {
    Model copy = new PersistenceNets_NormalizedClassifierNet(seed);
    for (int t = 0; t < source.parameters().size(); t++) {
      float[][] from = source.parameters().get(t).values();
      float[][] to = copy.parameters().get(t).values();
      for (int r = 0; r < from.length; r++) {
        System.arraycopy(from[r], 0, to[r], 0, from[r].length);
      }
    }
    return copy;
  }

  @Test
  void trainingMovesTheRunningStatisticsAndPredictionsDependOnThem() {
    // Without this, the tests below could pass while buffers were ignored.
    Model net = trained(1);
    Model fresh = new PersistenceNets_NormalizedClassifierNet(1);
    for (int b = 0; b < 2; b++) {
      assertFalse(Arrays.equals(fresh.buffers().get(b).values()[0],
          net.buffers().get(b).values()[0]), net.buffers().get(b).name());
    }
    assertFalse(Arrays.deepEquals(predictions(net), predictions(parametersOnly(net, 2))));
  }

  @Test
  void aLoadedNetworkHasTheRunningStatisticsAndPredictsBitForBit() throws Exception {
    Model saved = trained(1);
    Path path = folder.resolve("normalized.safetensors");
    ModelFiles.save(saved, path);
    Model loaded = new PersistenceNets_NormalizedClassifierNet(2);
    ModelFiles.load(loaded, path);
    assertSameBits(saved, loaded);
    assertArrayEquals(predictions(saved), predictions(loaded));

    try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
      assertEquals(List.of("hidden.weight", "bn.gamma", "bn.beta", "scores.weight", "scores.bias",
          "bn.running_mean", "bn.running_var"), file.names());
      assertArrayEquals(new long[] {24}, file.tensor("bn.running_mean").shape());
      assertArrayEquals(new long[] {24}, file.tensor("bn.running_var").shape());
      assertEquals("F32", file.tensor("bn.running_var").dtype().name());
      assertArrayEquals(saved.buffers().get(1).values()[0], file.readFloats("bn.running_var"));
    }
  }

  @Test
  void doubleNetworksSaveAndLoadTheirRunningStatistics() throws Exception {
    DoubleModel saved = new PersistenceNets_NormalizedClassifierNetDouble(3);
    double[][] x = new double[16][12];
    float[][] source = inputs(16, 12, 5);
    for (int s = 0; s < 16; s++) {
      for (int j = 0; j < 12; j++) {
        x[s][j] = source[s][j];
      }
    }
    for (int pass = 0; pass < 5; pass++) {
      saved.forward(x, 16, true);
    }
    Path path = folder.resolve("double.safetensors");
    ModelFiles.save(saved, path);
    DoubleModel loaded = new PersistenceNets_NormalizedClassifierNetDouble(4);
    ModelFiles.load(loaded, path);
    assertEquals(2, saved.buffers().size());
    for (int t = 0; t < saved.buffers().size(); t++) {
      DoubleTensor expected = saved.buffers().get(t);
      assertEquals(expected.name(), loaded.buffers().get(t).name());
      assertArrayEquals(expected.values(), loaded.buffers().get(t).values(), expected.name());
    }
    double[][] expected = new double[16][4];
    double[][] actual = new double[16][4];
    saved.predict(x, 16, expected);
    loaded.predict(x, 16, actual);
    assertArrayEquals(expected, actual);

    // A double file into a float network: the running statistics round like the parameters.
    Model single = new PersistenceNets_NormalizedClassifierNet(5);
    ModelFiles.load(single, path);
    double[] mean = saved.buffers().get(0).values()[0];
    float[] singleMean = single.buffers().get(0).values()[0];
    for (int j = 0; j < mean.length; j++) {
      assertEquals((float) mean[j], singleMean[j]);
    }
  }

  @Test
  void parametersCopyCopiesTheRunningStatistics() {
    Model source = trained(8);
    Model target = new PersistenceNets_NormalizedClassifierNet(9);
    Parameters.copy(source, target);
    assertSameBits(source, target);
    assertArrayEquals(predictions(source), predictions(target));

    DoubleModel doubleSource = new PersistenceNets_NormalizedClassifierNetDouble(1);
    for (double[] row : doubleSource.buffers().get(1).values()) {
      Arrays.fill(row, 2.5);
    }
    DoubleModel doubleTarget = new PersistenceNets_NormalizedClassifierNetDouble(2);
    Parameters.copy(doubleSource, doubleTarget);
    assertArrayEquals(doubleSource.buffers().get(1).values(),
        doubleTarget.buffers().get(1).values());
  }

  /** Rewrites the weights file {@code from} into {@code to}, leaving out {@code dropped}. */
  private static void copyWithout(Path from, Path to, String dropped) throws Exception {
    SafeTensorsWriter writer = new SafeTensorsWriter();
    try (SafeTensorsFile file = SafeTensorsFile.open(from)) {
      for (Map.Entry<String, String> e : file.metadata().entrySet()) {
        writer.metadata(e.getKey(), e.getValue());
      }
      for (String name : file.names()) {
        if (!name.equals(dropped)) {
          writer.addFloats(name, file.tensor(name).shape(), file.readFloats(name));
        }
      }
    }
    writer.write(to);
  }

  @Test
  void aFileWithoutARunningStatisticIsRefusedNamingIt() throws Exception {
    Path complete = folder.resolve("complete.safetensors");
    ModelFiles.save(trained(1), complete);
    Path path = folder.resolve("no-mean.safetensors");
    copyWithout(complete, path, "bn.running_mean");
    Model net = new PersistenceNets_NormalizedClassifierNet(2);
    int[][] before = TrainingFixture.bits(net);
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(net, path));
    assertEquals(path + ": missing tensor \"bn.running_mean\" [24]", e.getMessage());
    assertArrayEquals(before, TrainingFixture.bits(net));
  }

  @Test
  void aMisshapenRunningStatisticIsRefusedNamingIt() throws Exception {
    Path path = folder.resolve("misshapen.safetensors");
    Path complete = folder.resolve("complete.safetensors");
    ModelFiles.save(trained(1), complete);
    SafeTensorsWriter writer = new SafeTensorsWriter();
    try (SafeTensorsFile file = SafeTensorsFile.open(complete)) {
      for (String name : file.names()) {
        long[] shape = name.equals("bn.running_var") ? new long[] {20} : file.tensor(name).shape();
        float[] values = name.equals("bn.running_var") ? new float[20] : file.readFloats(name);
        writer.addFloats(name, shape, values);
      }
    }
    writer.write(path);
    Model net = new PersistenceNets_NormalizedClassifierNet(2);
    int[][] before = TrainingFixture.bits(net);
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(net, path));
    assertEquals(path + ": tensor \"bn.running_var\" has shape [20] in the file, but the network"
        + " expects [24]", e.getMessage());
    assertArrayEquals(before, TrainingFixture.bits(net));
  }

  @Test
  void aCheckpointResumesABatchNormalizedRunBitIdentical() throws Exception {
    int epochs = 5;
    int checkpointEpoch = 2;
    Model uninterrupted = new PersistenceNets_NormalizedClassifierNet(11);
    Optimizer optimizer = new Adam(0.01f);
    new TrainingFixture(12, 4, 5, 99).train(uninterrupted, optimizer, 0, epochs);

    Model first = new PersistenceNets_NormalizedClassifierNet(11);
    TrainingFixture firstData = new TrainingFixture(12, 4, 5, 99);
    Optimizer firstOptimizer = new Adam(0.01f);
    firstData.train(first, firstOptimizer, 0, checkpointEpoch);
    Path path = folder.resolve("checkpoint.safetensors");
    Checkpoint.save(path, first, firstOptimizer, new TrainingProgress(checkpointEpoch,
        Map.of("shuffle.state", Long.toString(firstData.shuffle.state()))));

    Model resumed = new PersistenceNets_NormalizedClassifierNet(12345);
    TrainingFixture resumedData = new TrainingFixture(12, 4, 5, 0);
    Optimizer resumedOptimizer = new Adam(0.01f);
    TrainingProgress progress = Checkpoint.load(path, resumed, resumedOptimizer);
    assertSameBits(first, resumed);
    resumedData.shuffle.setState(Long.parseLong(progress.properties().get("shuffle.state")));
    resumedData.train(resumed, resumedOptimizer, progress.epoch(), epochs);

    assertSameBits(uninterrupted, resumed);
    assertArrayEquals(predictions(uninterrupted), predictions(resumed));
    try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
      // Buffers have no optimizer state.
      assertFalse(file.names().stream().anyMatch(n -> n.startsWith("optimizer.")
          && n.contains("running_")), file.names().toString());
    }
  }
}
