package dev.dendrite.optim;

import dev.dendrite.Tensor;
import dev.dendrite.parallel.Workers;
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
 *
 * <p>State that decays (a velocity, a running mean, a moment estimate: multiplied by a rate below
 * 1 at every step) is kept out of float's subnormal range, below {@link Float#MIN_NORMAL}. A value
 * whose gradient stays 0, as for the weights of a unit that never fires or of an input that is
 * always 0, decays towards 0 but gets stuck on the way: for a rate above one half, the rate times
 * a subnormal of a few units rounds back to the same subnormal, for ever. Arithmetic on
 * subnormals is much slower on many CPUs (Java cannot switch on the CPU's flush-to-zero mode),
 * and a network with dead units can then spend most of its training step in the optimizer. So
 * every {@link #flushInterval} steps each state value of magnitude below {@link #FLUSH_BELOW} is
 * set to 0: between two such passes a value that only decays shrinks by at most 2<sup>-20</sup>
 * and stays normal. A state value that small moves no parameter by a visible amount, and the
 * pass leaves every larger value as it is.
 */
abstract class AbstractOptimizer implements Optimizer {

  /**
   * State values of smaller magnitude, 2<sup>-100</sup>, are set to 0 every {@link
   * #flushInterval} steps; the smallest normal float is 2<sup>-126</sup>.
   */
  static final float FLUSH_BELOW = 0x1p-100f;

  /** The longest interval between two passes that set tiny state values to 0. */
  static final int MAX_FLUSH_INTERVAL = 128;

  private final int slotCount;
  /** Steps between two passes that set tiny state values to 0; 0 for none. */
  private final int flushInterval;
  private float learningRate;
  private int iterations;

  /** A part of a step split over threads: {@link #updateRows}. */
  private final Workers.Task updateTask = this::updateRows;

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

  /** An optimizer whose state, if any, does not decay. */
  AbstractOptimizer(float learningRate, int slotCount) {
    this(learningRate, slotCount, 0f);
  }

  /**
   * An optimizer whose state decays: {@code decay} is the smallest positive rate in [0, 1) that
   * multiplies a state value at a step where its gradient is 0; 0 if no state decays.
   */
  AbstractOptimizer(float learningRate, int slotCount, float decay) {
    this.learningRate = checkLearningRate(learningRate);
    this.slotCount = slotCount;
    this.flushInterval = flushInterval(decay);
  }

  /**
   * The number of steps in which state decaying at {@code decay} per step shrinks by at most
   * 2<sup>-20</sup>, at most {@link #MAX_FLUSH_INTERVAL} and at least 1: 128 for the usual rates
   * of 0.9 and above. 0, no flushing, for a rate of 0: such state does not carry over from step to
   * step.
   */
  static int flushInterval(float decay) {
    if (!(decay > 0f)) {
      return 0;
    }
    double steps = Math.floor(20 * Math.log(2) / -Math.log(decay));
    return (int) Math.max(1, Math.min(MAX_FLUSH_INTERVAL, steps));
  }

  /** Steps between two passes that set state values below {@link #FLUSH_BELOW} to 0; 0 for none. */
  final int flushInterval() {
    return flushInterval;
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
    updateRows(0, 1);
    endStep();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every tensor is checked, and the step's constants computed, on the calling thread before
   * the parts start; a rejected step leaves the values, the state and the step count as they
   * were.
   */
  @Override
  public final void step(List<Tensor> parameters, Workers workers) {
    if (!isChecked(parameters)) {
      bind(parameters);
    }
    beginStep(iterations + 1);
    workers.run(updateTask);
    endStep();
  }

  /**
   * Part {@code part} of {@code parts} of the step's updates: rows {@code [Workers.start(rows,
   * part, parts), Workers.start(rows, part + 1, parts))} of every tensor.
   */
  private void updateRows(int part, int parts) {
    Tensor[] tensors = checked;
    for (int t = 0; t < tensors.length; t++) {
      Tensor tensor = tensors[t];
      float[][] values = tensor.values();
      update(t, values, tensor.gradients(), Workers.start(values.length, part, parts),
          Workers.start(values.length, part + 1, parts));
    }
  }

  /** Counts the step and, every {@link #flushInterval()} steps, flushes tiny state to zero. */
  private void endStep() {
    iterations++;
    if (flushInterval > 0 && iterations % flushInterval == 0) {
      flushTinyState();
    }
  }

  /** Sets every state value of magnitude below {@link #FLUSH_BELOW} to 0. */
  private void flushTinyState() {
    for (float[][][] slot : slots) {
      for (float[][] tensor : slot) {
        for (float[] row : tensor) {
          for (int j = 0; j < row.length; j++) {
            float x = row[j];
            if (x != 0f && Math.abs(x) < FLUSH_BELOW) {
              row[j] = 0f;
            }
          }
        }
      }
    }
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
   * Updates rows {@code from..to-1} of the values of tensor number {@code index} from its
   * gradients. Every row of values, gradients and slots of the tensor has been checked to have
   * the same length. Each value's update depends on that value, its gradient and its state alone,
   * so that parts of a step may run on several threads at once.
   */
  abstract void update(int index, float[][] values, float[][] gradients, int from, int to);

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
