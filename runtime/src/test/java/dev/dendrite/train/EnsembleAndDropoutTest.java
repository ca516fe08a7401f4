package dev.dendrite.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleAndDropoutTest {

  @Test
  void baggingTrainsMembersOnDifferentSamplesAndAveragesThem() {
    Dataset data = TrainerTest.blobs(60, 2);
    Ensemble ensemble = Bagging.train(data, 4, 11, member ->
        new Trainer(TinyNet.classifier(100), Sgd.plain(0.5f)).epochs(5).batchSize(6).quiet());
    List<Model> members = ensemble.members();
    assertEquals(4, members.size());
    float[] point = {0.2f, -0.1f};
    float sum = 0;
    float[] outputs = new float[4];
    for (int m = 0; m < 4; m++) {
      outputs[m] = members.get(m).predict(point)[0];
      sum += outputs[m];
    }
    assertEquals(sum / 4, ensemble.predict(point)[0], 1e-6f);
    assertFalse(outputs[0] == outputs[1] && outputs[1] == outputs[2],
        "same initial weights, different bootstrap samples: different networks");
    float[][] batch = data.features();
    float[][] out = new float[batch.length][1];
    ensemble.predict(batch, batch.length, out);
    for (int i = 0; i < batch.length; i++) {
      assertArrayEquals(ensemble.predict(batch[i]), out[i], 1e-6f);
    }
    assertThrows(IllegalArgumentException.class, () -> Bagging.train(data, 0, 1, m -> null));
  }

  @Test
  void withoutDropoutEveryPassAgreesAndTheVarianceIsZero() {
    TinyNet net = TinyNet.classifier(3);
    float[][] inputs = {{0.1f, 0.2f}, {-1f, 0.5f}};
    MonteCarloDropout.Prediction p = MonteCarloDropout.predict(net, inputs, 2, 20);
    for (int s = 0; s < 2; s++) {
      assertArrayEquals(net.predict(inputs[s]), p.mean()[s], 1e-6f);
      assertEquals(0f, p.variance()[s][0], 1e-12f);
    }
    assertThrows(IllegalArgumentException.class,
        () -> MonteCarloDropout.predict(net, inputs[0], 0));
  }

  @Test
  void batchNormalizationIsRefused() {
    TinyNet normalized = new TinyNet(2, 3, 1, dev.dendrite.annotation.Loss.MSE, 1) {
      @Override
      public List<dev.dendrite.Layer> layers() {
        return List.of(super.layers().get(0), new dev.dendrite.Layer("norm", "BatchNorm", "",
            new int[] {2}, List.of(), 0, 0), super.layers().get(1), super.layers().get(2));
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MonteCarloDropout.predict(normalized, new float[] {1, 2}, 5));
    assertTrue(e.getMessage().contains("batch normalization layer 'norm'"), e.getMessage());
  }

  @Test
  void confusionMatrixCountsAndRates() {
    ConfusionMatrix m = ConfusionMatrix.of(3, new int[] {0, 0, 1, 1, 1, 2, 2, 2, 2},
        new int[] {0, 1, 1, 1, 0, 2, 2, 2, 0});
    assertEquals(1, m.count(0, 1));
    assertEquals(2, m.count(1, 1));
    assertEquals(9, m.total());
    assertEquals(6 / 9.0, m.accuracy(), 1e-12);
    assertEquals(1 / 3.0, m.precision(0), 1e-12);
    assertEquals(3 / 4.0, m.recall(2), 1e-12);
    String table = m.toString();
    assertTrue(table.contains("accuracy 0.6667 over 9 samples"), table);
    assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(2, new int[] {0}, new int[] {2}));
  }

  @Test
  void metricsFollowTheirDefinitions() {
    TinyNet binary = TinyNet.classifier(1);
    Metric.Accumulator accuracy = Metrics.ACCURACY.accumulator(binary);
    accuracy.add(new float[][] {{0.9f}, {0.2f}, {0.6f}}, new float[][] {{1}, {1}, {0}}, 3);
    assertEquals(1 / 3.0, accuracy.value(), 1e-12);
    accuracy.add(new float[][] {{0.1f}}, new float[][] {{0}}, 1);
    assertEquals(0.5, accuracy.value(), 1e-12);
    accuracy.reset();
    assertTrue(Double.isNaN(accuracy.value()));
    TinyNet multiLabel = new TinyNet(2, 3, 2, dev.dendrite.annotation.Loss.BINARY_CROSS_ENTROPY,
        1);
    Metric.Accumulator perLabel = Metrics.ACCURACY.accumulator(multiLabel);
    perLabel.add(new float[][] {{0.9f, 0.9f}}, new float[][] {{1, 0}}, 1);
    assertEquals(0.5, perLabel.value(), 1e-12, "each label counts");
    TinyNet regression = new TinyNet(2, 3, 2, dev.dendrite.annotation.Loss.MSE, 1);
    Metric.Accumulator argmax = Metrics.ACCURACY.accumulator(regression);
    argmax.add(new float[][] {{0.2f, 0.7f}}, new float[][] {{0, 1}}, 1);
    assertEquals(1.0, argmax.value());
    Metric.Accumulator mse = Metrics.MSE.accumulator(regression);
    Metric.Accumulator mae = Metrics.MAE.accumulator(regression);
    float[][] a = {{1, 2}, {0, -1}};
    float[][] y = {{0, 2}, {2, 0}};
    mse.add(a, y, 2);
    mae.add(a, y, 2);
    assertEquals((1 + 0 + 4 + 1) / 4.0, mse.value(), 1e-12);
    assertEquals((1 + 0 + 2 + 1) / 4.0, mae.value(), 1e-12);
  }
}
