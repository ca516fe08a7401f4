package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.samples.CirclesDemo;
import dev.dendrite.samples.CirclesNet;
import dev.dendrite.samples.TwoCircles;
import dev.dendrite.samples.XorDemo;
import dev.dendrite.samples.XorNet;
import org.junit.jupiter.api.Test;

/** The samples learn what the course says they learn, deterministically. */
class LearningTest {

  @Test
  void xorReachesFullAccuracy() {
    XorNet net = XorDemo.train(1, 500, false);
    assertEquals(1.0, XorDemo.accuracy(net));
  }

  @Test
  void circlesReach95PercentTrainingAccuracy() {
    TwoCircles data = TwoCircles.generate(100, 0.15, 0.3, 42);
    CirclesNet net = CirclesDemo.train(data, 7, 100, false);
    double accuracy = CirclesDemo.accuracy(net, data);
    assertTrue(accuracy >= 0.95, "training accuracy " + accuracy);
  }

  @Test
  void theSameSeedGivesBitIdenticalWeights() {
    TwoCircles data = TwoCircles.generate(100, 0.15, 0.3, 3);
    Model first = CirclesDemo.train(data, 9, 20, false);
    Model second = CirclesDemo.train(data, 9, 20, false);
    for (int t = 0; t < first.parameters().size(); t++) {
      Tensor a = first.parameters().get(t);
      Tensor b = second.parameters().get(t);
      for (int r = 0; r < a.values().length; r++) {
        assertArrayEquals(a.values()[r], b.values()[r], 0f, a.name());
      }
    }
  }
}
