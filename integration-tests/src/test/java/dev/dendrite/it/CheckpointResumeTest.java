package dev.dendrite.it;

import static dev.dendrite.it.TrainingFixture.BATCHES_PER_EPOCH;
import static dev.dendrite.it.TrainingFixture.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Model;
import dev.dendrite.io.Checkpoint;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.TrainingProgress;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.Sgd;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training resumed from a checkpoint ends bit-identical to training that was never interrupted:
 * parameters, optimizer state, step count, the dropout generator and the shuffle generator are
 * all restored, into a new network (with another seed) and a new optimizer.
 */
class CheckpointResumeTest {

  private static final int EPOCHS = 6;

  @TempDir Path folder;

  private void assertResumesExactly(Supplier<Optimizer> optimizers, int checkpointEpoch)
      throws Exception {
    Model uninterrupted = new PersistenceNets_ClassifierNet(11);
    TrainingFixture data = new TrainingFixture(12, 4, 5, 99);
    Optimizer optimizer = optimizers.get();
    data.train(uninterrupted, optimizer, 0, EPOCHS);

    Model first = new PersistenceNets_ClassifierNet(11);
    TrainingFixture firstData = new TrainingFixture(12, 4, 5, 99);
    Optimizer firstOptimizer = optimizers.get();
    firstData.train(first, firstOptimizer, 0, checkpointEpoch);
    Path path = folder.resolve("checkpoint.safetensors");
    Checkpoint.save(path, first, firstOptimizer, new TrainingProgress(checkpointEpoch,
        Map.of("shuffle.state", Long.toString(firstData.shuffle.state()))));

    // A new process, in effect: other seeds, new optimizer.
    Model resumed = new PersistenceNets_ClassifierNet(12345);
    TrainingFixture resumedData = new TrainingFixture(12, 4, 5, 0);
    Optimizer resumedOptimizer = optimizers.get();
    TrainingProgress progress = Checkpoint.load(path, resumed, resumedOptimizer);
    assertEquals(checkpointEpoch, progress.epoch());
    resumedData.shuffle.setState(Long.parseLong(progress.properties().get("shuffle.state")));
    assertEquals(checkpointEpoch * BATCHES_PER_EPOCH, resumedOptimizer.iterations());
    resumedData.train(resumed, resumedOptimizer, progress.epoch(), EPOCHS);

    assertSameBits(uninterrupted, resumed);
    assertEquals(optimizer.iterations(), resumedOptimizer.iterations());
    assertEquals(uninterrupted.randomState(), resumed.randomState());
  }

  @Test
  void adamResumesBitIdentical() throws Exception {
    assertResumesExactly(() -> new Adam(0.01f), 2);
  }

  @Test
  void momentumSgdResumesBitIdentical() throws Exception {
    assertResumesExactly(() -> Sgd.withMomentum(0.05f, 0.9f), 3);
  }

  @Test
  void plainSgdResumesBitIdentical() throws Exception {
    assertResumesExactly(() -> Sgd.plain(0.1f), 1);
  }

  @Test
  void resumingWithoutTheOptimizerStateWouldDiffer() throws Exception {
    // The counter-test: weights alone (no Adam moments) do not resume the same run.
    Model uninterrupted = new PersistenceNets_ClassifierNet(11);
    new TrainingFixture(12, 4, 5, 99).train(uninterrupted, new Adam(0.01f), 0, 2);

    Model first = new PersistenceNets_ClassifierNet(11);
    TrainingFixture firstData = new TrainingFixture(12, 4, 5, 99);
    firstData.train(first, new Adam(0.01f), 0, 1);
    Path weights = folder.resolve("weights.safetensors");
    ModelFiles.save(first, weights);
    Model resumed = new PersistenceNets_ClassifierNet(11);
    ModelFiles.load(resumed, weights);
    resumed.setRandomState(first.randomState());
    firstData.train(resumed, new Adam(0.01f), 1, 2);
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> assertSameBits(uninterrupted, resumed));
  }
}
