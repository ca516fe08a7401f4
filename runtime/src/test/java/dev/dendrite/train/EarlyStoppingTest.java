package dev.dendrite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.optim.Sgd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  private static TrainingContext context(TinyNet net, String... names) {
    return new TrainingContext(net, Sgd.plain(0.1f), 100, 10, 100, 20, List.of(names));
  }

  /** Feeds {@code values} as one epoch each until a stop; returns the epoch it stopped at. */
  private static int run(EarlyStopping stopping, TrainingContext context, String name,
      double... values) {
    stopping.onTrainBegin(context);
    for (int e = 0; e < values.length; e++) {
      stopping.onEpochEnd(e + 1, Map.of(name, values[e]));
      if (context.isStopRequested()) {
        return e + 1;
      }
    }
    return 0;
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovementBeyondMinDelta() {
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(2).minDelta(0.005);
    TrainingContext context = context(TinyNet.classifier(1), "loss", "val_loss");
    // Epoch 4 improves on 0.80 by more than 0.005; epoch 5 (0.787) not by enough on 0.79.
    int stopped = run(stopping, context, "val_loss", 1.0, 0.8, 0.81, 0.79, 0.787, 0.8, 0.5);
    assertEquals(6, stopped);
    assertEquals(6, stopping.stoppedEpoch());
    assertEquals(4, stopping.bestEpoch());
    assertEquals(0.79, stopping.bestValue());
  }

  @Test
  void keepsGoingWhileItImproves() {
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(1);
    TrainingContext context = context(TinyNet.classifier(1), "val_loss");
    assertEquals(0, run(stopping, context, "val_loss", 5, 4, 3, 2, 1));
    assertEquals(0, stopping.stoppedEpoch());
    assertEquals(5, stopping.bestEpoch());
  }

  @Test
  void patienceZeroStopsAtTheFirstEpochWithoutImprovement() {
    EarlyStopping stopping = EarlyStopping.monitor("loss");
    assertEquals(3, run(stopping, context(TinyNet.classifier(1), "loss"), "loss", 3, 2, 2.5));
  }

  @Test
  void accuracyIsMaximised() {
    EarlyStopping stopping = EarlyStopping.monitor("val_accuracy").patience(2);
    TrainingContext context = context(TinyNet.classifier(1), "val_accuracy");
    assertEquals(5, run(stopping, context, "val_accuracy", 0.5, 0.7, 0.9, 0.85, 0.9, 0.99));
    assertEquals(3, stopping.bestEpoch());
    EarlyStopping inverted = EarlyStopping.monitor("val_accuracy").patience(2)
        .higherIsBetter(false);
    assertEquals(3, run(inverted, context(TinyNet.classifier(1), "val_accuracy"),
        "val_accuracy", 0.5, 0.7, 0.9));
  }

  @Test
  void aNaNNeverImproves() {
    EarlyStopping stopping = EarlyStopping.monitor("loss").patience(2);
    assertEquals(3, run(stopping, context(TinyNet.classifier(1), "loss"), "loss",
        1.0, Double.NaN, Double.NaN));
  }

  @Test
  void restoresTheWeightsOfTheBestEpoch() {
    TinyNet net = TinyNet.classifier(1);
    TrainingContext context = context(net, "val_loss");
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(2)
        .restoreBestWeights(true);
    stopping.onTrainBegin(context);
    net.w1[0][0] = 1f;
    stopping.onEpochEnd(1, Map.of("val_loss", 0.9));
    net.w1[0][0] = 2f;
    stopping.onEpochEnd(2, Map.of("val_loss", 0.5));
    net.w1[0][0] = 3f;
    stopping.onEpochEnd(3, Map.of("val_loss", 0.6));
    net.w1[0][0] = 4f;
    stopping.onEpochEnd(4, Map.of("val_loss", 0.7));
    assertTrue(context.isStopRequested());
    stopping.onTrainEnd(null);
    assertEquals(2f, net.w1[0][0], "the weights after epoch 2");
  }

  @Test
  void withoutRestoringTheLastWeightsStay() {
    TinyNet net = TinyNet.classifier(1);
    TrainingContext context = context(net, "val_loss");
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(1);
    stopping.onTrainBegin(context);
    stopping.onEpochEnd(1, Map.of("val_loss", 0.5));
    net.w1[0][0] = 7f;
    stopping.onEpochEnd(2, Map.of("val_loss", 0.6));
    stopping.onTrainEnd(null);
    assertEquals(7f, net.w1[0][0]);
  }

  @Test
  void inFitItStopsTrainingAndRestores() {
    // Validation labels are the opposite of the training labels, so learning makes the
    // validation loss worse from the first epoch on.
    dev.dendrite.data.Dataset train = TrainerTest.blobs(40, 3);
    float[][] flipped = new float[40][1];
    for (int i = 0; i < 40; i++) {
      flipped[i][0] = 1 - train.targets(i)[0];
    }
    dev.dendrite.data.Dataset validation =
        dev.dendrite.data.Dataset.of(train.features(), flipped);
    TinyNet net = TinyNet.classifier(1);
    EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(3)
        .restoreBestWeights(true);
    Trainer trainer = new Trainer(net, Sgd.plain(0.5f)).epochs(200).batchSize(4).seed(2)
        .validationData(validation).listeners(stopping).quiet();
    History history = trainer.fit(train);
    assertEquals(4, history.epochs(), history.toString());
    assertEquals(4, stopping.stoppedEpoch());
    assertEquals(1, stopping.bestEpoch());
    assertEquals(1, history.bestEpoch("val_loss"));
    double restored = trainer.evaluate(validation).loss();
    assertEquals(history.get("val_loss", 1), restored, 1e-12);
    assertTrue(restored < history.last("val_loss"));
  }

  @Test
  void aMonitoredNameThatIsNotLoggedFailsAtTheStart() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(TinyNet.classifier(1), Sgd.plain(0.1f)).quiet()
            .listeners(EarlyStopping.onValidationLoss()).fit(TrainerTest.blobs(10, 1)));
    assertTrue(e.getMessage().contains("give validation data or a validation split"),
        e.getMessage());
    assertFalse(e.getMessage().isEmpty());
  }
}
