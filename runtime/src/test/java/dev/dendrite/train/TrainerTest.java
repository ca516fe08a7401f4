package dev.dendrite.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Tensor;
import dev.dendrite.annotation.Loss;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.GradientClipping;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.optim.Sgd;
import dev.dendrite.random.Rng;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {

  /** Two Gaussian blobs around (-1, -1) (label 0) and (1, 1) (label 1), interleaved. */
  static Dataset blobs(int n, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = new float[n][2];
    float[][] y = new float[n][1];
    for (int i = 0; i < n; i++) {
      int label = i % 2;
      float center = label == 1 ? 1f : -1f;
      x[i][0] = center + 0.4f * (float) rng.nextGaussian();
      x[i][1] = center + 0.4f * (float) rng.nextGaussian();
      y[i][0] = label;
    }
    return Dataset.of(x, y);
  }

  static float[][][] weights(TinyNet net) {
    float[][][] copy = new float[4][][];
    List<Tensor> params = net.parameters();
    for (int t = 0; t < 4; t++) {
      float[][] v = params.get(t).values();
      copy[t] = new float[v.length][];
      for (int r = 0; r < v.length; r++) {
        copy[t][r] = v[r].clone();
      }
    }
    return copy;
  }

  @Test
  void fitLearnsAndRecordsEveryEpoch() {
    Dataset data = blobs(200, 1);
    Trainer trainer = new Trainer(TinyNet.classifier(3), Sgd.plain(0.5f))
        .epochs(15).batchSize(16).seed(5).metrics(Metrics.ACCURACY, Metrics.MSE)
        .validationSplit(0.25).quiet();
    History history = trainer.fit(data);
    assertEquals(15, history.epochs());
    assertEquals(List.of("loss", "accuracy", "mse", "val_loss", "val_accuracy", "val_mse", "lr"),
        history.names());
    assertTrue(history.get("loss", 15) < history.get("loss", 1) / 2, history.toString());
    assertTrue(history.last("val_accuracy") >= 0.95, history.toString());
    assertEquals(0.5, history.last("lr"), 1e-7);
  }

  @Test
  void validationSplitHoldsOutTheLastSamplesAndMatchesEvaluate() {
    Dataset data = blobs(100, 2);
    Trainer trainer = new Trainer(TinyNet.classifier(3), new Adam(0.01f))
        .epochs(3).batchSize(7).metrics(Metrics.ACCURACY).validationSplit(0.2).quiet();
    List<Integer> sizes = new ArrayList<>();
    trainer.listeners(new TrainingListener() {
      @Override
      public void onTrainBegin(TrainingContext context) {
        sizes.add(context.trainingSamples());
        sizes.add(context.validationSamples());
        sizes.add(context.batchesPerEpoch());
      }
    });
    History history = trainer.fit(data);
    assertEquals(List.of(80, 20, 12), sizes);
    Evaluation tail = trainer.evaluate(data.range(80, 100));
    assertEquals(history.last("val_loss"), tail.loss(), 1e-12);
    assertEquals(history.last("val_accuracy"), tail.get("accuracy"), 1e-12);
  }

  @Test
  void theSameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
    Dataset data = blobs(64, 4);
    float[][][][] runs = new float[3][][][];
    long[] seeds = {11, 11, 12};
    for (int r = 0; r < 3; r++) {
      TinyNet net = TinyNet.classifier(9);
      new Trainer(net, Sgd.withMomentum(0.1f, 0.9f)).epochs(5).batchSize(8).seed(seeds[r])
          .quiet().fit(data);
      runs[r] = weights(net);
    }
    for (int t = 0; t < 4; t++) {
      assertArrayEquals(runs[0][t], runs[1][t]);
    }
    assertFalse(java.util.Arrays.deepEquals(runs[0], runs[2]), "another shuffle, other weights");
  }

  @Test
  void aRunResumedFromItsStateEndsWithTheSameWeights() {
    Dataset data = blobs(48, 6);
    TinyNet whole = TinyNet.classifier(4);
    new Trainer(whole, new Adam(0.05f)).epochs(6).batchSize(5).seed(8).quiet().fit(data);

    // Three epochs, then everything a checkpoint holds, then three more in new objects.
    TinyNet first = TinyNet.classifier(4);
    Adam adam = new Adam(0.05f);
    long[] shuffleState = new long[1];
    new Trainer(first, adam).epochs(3).batchSize(5).seed(8).quiet()
        .listeners(new TrainingListener() {
          TrainingContext context;

          @Override
          public void onTrainBegin(TrainingContext context) {
            this.context = context;
          }

          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            shuffleState[0] = context.shuffleState();
          }
        })
        .fit(data);
    TinyNet resumed = TinyNet.classifier(99);
    Adam restored = new Adam(0.05f);
    restored.bind(resumed.parameters());
    for (int t = 0; t < 4; t++) {
      float[][] values = first.parameters().get(t).values();
      for (int r = 0; r < values.length; r++) {
        System.arraycopy(values[r], 0, resumed.parameters().get(t).values()[r], 0,
            values[r].length);
        for (int k = 0; k < 2; k++) {
          System.arraycopy(adam.state(k, t)[r], 0, restored.state(k, t)[r], 0, values[r].length);
        }
      }
    }
    restored.setIterations(adam.iterations());
    History rest = new Trainer(resumed, restored).epochs(6).initialEpoch(3).batchSize(5)
        .seed(shuffleState[0]).quiet().fit(data);
    assertEquals(3, rest.epochs());
    for (int t = 0; t < 4; t++) {
      assertArrayEquals(whole.parameters().get(t).values(), resumed.parameters().get(t).values(),
          whole.parameters().get(t).name());
    }
  }

  @Test
  void aNaNInOneInputRowStopsWithEpochBatchLayerAndSample() {
    Dataset clean = blobs(40, 5);
    float[][] x = clean.features();
    x[9] = new float[] {0.5f, Float.NaN};
    Dataset data = Dataset.of(x, clean.targets());
    TinyNet net = TinyNet.classifier(1);
    float[][][] before = weights(net);
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> new Trainer(net, Sgd.plain(0.1f)).epochs(3).batchSize(4).shuffle(false).quiet()
            .fit(data));
    assertEquals(1, e.epoch());
    assertEquals(3, e.batch(), "row 9 is in the third batch of 4");
    assertEquals("hidden", e.layer());
    assertEquals("hidden.weight", e.tensor());
    assertArrayEquals(new int[] {9}, e.badSamples());
    assertTrue(e.getMessage().contains("epoch 1, batch 3: the loss is NaN"), e.getMessage());
    assertTrue(e.getMessage().contains("the first non-finite value is in layer 'hidden' (gradients of"
        + " hidden.weight)"), e.getMessage());
    assertTrue(e.getMessage().contains("non-finite features or targets: [9]"), e.getMessage());
    for (int t = 0; t < 4; t++) {
      for (int r = 0; r < before[t].length; r++) {
        for (float v : net.parameters().get(t).values()[r]) {
          assertTrue(Float.isFinite(v), "the failing step was not applied");
        }
      }
    }
  }

  @Test
  void listenersHearOfAFailure() {
    Dataset clean = blobs(8, 5);
    float[][] x = clean.features();
    x[2] = new float[] {Float.NaN, 0f};
    List<String> heard = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onTrainFailure(RuntimeException failure) {
        heard.add(failure.getClass().getSimpleName());
        throw new IllegalStateException("cleanup failed too");
      }

      @Override
      public void onTrainEnd(History history) {
        heard.add("end");
      }
    };
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).quiet().listeners(listener)
            .fit(Dataset.of(x, clean.targets())));
    assertEquals(List.of("NonFiniteException"), heard);
    assertEquals("cleanup failed too", e.getSuppressed()[0].getMessage());
  }

  @Test
  void earlyStoppingFollowsACustomMetricsDirection() {
    Metric higherIsBetter = new Metric() {
      @Override
      public String name() {
        return "score";
      }

      @Override
      public boolean higherIsBetter() {
        return true;
      }

      @Override
      public Accumulator accumulator(dev.dendrite.ModelDescription model) {
        return Metrics.MAE.accumulator(model);
      }
    };
    TrainingContext context = new TrainingContext(TinyNet.classifier(1), Sgd.plain(0.1f), 3, 1,
        1, 1, List.of("score", "val_score"), List.of(higherIsBetter), new Metric.Accumulator[0],
        new Rng(0));
    assertTrue(context.higherIsBetter("val_score"));
    assertTrue(context.higherIsBetter("val_accuracy"));
    assertFalse(context.higherIsBetter("val_loss"));
  }

  @Test
  void aNaNFoundAfterShufflingNamesTheShuffledBatch() {
    Dataset clean = blobs(40, 5);
    float[][] y = clean.targets();
    y[17] = new float[] {Float.POSITIVE_INFINITY};
    Dataset data = Dataset.of(clean.features(), y);
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).epochs(2).batchSize(4)
            .seed(3).quiet().fit(data));
    int[] order = Dataset.permutation(40, new Rng(3));
    int position = 0;
    while (order[position] != 17) {
      position++;
    }
    assertEquals(position / 4 + 1, e.batch());
    assertArrayEquals(new int[] {17}, e.badSamples());
    assertEquals("out", e.layer(), "an infinite target reaches the output layer's gradients");
  }

  @Test
  void aNonFiniteWeightIsNamedByItsLayer() {
    TinyNet net = TinyNet.classifier(1);
    net.w2[3][0] = Float.NaN;
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> new Trainer(net, Sgd.plain(0.1f)).batchSize(8).quiet().fit(blobs(16, 1)));
    assertEquals("out", e.layer());
    assertEquals("out.weight", e.tensor());
    assertEquals(0, e.badSamples().length);
    assertTrue(e.getMessage().contains("(values of out.weight)"), e.getMessage());
  }

  @Test
  void listenersSeeEveryEpochAndBatchAndCanStop() {
    List<String> calls = new ArrayList<>();
    TrainingListener recorder = new TrainingListener() {
      TrainingContext context;

      @Override
      public void onTrainBegin(TrainingContext context) {
        this.context = context;
        calls.add("begin " + context.epochs() + " " + context.batchesPerEpoch());
      }

      @Override
      public void onEpochBegin(int epoch) {
        calls.add("epoch " + epoch);
      }

      @Override
      public void onBatchEnd(int epoch, int batch, int samplesDone, float loss) {
        calls.add(epoch + "." + batch + " " + samplesDone);
      }

      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        calls.add("end " + epoch + " " + logs.keySet());
        if (epoch == 2) {
          context.requestStop();
        }
      }

      @Override
      public void onTrainEnd(History history) {
        calls.add("done " + history.epochs());
      }
    };
    new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).epochs(10).batchSize(4).quiet()
        .listeners(recorder).fit(blobs(10, 1));
    assertEquals(List.of("begin 10 3", "epoch 1", "1.1 4", "1.2 8", "1.3 10",
        "end 1 [loss, lr]", "epoch 2", "2.1 4", "2.2 8", "2.3 10", "end 2 [loss, lr]", "done 2"),
        calls);
  }

  @Test
  void aWarmTrainingStepAllocatesNothing() {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean)
        java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int epochs = 60;
    int batches = 16;
    long[] allocated = new long[epochs * batches];
    TrainingListener meter = new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, int samplesDone, float loss) {
        allocated[(epoch - 1) * batches + batch - 1] = bean.getThreadAllocatedBytes(thread);
      }
    };
    new Trainer(new TinyNet(2, 16, 1, Loss.BINARY_CROSS_ENTROPY, 1), new Adam(0.01f))
        .epochs(epochs).batchSize(8).metrics(Metrics.ACCURACY, Metrics.MAE)
        .clipping(GradientClipping.byGlobalNorm(1f)).quiet().listeners(meter)
        .fit(blobs(batches * 8, 2));
    // Each of the last 20 epochs is a round: what its batches 2..16 allocated. A compilation or
    // deoptimization can allocate a few bytes once on this thread; a step that allocates shows in
    // every round. So the fewest bytes of any round must be 0.
    long fewest = Long.MAX_VALUE;
    StringBuilder rounds = new StringBuilder();
    for (int e = epochs - 20; e < epochs; e++) {
      long bytes = allocated[e * batches + batches - 1] - allocated[e * batches];
      fewest = Math.min(fewest, bytes);
      rounds.append(" epoch ").append(e + 1).append(": ").append(bytes);
    }
    assertEquals(0, fewest, "bytes allocated by batches 2-" + batches + " of the last epochs:"
        + rounds);
  }

  @Test
  void theScheduleSetsEachEpochsLearningRate() {
    History history = new Trainer(TinyNet.classifier(1), Sgd.plain(0.4f)).epochs(5).batchSize(8)
        .schedule(LearningRateSchedule.step(2, 0.5f)).quiet().fit(blobs(16, 1));
    assertEquals(List.of(0.4, 0.4, 0.2, 0.2, 0.1), history.get("lr").stream()
        .map(v -> Math.round(v * 1e6) / 1e6).toList());
  }

  @Test
  void clippingBoundsEachStep() {
    Dataset data = blobs(8, 3);
    TinyNet free = TinyNet.classifier(1);
    TinyNet clipped = TinyNet.classifier(1);
    float[][][] start = weights(free);
    new Trainer(free, Sgd.plain(1f)).batchSize(8).quiet().fit(data);
    new Trainer(clipped, Sgd.plain(1f)).batchSize(8).clipping(GradientClipping.byGlobalNorm(1e-3f))
        .quiet().fit(data);
    assertTrue(distance(start, weights(free)) > 1e-2);
    assertEquals(1e-3, distance(start, weights(clipped)), 1e-6,
        "one step of lr 1 moves the weights by exactly the clipped norm");
  }

  private static double distance(float[][][] a, float[][][] b) {
    double sum = 0;
    for (int t = 0; t < a.length; t++) {
      for (int r = 0; r < a[t].length; r++) {
        for (int j = 0; j < a[t][r].length; j++) {
          double d = a[t][r][j] - b[t][r][j];
          sum += d * d;
        }
      }
    }
    return Math.sqrt(sum);
  }

  @Test
  void evaluateGivesLossMetricsAndConfusionMatrix() {
    Dataset data = blobs(60, 7);
    Trainer trainer = new Trainer(TinyNet.classifier(2), Sgd.plain(0.5f)).epochs(10)
        .batchSize(8).metrics(Metrics.ACCURACY).quiet();
    trainer.fit(data);
    Evaluation evaluation = trainer.evaluate(data);
    ConfusionMatrix confusion = evaluation.confusion();
    assertNotNull(confusion);
    assertEquals(60, confusion.total());
    assertEquals(evaluation.get("accuracy"), confusion.accuracy(), 1e-12);
    float[][] predictions = trainer.predict(data.features());
    int correct = 0;
    double loss = 0;
    for (int i = 0; i < 60; i++) {
      float p = predictions[i][0];
      float y = data.targets(i)[0];
      correct += (p >= 0.5f) == (y >= 0.5f) ? 1 : 0;
      loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
      assertArrayEquals(trainer.model().predict(data.features(i)), predictions[i]);
    }
    assertEquals(correct / 60.0, evaluation.get("accuracy"), 1e-12);
    assertEquals(loss / 60, evaluation.loss(), 1e-6);
    assertNull(new Trainer(new TinyNet(2, 3, 1, Loss.MSE, 1), Sgd.plain(0.1f))
        .evaluate(data).confusion(), "no confusion matrix for regression");
  }

  @Test
  void penaltiesEnterTheReportedLosses() {
    Dataset data = blobs(20, 7);
    TinyNet net = TinyNet.classifier(2);
    Trainer trainer = new Trainer(net, Sgd.plain(0.1f)).quiet();
    double plain = trainer.evaluate(data).loss();
    net.l2 = 0.5f;
    assertEquals(plain + net.penaltyLoss(), trainer.evaluate(data).loss(), 1e-6);
    assertTrue(net.penaltyLoss() > 0);
  }

  @Test
  void epochLinesPrintOneLinePerEpoch() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).epochs(3).batchSize(8)
        .metrics(Metrics.ACCURACY).verbosity(Verbosity.EPOCH_LINES)
        .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).fit(blobs(16, 1));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length, String.join("\n", lines));
    assertTrue(lines[2].matches("Epoch 3/3 - \\d+ ms - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"
        + " - lr: 0\\.1000"), lines[2]);
  }

  @Test
  void quietPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).epochs(2).quiet()
        .output(new PrintStream(bytes)).fit(blobs(16, 1));
    assertEquals(0, bytes.size());
  }

  @Test
  void dataThatDoesNotFitIsRejectedWithBothShapes() {
    Dataset wide = Dataset.of(new float[][] {{1, 2, 3}}, new float[][] {{1}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).quiet().fit(wide));
    assertTrue(e.getMessage().contains("training data has 3 features per sample, but Tiny takes"
        + " 2 inputs"), e.getMessage());
    IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).validationSplit(0.1).quiet()
            .fit(blobs(5, 1)));
    assertTrue(split.getMessage().contains("leaves 0 of 5 samples"), split.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).metrics(Metrics.MSE,
            Metrics.MSE));
  }
}
