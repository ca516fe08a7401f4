package dev.dendrite.samples;

import dev.dendrite.optim.Sgd;

/** Trains {@link Xor} on the four XOR cases and prints the loss and the predictions. */
public final class XorDemo {

  static final float[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] TARGETS = {{0}, {1}, {1}, {0}};

  private XorDemo() {}

  /** Trains a seeded XOR network and returns it. */
  public static XorNet train(long seed, int epochs, boolean print) {
    XorNet net = new XorNet(seed);
    Sgd sgd = Sgd.withMomentum(0.5f, 0.9f);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      float loss = MiniBatchTraining.epoch(net, sgd, INPUTS, TARGETS, INPUTS.length);
      if (print && (epoch % 100 == 0 || epoch == 1)) {
        System.out.printf("epoch %4d  loss %.5f%n", epoch, loss);
      }
    }
    return net;
  }

  /** Runs the sample. */
  public static void main(String[] args) {
    XorNet net = train(1, 500, true);
    for (float[] input : INPUTS) {
      System.out.printf("%s -> %.4f%n", java.util.Arrays.toString(input), net.predict(input)[0]);
    }
    System.out.printf("accuracy %.2f%n",
        MiniBatchTraining.binaryAccuracy(net, INPUTS, TARGETS));
  }
}
