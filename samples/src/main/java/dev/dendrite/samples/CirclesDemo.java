package dev.dendrite.samples;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Sgd;
import dev.dendrite.train.Evaluation;
import dev.dendrite.train.History;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.TrainingListener;
import dev.dendrite.train.ui.DecisionBoundary;
import dev.dendrite.train.ui.TrainingCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The course's two concentric circles: 100 points, noise 0.15, inner radius 0.3; a 2-20-1
 * network trained with SGD in batches of 10 for 100 epochs. It writes the training curves and the
 * decision boundary, the regions of the plane the network assigns to each circle with the points
 * on top, as PNGs into {@code target/circles}.
 */
public final class CirclesDemo {

  /** The learning rate of plain SGD. */
  public static final float LEARNING_RATE = 0.1f;
  /** The batch size. */
  public static final int BATCH_SIZE = 10;

  private CirclesDemo() {}

  /** The points and labels of {@code data} as a dataset. */
  public static Dataset dataset(TwoCircles data) {
    return Dataset.of(data.points(), data.labels());
  }

  /** A trainer of a network drawn from {@code seed}, as the course sets it up. */
  public static Trainer trainer(long seed, int epochs) {
    return new Trainer(new CirclesNet(seed), Sgd.plain(LEARNING_RATE))
        .epochs(epochs)
        .batchSize(BATCH_SIZE)
        .seed(seed)
        .metrics(Metrics.ACCURACY)
        .quiet();
  }

  /** Trains a seeded network on {@code data} and returns it. */
  public static CirclesNet train(TwoCircles data, long seed, int epochs, boolean print) {
    Trainer trainer = trainer(seed, epochs);
    if (print) {
      trainer.listeners(new EveryTenthEpoch());
    }
    trainer.fit(dataset(data));
    return (CirclesNet) trainer.model();
  }

  /** The fraction of points classified correctly by {@code model}. */
  public static double accuracy(Model model, TwoCircles data) {
    return Evaluation.of(model, dataset(data), Metrics.ACCURACY).get("accuracy");
  }

  /** Prints the loss and accuracy of the first epoch and of every tenth. */
  static final class EveryTenthEpoch implements TrainingListener {
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      if (epoch % 10 == 0 || epoch == 1) {
        System.out.printf("epoch %3d  loss %.4f  accuracy %.2f%n", epoch, logs.get("loss"),
            logs.get("accuracy"));
      }
    }
  }

  /** Runs the sample, writing its PNGs into {@code target/circles}. */
  public static void main(String[] args) throws IOException {
    TwoCircles data = TwoCircles.generate(100, 0.15, 0.3, 42);
    Trainer trainer = trainer(7, 100).listeners(new EveryTenthEpoch());
    History history = trainer.fit(dataset(data));
    System.out.println(trainer.model().summary());
    Evaluation evaluation = trainer.evaluate(dataset(data));
    System.out.printf("training accuracy %.2f%n", evaluation.get("accuracy"));
    System.out.print(evaluation.confusion());
    List<Path> files = writePlots(trainer.model(), history, data, SampleFiles.folder("circles"));
    System.out.println("written: " + files.get(0));
    System.out.println("         " + files.get(1));
  }

  /** Writes the training curves and the decision boundary into {@code folder}. */
  static List<Path> writePlots(Model model, History history, TwoCircles data, Path folder)
      throws IOException {
    Path curves = folder.resolve("training-curves.png");
    TrainingCurves.writePng(history, curves);
    Path boundary = folder.resolve("decision-boundary.png");
    DecisionBoundary.writePng(model, dataset(data), boundary);
    return List.of(curves, boundary);
  }
}
