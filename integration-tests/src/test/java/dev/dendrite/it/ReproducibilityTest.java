package dev.dendrite.it;

import static dev.dendrite.it.TrainingFixture.assertSameBits;
import static dev.dendrite.it.TrainingFixture.bits;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dendrite.Model;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.Sgd;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same seed and data give bit-identical weights after training, dropout included. */
class ReproducibilityTest {

  private static Model trainWithAdam(long seed, long shuffleSeed) {
    Model net = new PersistenceNets_ClassifierNet(seed);
    new TrainingFixture(12, 4, 7, shuffleSeed).train(net, new Adam(0.01f), 0, 5);
    return net;
  }

  @Test
  void sameSeedAndDataGiveTheSameBits() {
    assertSameBits(trainWithAdam(42, 3), trainWithAdam(42, 3));
    Model a = new PersistenceNets_ClassifierNet(5);
    Model b = new PersistenceNets_ClassifierNet(5);
    new TrainingFixture(12, 4, 1, 2).train(a, Sgd.withNesterov(0.05f, 0.9f), 0, 4);
    new TrainingFixture(12, 4, 1, 2).train(b, Sgd.withNesterov(0.05f, 0.9f), 0, 4);
    assertSameBits(a, b);
  }

  @Test
  void anotherSeedOrShuffleGivesOtherWeights() {
    int[][] reference = bits(trainWithAdam(42, 3));
    assertFalse(Arrays.deepEquals(reference, bits(trainWithAdam(43, 3))), "network seed");
    assertFalse(Arrays.deepEquals(reference, bits(trainWithAdam(42, 4))), "shuffle seed");
  }
}
