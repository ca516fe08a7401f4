package dev.dendrite.it;

import static dev.dendrite.it.TrainingFixture.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Model;
import dev.dendrite.Parameters;
import dev.dendrite.Tensor;
import dev.dendrite.io.IncompatibleModelFileException;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.SafeTensorsFile;
import dev.dendrite.optim.Adam;
import dev.dendrite.random.Rng;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated networks saved and loaded: the same parameters, the same predictions. */
class ModelFilesRoundTripTest {

  @TempDir Path folder;

  private static Model trained(long seed) {
    Model net = new PersistenceNets_ClassifierNet(seed);
    new TrainingFixture(12, 4, 3, 4).train(net, new Adam(0.01f), 0, 2);
    return net;
  }

  static float[][] inputs(int n, int size, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = new float[n][size];
    for (float[] row : x) {
      for (int j = 0; j < size; j++) {
        row[j] = (float) rng.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void aLoadedNetworkPredictsBitForBitLikeTheSavedOne() throws Exception {
    Model saved = trained(1);
    Path path = folder.resolve("classifier.safetensors");
    ModelFiles.save(saved, path);
    Model loaded = new PersistenceNets_ClassifierNet(2);
    ModelFiles.load(loaded, path);
    assertSameBits(saved, loaded);
    float[][] x = inputs(50, 12, 9);
    float[][] expected = new float[50][4];
    float[][] actual = new float[50][4];
    saved.predict(x, 50, expected);
    loaded.predict(x, 50, actual);
    assertArrayEquals(expected, actual);

    try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
      assertEquals(List.of("hidden1.weight", "hidden1.bias", "hidden2.weight", "hidden2.bias",
          "scores.weight", "scores.bias"), file.names());
      assertArrayEquals(new long[] {32, 12}, file.tensor("hidden1.weight").shape());
      assertEquals("PersistenceNets.Classifier", file.metadata().get("dendrite.network"));
    }
  }

  @Test
  void aFileOfAnotherNetworkIsRefusedWithNamesAndShapes() throws Exception {
    Path path = folder.resolve("wider.safetensors");
    ModelFiles.save(new PersistenceNets_WiderClassifierNet(1), path);
    Model net = new PersistenceNets_ClassifierNet(2);
    int[][] before = TrainingFixture.bits(net);
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(net, path));
    assertEquals(path + ": tensor \"hidden1.weight\" has shape [40, 12] in the file, but the"
        + " network expects [32, 12] ([units, inputs]); tensor \"hidden1.bias\" has shape [40] in"
        + " the file, but the network expects [32]; tensor \"hidden2.weight\" has shape [16, 40]"
        + " in the file, but the network expects [16, 32] ([units, inputs])", e.getMessage());
    assertArrayEquals(before, TrainingFixture.bits(net));
  }

  @Test
  void doubleNetworksSaveF64AndConvertBothWays() throws Exception {
    DoubleModel saved = new PersistenceNets_ClassifierNetDouble(3);
    Path path = folder.resolve("double.safetensors");
    ModelFiles.save(saved, path);
    try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
      assertEquals("F64", file.tensor("scores.weight").dtype().name());
    }
    DoubleModel loaded = new PersistenceNets_ClassifierNetDouble(4);
    ModelFiles.load(loaded, path);
    for (int t = 0; t < saved.parameters().size(); t++) {
      assertArrayEquals(saved.parameters().get(t).values(), loaded.parameters().get(t).values());
    }

    // F64 into a float network rounds each value; F32 into a double network widens exactly.
    Model single = new PersistenceNets_ClassifierNet(5);
    ModelFiles.load(single, path);
    for (int t = 0; t < single.parameters().size(); t++) {
      double[][] d = saved.parameters().get(t).values();
      float[][] f = single.parameters().get(t).values();
      for (int r = 0; r < d.length; r++) {
        for (int c = 0; c < d[r].length; c++) {
          assertEquals((float) d[r][c], f[r][c]);
        }
      }
    }
    Path floats = folder.resolve("float.safetensors");
    ModelFiles.save(single, floats);
    ModelFiles.load(loaded, floats);
    for (int t = 0; t < single.parameters().size(); t++) {
      Tensor f = single.parameters().get(t);
      DoubleTensor d = loaded.parameters().get(t);
      for (int r = 0; r < f.values().length; r++) {
        for (int c = 0; c < f.values()[r].length; c++) {
          assertEquals((double) f.values()[r][c], d.values()[r][c]);
        }
      }
    }
  }

  @Test
  void parametersCopyBetweenInstancesOfOneNetworkOnly() {
    Model source = trained(8);
    Model target = new PersistenceNets_ClassifierNet(9);
    Parameters.copy(source, target);
    assertSameBits(source, target);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameters.copy(source, new PersistenceNets_WiderClassifierNet(1)));
    assertEquals("source tensor hidden1.weight [12, 32] does not match target tensor"
        + " hidden1.weight [12, 40]", e.getMessage());
  }
}
