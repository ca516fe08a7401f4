package dev.dendrite.samples;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Sgd;
import dev.dendrite.train.Evaluation;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.TrainingListener;
import java.util.Arrays;
import java.util.Map;

/** Trains {@link Xor} on the four XOR cases and prints the loss and the predictions. */
public final class XorDemo {

  static final float[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] TARGETS = {{0}, {1}, {1}, {0}};

  private XorDemo() {}

  /** The four cases. */
  public static Dataset dataset() {
    return Dataset.of(INPUTS, TARGETS);
  }

  /** Trains a seeded XOR network, all four cases in one batch, and returns it. */
  public static XorNet train(long seed, int epochs, boolean print) {
    Trainer trainer = new Trainer(new XorNet(seed), Sgd.withMomentum(0.5f, 0.9f))
        .epochs(epochs)
        .batchSize(INPUTS.length)
        .shuffle(false)
        .quiet();
    if (print) {
      trainer.listeners(new TrainingListener() {
        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
          if (epoch % 100 == 0 || epoch == 1) {
            System.out.printf("epoch %4d  loss %.5f%n", epoch, logs.get("loss"));
          }
        }
      });
    }
    trainer.fit(dataset());
    return (XorNet) trainer.model();
  }

  /** The fraction of the four cases {@code model} gets right. */
  public static double accuracy(Model model) {
    return Evaluation.of(model, dataset(), Metrics.ACCURACY).get("accuracy");
  }

  /** Runs the sample. */
  public static void main(String[] args) {
    XorNet net = train(1, 500, true);
    for (float[] input : INPUTS) {
      System.out.printf("%s -> %.4f%n", Arrays.toString(input), net.predict(input)[0]);
    }
    System.out.printf("accuracy %.2f%n", accuracy(net));
  }
}
