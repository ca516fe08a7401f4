package dev.dendrite.samples;

import dev.dendrite.optim.Sgd;

/**
 * The course's two concentric circles: 100 points, noise 0.15, inner radius 0.3; a 2-20-1
 * network trained with SGD in batches of 10 for 100 epochs.
 */
public final class CirclesDemo {

  /** The learning rate of plain SGD. */
  public static final float LEARNING_RATE = 0.1f;

  private CirclesDemo() {}

  /** Trains a seeded network on {@code data} and returns it. */
  public static CirclesNet train(TwoCircles data, long seed, int epochs, boolean print) {
    CirclesNet net = new CirclesNet(seed);
    Sgd sgd = Sgd.plain(LEARNING_RATE);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      float loss = MiniBatchTraining.epoch(net, sgd, data.points(), data.labels(), 10);
      if (print && (epoch % 10 == 0 || epoch == 1)) {
        System.out.printf("epoch %3d  loss %.4f  accuracy %.2f%n", epoch, loss,
            MiniBatchTraining.binaryAccuracy(net, data.points(), data.labels()));
      }
    }
    return net;
  }

  /** Runs the sample. */
  public static void main(String[] args) {
    TwoCircles data = TwoCircles.generate(100, 0.15, 0.3, 42);
    CirclesNet net = train(data, 7, 100, true);
    System.out.println(net.summary());
    System.out.printf("training accuracy %.2f%n",
        MiniBatchTraining.binaryAccuracy(net, data.points(), data.labels()));
  }
}
