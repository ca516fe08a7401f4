package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.Tensor;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.Sgd;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  @TempDir Path folder;

  /** Gives every gradient a value from {@code seed} and steps. */
  private static void step(FixtureModel model, Optimizer optimizer, int seed) {
    int k = seed;
    for (Tensor t : model.parameters()) {
      for (float[] row : t.gradients()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) Math.sin(++k);
        }
      }
    }
    optimizer.step(model.parameters());
  }

  @Test
  void restoresParametersOptimizerStateAndProgress() throws Exception {
    FixtureModel model = new FixtureModel(0.5f, 4, 3, 2);
    model.setRandomState(-1234567890123L);
    Adam adam = new Adam(0.01f);
    for (int s = 0; s < 3; s++) {
      step(model, adam, s);
    }
    adam.setLearningRate(0.003f);
    Path path = folder.resolve("c.safetensors");
    Checkpoint.save(path, model, adam, new TrainingProgress(7, Map.of("shuffle", "42")));

    try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
      assertEquals("checkpoint", f.metadata().get("dendrite.content"));
      assertEquals("adam", f.metadata().get("optimizer"));
      assertEquals("3", f.metadata().get("optimizer.iterations"));
      assertArrayEquals(new long[] {3, 4}, f.tensor("optimizer.adam.m.layer1.weight").shape());
      assertArrayEquals(new long[] {2}, f.tensor("optimizer.adam.v.layer2.bias").shape());
    }

    FixtureModel restored = new FixtureModel(9f, 4, 3, 2);
    Adam fresh = new Adam(0.5f);
    TrainingProgress progress = Checkpoint.load(path, restored, fresh);
    assertEquals(new TrainingProgress(7, Map.of("shuffle", "42")), progress);
    assertEquals(-1234567890123L, restored.randomState());
    assertEquals(3, fresh.iterations());
    assertEquals(0.003f, fresh.learningRate());
    for (int t = 0; t < 4; t++) {
      for (int s = 0; s < 2; s++) {
        assertArrayEquals(adam.state(s, t), fresh.state(s, t), "state " + s + " tensor " + t);
      }
    }
    assertArrayEquals(model.snapshot(), restored.snapshot());

    // Both continue alike.
    step(model, adam, 10);
    step(restored, fresh, 10);
    assertArrayEquals(model.snapshot(), restored.snapshot());
  }

  @Test
  void aCheckpointLoadsAsWeights() throws Exception {
    FixtureModel model = new FixtureModel(0.5f, 4, 3);
    Sgd sgd = Sgd.withMomentum(0.1f, 0.9f);
    step(model, sgd, 1);
    Path path = folder.resolve("c.safetensors");
    Checkpoint.save(path, model, sgd, TrainingProgress.atEpoch(1));
    FixtureModel weights = new FixtureModel(0f, 4, 3);
    ModelFiles.load(weights, path);
    assertArrayEquals(model.snapshot(), weights.snapshot());
  }

  @Test
  void anUnsteppedOptimizerSavesZeroState() throws Exception {
    FixtureModel model = new FixtureModel(0.5f, 2, 2);
    Path path = folder.resolve("c.safetensors");
    Checkpoint.save(path, model, new Adam(), TrainingProgress.atEpoch(0));
    Adam fresh = new Adam();
    Checkpoint.load(path, new FixtureModel(1f, 2, 2), fresh);
    assertEquals(0, fresh.iterations());
    assertArrayEquals(new float[2][2], fresh.state(0, 0));
  }

  @Test
  void refusesOtherOptimizersWeightFilesAndForeignShapes() throws Exception {
    FixtureModel model = new FixtureModel(0.5f, 3, 2);
    Path checkpoint = folder.resolve("c.safetensors");
    Checkpoint.save(checkpoint, model, Sgd.withMomentum(0.1f, 0.5f), TrainingProgress.atEpoch(2));

    FixtureModel target = new FixtureModel(3f, 3, 2);
    float[][] before = target.snapshot();
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> Checkpoint.load(checkpoint, target, new Adam()));
    assertEquals(checkpoint + ": the checkpoint holds the state of optimizer sgd, which cannot be"
        + " restored into adam", e.getMessage());

    e = assertThrows(IncompatibleModelFileException.class,
        () -> Checkpoint.load(checkpoint, target, Sgd.plain(0.1f)));
    assertEquals(checkpoint + ": unexpected tensors \"optimizer.sgd.velocity.layer1.weight\","
        + " \"optimizer.sgd.velocity.layer1.bias\", which the network does not have",
        e.getMessage());

    e = assertThrows(IncompatibleModelFileException.class,
        () -> Checkpoint.load(checkpoint, new FixtureModel(0f, 4, 2), Sgd.withMomentum(1, 0)));
    assertEquals(checkpoint + ": tensor \"layer1.weight\" has shape [2, 3] in the file, but the"
        + " network expects [2, 4] ([units, inputs]); tensor"
        + " \"optimizer.sgd.velocity.layer1.weight\" has shape [2, 3] in the file, but the network"
        + " expects [2, 4] ([units, inputs])", e.getMessage());

    Path weights = folder.resolve("w.safetensors");
    ModelFiles.save(model, weights);
    e = assertThrows(IncompatibleModelFileException.class,
        () -> Checkpoint.load(weights, target, new Adam()));
    assertEquals(weights + ": the file is not a checkpoint (its metadata lacks dendrite.content ="
        + " checkpoint)", e.getMessage());
    assertArrayEquals(before, target.snapshot());
  }

  @Test
  void restoresACheckpointWrittenByPythonsSafetensors() throws Exception {
    // The seed of the checkpoint fuzz test, written with safetensors.numpy.save.
    byte[] bytes;
    try (var in = getClass().getResourceAsStream(
        "SafeTensorsFuzzTestInputs/restoresACheckpointOrRejects/adam")) {
      bytes = in.readAllBytes();
    }
    FixtureModel model = new FixtureModel(9f, 3, 2);
    Adam adam = new Adam();
    TrainingProgress progress = Checkpoint.load(SafeTensorsFile.of("adam", bytes), model, adam);
    assertEquals(new TrainingProgress(2, Map.of("shuffle", "12")), progress);
    assertEquals(-5, model.randomState());
    assertEquals(3, adam.iterations());
    assertEquals(0.001f, adam.learningRate());
    assertArrayEquals(new float[][] {{0, 0.75f}, {0.25f, 1f}, {0.5f, 1.25f}},
        model.parameters().get(0).values(), "[2, 3] in the file, transposed");
    assertArrayEquals(new float[][] {{0.15f, -0.2f}}, adam.state(0, 1));
  }

  @Test
  void rejectsMalformedMetadata() throws Exception {
    FixtureModel model = new FixtureModel(0.5f, 2, 1);
    Path path = folder.resolve("c.safetensors");
    ModelFiles.writer(model)
        .metadata("dendrite.content", "checkpoint")
        .metadata("optimizer", "sgd")
        .metadata("model.random_state", "12")
        .metadata("optimizer.iterations", "-3")
        .metadata("optimizer.learning_rate", "0.1")
        .metadata("training.epoch", "1")
        .write(path);
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> Checkpoint.load(path, model, Sgd.plain(0.1f)));
    assertEquals(path + ": the checkpoint's metadata optimizer.iterations is -3, outside [0, "
        + Integer.MAX_VALUE + "]", e.getMessage());
    List.of("x", "NaN", "-1", "Infinity").forEach(rate -> {
      try {
        ModelFiles.writer(model)
            .metadata("dendrite.content", "checkpoint")
            .metadata("optimizer", "sgd")
            .metadata("model.random_state", "12")
            .metadata("optimizer.iterations", "3")
            .metadata("optimizer.learning_rate", rate)
            .metadata("training.epoch", "1")
            .write(path);
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
      IncompatibleModelFileException r = assertThrows(IncompatibleModelFileException.class,
          () -> Checkpoint.load(path, model, Sgd.plain(0.1f)));
      assertEquals(path + ": the checkpoint's metadata optimizer.learning_rate is \"" + rate
          + "\", not a positive finite number", r.getMessage());
    });
  }
}
