package dev.dendrite.optim;

import dev.dendrite.Tensor;
import java.util.List;

/**
 * What every optimizer shares: the learning rate, the step count, the check that each step sees
 * the tensors of the first one, and per-tensor state ("slots") allocated on the first step.
 *
 * <p>The layout of a tensor (every row of its values and gradients) is checked when a step or
 * {@link #bind} first sees that tensor; later steps given the same tensor objects, in the same
 * order, only compare references, so that a step costs one pass over each tensor and nothing
 * more. Tensors of single-value rows (such as the weights of a wide layer with one unit; a
 * small one keeps them in one row) are reported by {@link #singleColumn} so that an update can
 * run over them as one column instead of one loop per row.
 */
abstract class AbstractOptimizer implements Optimizer {

  private final int slotCount;
  private float learningRate;
  private int iterations;

  /** The number of rows and the row length of each tensor of the first step; null before. */
  private int[] rows;
  private int[] columns;
  /**
   * The tensors whose layout was last checked, in order; a step given these same objects skips
   * the check. Null before the first step.
   */
  private Tensor[] checked;
  /** {@code slots[k][t]}: slot {@code k} of tensor {@code t}, laid out like the tensor. */
  private float[][][][] slots;

  AbstractOptimizer(float learningRate, int slotCount) {
    this.learningRate = checkLearningRate(learningRate);
    this.slotCount = slotCount;
  }

  @Override
  public final float learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(float learningRate) {
    this.learningRate = checkLearningRate(learningRate);
  }

  @Override
  public final int iterations() {
    return iterations;
  }

  @Override
  public final void setIterations(int iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must not be negative, was " + iterations);
    }
    this.iterations = iterations;
  }

  @Override
  public final void bind(List<Tensor> parameters) {
    if (rows == null) {
      allocate(parameters);
    } else {
      checkLayout(parameters);
    }
    remember(parameters);
  }

  @Override
  public final float[][] state(int index, int tensor) {
    if (slots == null) {
      throw new IllegalStateException(
          name() + " is not bound to tensors yet; call bind(parameters) or step first");
    }
    return slots[index][tensor];
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every tensor is checked before any value changes: a rejected step leaves the values, the
   * state and the step count as they were.
   */
  @Override
  public final void step(List<Tensor> parameters) {
    if (!isChecked(parameters)) {
      bind(parameters);
    }
    beginStep(iterations + 1);
    Tensor[] tensors = checked;
    for (int t = 0; t < tensors.length; t++) {
      Tensor tensor = tensors[t];
      update(t, tensor.values(), tensor.gradients());
    }
    iterations++;
  }

  /** Whether {@code parameters} are the tensors whose layout was last checked, in order. */
  private boolean isChecked(List<Tensor> parameters) {
    Tensor[] tensors = checked;
    if (tensors == null || parameters.size() != tensors.length) {
      return false;
    }
    for (int t = 0; t < tensors.length; t++) {
      if (parameters.get(t) != tensors[t]) {
        return false;
      }
    }
    return true;
  }

  /** Records {@code parameters}, just checked, reusing the array once it has the right size. */
  private void remember(List<Tensor> parameters) {
    int count = parameters.size();
    if (checked == null || checked.length != count) {
      checked = new Tensor[count];
    }
    for (int t = 0; t < count; t++) {
      checked[t] = parameters.get(t);
    }
  }

  /**
   * Computes the constants of step {@code t} (1 for the first step) before any tensor is updated.
   */
  void beginStep(int t) {}

  /**
   * Updates the values of tensor number {@code index} from its gradients. Every row of values,
   * gradients and slots of the tensor has been checked to have the same length.
   */
  abstract void update(int index, float[][] values, float[][] gradients);

  /**
   * Whether every row of tensor number {@code index} holds a single value, as the weights of a
   * wide layer with one unit do: such a tensor is best updated as one column, {@code [r][0]} for
   * every row {@code r}, rather than by one inner loop per row.
   */
  final boolean singleColumn(int index) {
    return columns[index] == 1;
  }

  /** Slot {@code slot} of tensor number {@code index}, laid out like the tensor. */
  final float[][] slot(int slot, int index) {
    return slots[slot][index];
  }

  /**
   * Slot {@code slot} of every tensor; null before the first step or if there is no such slot.
   * For tests and inspection.
   */
  final float[][][] slots(int slot) {
    return slots == null || slot >= slots.length ? null : slots[slot];
  }

  private String name() {
    return getClass().getSimpleName();
  }

  private void allocate(List<Tensor> parameters) {
    int count = parameters.size();
    int[] newRows = new int[count];
    int[] newColumns = new int[count];
    for (int t = 0; t < count; t++) {
      Tensor tensor = parameters.get(t);
      float[][] values = tensor.values();
      checkGradientLayout(t, tensor);
      if (values.length == 0) {
        throw new IllegalArgumentException(
            name() + ": tensor " + t + " (" + tensor.name() + ") has no rows");
      }
      newRows[t] = values.length;
      newColumns[t] = values[0].length;
      checkRows(t, tensor, newColumns[t]);
    }
    float[][][][] newSlots = new float[slotCount][count][][];
    for (int k = 0; k < slotCount; k++) {
      for (int t = 0; t < count; t++) {
        newSlots[k][t] = new float[newRows[t]][newColumns[t]];
      }
    }
    rows = newRows;
    columns = newColumns;
    slots = newSlots;
  }

  private void checkLayout(List<Tensor> parameters) {
    int count = parameters.size();
    if (count != rows.length) {
      throw new IllegalArgumentException(String.format(
          "%s was first stepped with %d tensors but now got %d; use one optimizer per model",
          name(), rows.length, count));
    }
    for (int t = 0; t < count; t++) {
      Tensor tensor = parameters.get(t);
      float[][] values = tensor.values();
      if (values.length != rows[t] || values.length == 0 || values[0].length != columns[t]) {
        throw new IllegalArgumentException(String.format(
            "%s: tensor %d (%s) has %d rows of %d values, but the first step had %d rows of %d"
                + " values; use one optimizer per model",
            name(), t, tensor.name(), values.length, values.length == 0 ? 0 : values[0].length,
            rows[t], columns[t]));
      }
      checkGradientLayout(t, tensor);
      checkRows(t, tensor, columns[t]);
    }
  }

  /**
   * Checks that every row of values and gradients has {@code columns} values, so that the update
   * loops can index every array of a row with the same {@code j} up to one bound.
   */
  private void checkRows(int t, Tensor tensor, int columns) {
    float[][] values = tensor.values();
    float[][] gradients = tensor.gradients();
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columns || gradients[r].length != columns) {
        throw new IllegalArgumentException(String.format(
            "%s: row %d of tensor %d (%s) has %d values and %d gradients, expected %d of each",
            name(), r, t, tensor.name(), values[r].length, gradients[r].length, columns));
      }
    }
  }

  private void checkGradientLayout(int t, Tensor tensor) {
    if (tensor.gradients().length != tensor.values().length) {
      throw new IllegalArgumentException(String.format(
          "%s: tensor %d (%s) has %d rows of values but %d rows of gradients",
          name(), t, tensor.name(), tensor.values().length, tensor.gradients().length));
    }
  }

  static float checkLearningRate(float learningRate) {
    if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be positive and finite, was " + learningRate);
    }
    return learningRate;
  }

  /** Checks that {@code value} lies in [0, 1); {@code what} names it in the message. */
  static float checkUnitInterval(String what, float value) {
    if (!(value >= 0f && value < 1f)) {
      throw new IllegalArgumentException(what + " must be in [0, 1), was " + value);
    }
    return value;
  }
}
