package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.AdamW;
import dev.dendrite.optim.GradientClipping;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.optim.Sgd;
import dev.dendrite.random.Rng;
import dev.dendrite.samples.CirclesDemo;
import dev.dendrite.samples.CirclesNet;
import dev.dendrite.samples.TwoCircles;
import dev.dendrite.train.Bagging;
import dev.dendrite.train.CrossValidation;
import dev.dendrite.train.EarlyStopping;
import dev.dendrite.train.Ensemble;
import dev.dendrite.train.Evaluation;
import dev.dendrite.train.History;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.MonteCarloDropout;
import dev.dendrite.train.NonFiniteException;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.TrainingListener;
import dev.dendrite.train.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The trainer on generated networks: the course's circles, dropout, softmax classifiers. */
class TrainingTest {

  static Dataset circles(long seed) {
    return CirclesDemo.dataset(TwoCircles.generate(100, 0.15, 0.3, seed));
  }

  /** Random inputs labelled by which of their first {@code classes} values is largest. */
  static Dataset labelled(int n, int width, int classes, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = Batches.toFloat(Batches.gaussian(n, width, rng));
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = Dataset.classOf(java.util.Arrays.copyOf(x[i], classes));
    }
    return Dataset.ofLabels(x, labels, classes, false);
  }

  @Test
  void theCourseCirclesReach95PercentWithFit() {
    TwoCircles data = TwoCircles.generate(100, 0.15, 0.3, 42);
    Trainer trainer = CirclesDemo.trainer(7, 100);
    History history = trainer.fit(CirclesDemo.dataset(data));
    assertEquals(100, history.epochs());
    assertTrue(history.last("accuracy") >= 0.9, history.toString());
    Evaluation evaluation = trainer.evaluate(CirclesDemo.dataset(data));
    assertTrue(evaluation.get("accuracy") >= 0.95, evaluation.toString());
    assertEquals(100, evaluation.confusion().total());
  }

  @Test
  void theProgressBarIsFoundAndShowsSamplesLossAndMetrics() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CirclesDemo.trainer(1, 2).verbosity(Verbosity.PROGRESS_BAR).validationSplit(0.2)
        .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).fit(circles(1));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("Epoch 1/2"), out);
    assertTrue(out.contains("Epoch 2/2"), out);
    assertTrue(out.contains("100%"), out);
    assertTrue(out.contains("80/80 samples"), out);
    assertTrue(out.matches("(?s).*loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - val_loss: "
        + "\\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}.*"), out);
  }

  @Test
  void aNaNInOneRowIsReportedWithTheGeneratedLayerName() {
    Dataset clean = circles(2);
    float[][] x = clean.features();
    x[57] = new float[] {Float.NaN, 0.3f};
    Dataset data = Dataset.of(x, clean.targets());
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> CirclesDemo.trainer(3, 5).fit(data));
    assertEquals(1, e.epoch());
    assertEquals("hidden", e.layer());
    assertArrayEquals(new int[] {57}, e.badSamples());
    assertTrue(e.getMessage().contains("batch " + e.batch()), e.getMessage());
  }

  @Test
  void aWarmFitStepWithDropoutAllocatesNothing() {
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int epochs = 40;
    int batches = 10;
    long[] allocated = new long[epochs * batches];
    Dataset data = labelled(batches * 16, 6, 3, 3);
    new Trainer(new TestNets_WithDropoutNet(1), new AdamW())
        .epochs(epochs).batchSize(16).metrics(Metrics.ACCURACY, Metrics.MSE)
        .clipping(GradientClipping.byGlobalNorm(5f))
        .schedule(LearningRateSchedule.cosine(epochs, 0.1f)).quiet()
        .listeners(new TrainingListener() {
          @Override
          public void onBatchEnd(int epoch, int batch, int samplesDone, float loss) {
            allocated[(epoch - 1) * batches + batch - 1] = bean.getThreadAllocatedBytes(thread);
          }
        })
        .fit(data);
    // Each of the last ten epochs is a round: what batches 2..10 of it allocated. A compilation
    // or deoptimization can allocate a few bytes once on this thread (see SteadyState); a step
    // that allocates shows in every round. So the fewest bytes of any round must be 0.
    long fewest = Long.MAX_VALUE;
    StringBuilder rounds = new StringBuilder();
    for (int e = epochs - 10; e < epochs; e++) {
      long bytes = allocated[e * batches + batches - 1] - allocated[e * batches];
      fewest = Math.min(fewest, bytes);
      rounds.append(" epoch ").append(e + 1).append(": ").append(bytes);
    }
    assertEquals(0, fewest, "bytes allocated by batches 2-" + batches + " of the last epochs:"
        + rounds);
  }

  @Test
  void theSameSeedGivesTheSameHistoryAndWeightsWithDropout() {
    Dataset data = labelled(120, 6, 3, 4);
    double[][] losses = new double[2][];
    float[][] weights = new float[2][];
    for (int r = 0; r < 2; r++) {
      Model model = new TestNets_WithDropoutNet(8);
      History history = new Trainer(model, new Adam(0.01f)).epochs(5).batchSize(12).seed(21)
          .quiet().fit(data);
      losses[r] = history.get("loss").stream().mapToDouble(Double::doubleValue).toArray();
      weights[r] = model.parameters().get(0).values()[3].clone();
    }
    assertArrayEquals(losses[0], losses[1], 0.0);
    assertArrayEquals(weights[0], weights[1], 0f);
  }

  @Test
  void monteCarloDropoutGivesAMeanAndAVariance() {
    Model model = new TestNets_WithDropoutNet(2);
    Dataset data = labelled(60, 6, 3, 5);
    new Trainer(model, new Adam(0.01f)).epochs(5).batchSize(10).quiet().fit(data);
    float[][] x = data.features();
    long state = model.randomState();
    MonteCarloDropout.Prediction first = MonteCarloDropout.predict(model, x, 8, 200);
    model.setRandomState(state);
    MonteCarloDropout.Prediction again = MonteCarloDropout.predict(model, x, 8, 200);
    assertArrayEquals(first.mean(), again.mean(), "the same random state, the same passes");
    boolean uncertain = false;
    for (int s = 0; s < 8; s++) {
      float sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += first.mean()[s][j];
        uncertain |= first.variance()[s][j] > 1e-6f;
        assertTrue(first.variance()[s][j] >= 0f);
      }
      assertEquals(1f, sum, 1e-4f, "a mean of softmax rows is a distribution");
    }
    assertTrue(uncertain, "dropout makes the passes differ");
    CirclesNet deterministic = new CirclesNet(1);
    MonteCarloDropout.Prediction none =
        MonteCarloDropout.predict(deterministic, circles(1).features(), 5, 10);
    for (int s = 0; s < 5; s++) {
      assertEquals(0f, none.variance()[s][0], 1e-12f);
    }
  }

  @Test
  void earlyStoppingOnASoftmaxClassifierRestoresTheBestEpoch() {
    Dataset all = labelled(300, 40, 10, 6);
    Dataset.Splits splits = all.split(0.5, 0.1, 1);
    Model model = new TestNets_WideSoftmaxNet(3);
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(2)
        .restoreBestWeights(true);
    Trainer trainer = new Trainer(model, new Adam(0.1f)).epochs(300).batchSize(5).seed(1)
        .metrics(Metrics.ACCURACY).validationData(splits.validation()).listeners(stopping)
        .quiet();
    History history = trainer.fit(splits.train());
    assertTrue(history.epochs() < 300, "40-input softmax on 150 samples overfits: "
        + history.epochs());
    assertEquals(stopping.bestEpoch() + 2, history.epochs());
    assertEquals(history.get("val_loss", stopping.bestEpoch()),
        trainer.evaluate(splits.validation()).loss(), 1e-9);
  }

  /**
   * With batch normalization the best epoch's network includes its running statistics, which
   * inference uses: restoring the parameters alone would evaluate the best epoch's weights with
   * later statistics.
   */
  @Test
  void earlyStoppingRestoresTheRunningStatisticsOfTheBestEpochToo() {
    Dataset all = labelled(300, 6, 3, 8);
    Dataset.Splits splits = all.split(0.5, 0.1, 1);
    Model model = new TestNets_BatchNormBeforeActivationNet(5);
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(3)
        .restoreBestWeights(true);
    Trainer trainer = new Trainer(model, new Adam(0.05f)).epochs(60).batchSize(5).seed(2)
        .validationData(splits.validation()).listeners(stopping).quiet();
    History history = trainer.fit(splits.train());
    assertTrue(stopping.bestEpoch() < history.epochs(),
        "the best epoch " + stopping.bestEpoch() + " is the last, " + history.epochs());
    assertEquals(history.get("val_loss", stopping.bestEpoch()),
        trainer.evaluate(splits.validation()).loss(), 1e-9);
  }

  @Test
  void crossValidationOfTheCirclesNetwork() {
    CrossValidation.Result result = CrossValidation.run(circles(3), 5, 1,
        fold -> CirclesDemo.trainer(fold, 100));
    assertEquals(5, result.evaluations().size());
    assertTrue(result.mean("accuracy") >= 0.85, result.toString());
  }

  @Test
  void baggedCirclesNetworksAverageTheirMembers() {
    Dataset data = circles(4);
    Ensemble ensemble = Bagging.train(data, 5, 2, member -> CirclesDemo.trainer(member, 60));
    float[][] x = data.features();
    float[][] mean = new float[x.length][1];
    ensemble.predict(x, x.length, mean);
    int correct = 0;
    for (int i = 0; i < x.length; i++) {
      float sum = 0;
      for (Model member : ensemble.members()) {
        sum += member.predict(x[i])[0];
      }
      assertEquals(sum / 5, mean[i][0], 1e-6f);
      correct += (mean[i][0] >= 0.5f) == (data.targets(i)[0] >= 0.5f) ? 1 : 0;
    }
    assertTrue(correct >= 90, "ensemble accuracy " + correct + "%");
    assertNotEquals(ensemble.members().get(0).predict(x[0])[0],
        ensemble.members().get(1).predict(x[0])[0]);
    assertFalse(ensemble.members().get(0) == ensemble.members().get(1));
  }
}
