package dev.dendrite.train;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stops training when a monitored number has stopped improving, as Keras' {@code
 * EarlyStopping}.
 *
 * <p>After each epoch it reads the monitored value ({@code val_loss} by default) from the
 * epoch's logs. The value improves when it beats the best so far by more than {@code minDelta}
 * (is below {@code best - minDelta} when lower is better, above {@code best + minDelta} when
 * higher is better; the first epoch always improves). After {@code patience} epochs in a row
 * without improvement it asks the trainer to stop. With {@link #restoreBestWeights(boolean)} it
 * keeps a copy of the weights of the best epoch (its parameters and its {@linkplain Model#buffers()
 * buffers}, such as the running statistics of batch normalization) and puts them back into the
 * network when training ends, whether it stopped early or ran every epoch.
 *
 * <pre>{@code
 * trainer.listeners(EarlyStopping.monitor("val_loss").patience(5).minDelta(1e-4)
 *     .restoreBestWeights(true));
 * }</pre>
 *
 * <p>Whether higher is better follows the metric ({@link Metric#higherIsBetter()}): accuracies
 * are maximised, losses and errors minimised; {@link #higherIsBetter(boolean)} overrides it. An instance holds the state of one
 * run at a time and starts afresh at every {@code fit}.
 */
public final class EarlyStopping implements TrainingListener {

  private final String monitor;
  private int patience;
  private double minDelta;
  private boolean restoreBestWeights;
  private Boolean higherIsBetter;

  private TrainingContext context;
  private ParameterSnapshot best;
  /** The tensors {@link #best} copies: the model's parameters, then its buffers. */
  private List<Tensor> weights;
  private double bestValue;
  private int bestEpoch;
  private int wait;
  private int stoppedEpoch;
  private boolean higher;

  private EarlyStopping(String monitor) {
    this.monitor = monitor;
  }

  /** Early stopping on {@code name}, e.g. {@code val_loss} or {@code val_accuracy}. */
  public static EarlyStopping monitor(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("the monitored name must not be empty");
    }
    return new EarlyStopping(name);
  }

  /** Early stopping on {@code val_loss}. */
  public static EarlyStopping onValidationLoss() {
    return monitor("val_loss");
  }

  /**
   * The number of epochs in a row without improvement after which training stops; 0 (the
   * default) and 1 both stop at the first epoch that does not improve.
   */
  public EarlyStopping patience(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("patience must not be negative, was " + epochs);
    }
    this.patience = epochs;
    return this;
  }

  /** The amount by which the value must beat the best to count as an improvement; 0 default. */
  public EarlyStopping minDelta(double delta) {
    if (!(delta >= 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("minDelta must be finite and at least 0, was " + delta);
    }
    this.minDelta = delta;
    return this;
  }

  /**
   * Whether to put the weights of the best epoch, parameters and buffers, back when training
   * ends; off by default.
   */
  public EarlyStopping restoreBestWeights(boolean restore) {
    this.restoreBestWeights = restore;
    return this;
  }

  /** Overrides whether larger values are better. */
  public EarlyStopping higherIsBetter(boolean higher) {
    this.higherIsBetter = higher;
    return this;
  }

  /** The monitored name. */
  public String monitored() {
    return monitor;
  }

  /** The epoch (from 1) at whose end training was asked to stop; 0 if it was not. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The epoch (from 1) with the best value so far; 0 before the first epoch. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The best value so far; NaN before the first epoch. */
  public double bestValue() {
    return bestValue;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    if (!context.logNames().contains(monitor)) {
      throw new IllegalArgumentException("early stopping monitors '" + monitor + "', but the"
          + " epochs log only " + context.logNames()
          + (monitor.startsWith("val_") ? "; give validation data or a validation split" : ""));
    }
    this.context = context;
    this.higher = higherIsBetter != null ? higherIsBetter : context.higherIsBetter(monitor);
    this.weights = restoreBestWeights ? weights(context.model()) : null;
    this.best = restoreBestWeights ? new ParameterSnapshot(weights) : null;
    this.bestValue = Double.NaN;
    this.bestEpoch = 0;
    this.wait = 0;
    this.stoppedEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double boxed = logs.get(monitor);
    double value = boxed == null ? Double.NaN : boxed;
    if (improves(value)) {
      bestValue = value;
      bestEpoch = epoch;
      wait = 0;
      if (best != null) {
        best.take(weights);
      }
      return;
    }
    wait++;
    if (wait >= patience) {
      stoppedEpoch = epoch;
      context.requestStop();
    }
  }

  private boolean improves(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (bestEpoch == 0) {
      return true;
    }
    return higher ? value > bestValue + minDelta : value < bestValue - minDelta;
  }

  @Override
  public void onTrainEnd(History history) {
    if (best != null && bestEpoch > 0) {
      best.restore(weights);
    }
  }

  /** The parameters and the buffers of {@code model}: what an epoch leaves in the network. */
  private static List<Tensor> weights(Model model) {
    List<Tensor> weights = new ArrayList<>(model.parameters());
    weights.addAll(model.buffers());
    return weights;
  }

  @Override
  public String toString() {
    return "EarlyStopping(" + monitor + ", patience " + patience + ", minDelta " + minDelta
        + (restoreBestWeights ? ", restoring best weights" : "") + ")";
  }
}
