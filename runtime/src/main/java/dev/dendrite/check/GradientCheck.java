package dev.dendrite.check;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares the analytic gradients of a {@link DoubleModel} with central finite differences of its
 * loss.
 *
 * <p>For a batch, the check first runs {@code forward(input, n, true)} and {@code
 * backward(target)} and copies the gradients. Then, for every checked parameter value {@code p},
 * it evaluates the loss {@code L} at {@code p + h} and {@code p - h}, each time restoring the
 * model's {@linkplain DoubleModel#setRandomState random state} to what it was before the analytic
 * pass so that dropout draws the same masks, and computes
 *
 * <pre>{@code numeric = (L(p + h) - L(p - h)) / 2h}</pre>
 *
 * <p>(dividing by the difference of the two perturbed values as actually stored, which is {@code
 * 2h} up to rounding). It compares {@code numeric} with the analytic gradient {@code a} by the
 * relative error
 *
 * <pre>{@code |a - numeric| / max(|a|, |numeric|, floor)}</pre>
 *
 * <p>The floor, {@value #DEFAULT_FLOOR} by default, keeps gradients that are zero or nearly zero
 * from producing large relative errors out of noise: in double precision a central difference with
 * {@code h = 1e-6} carries an absolute error of about {@code 1e-10} (rounding of the loss, about
 * {@code 1e-16} relative, divided by {@code 2h}), which relative to a true gradient of {@code
 * 1e-9} would look like a 10% error. Below the floor the error is in effect absolute.
 *
 * <p>Every value is restored exactly after it is perturbed. When the check ends it repeats the
 * analytic pass, so that the model is left as after it: the same activations and random state, and
 * the analytic gradients in {@link DoubleTensor#gradients()}. The non-trainable tensors ({@link
 * DoubleModel#buffers()}, the running statistics of batch normalization) are restored before that
 * last pass, so that they too have moved by one training pass only. A training pass does not read
 * them, so they have no effect on the losses compared.
 *
 * <p>Activations with kinks (ReLU, leaky ReLU, ELU with {@code alpha != 1}) are not
 * differentiable where a pre-activation is zero; a pre-activation within {@code h} of zero can make
 * a correct gradient look wrong. Small {@code h} and random inputs make this unlikely.
 *
 * <p>Instances are immutable; {@code with...} methods return a changed copy:
 *
 * <pre>{@code
 * GradientCheck.Report report = GradientCheck.defaults()
 *     .withMaxValuesPerTensor(200)
 *     .run(model, input, target, n);
 * assertTrue(report.maxRelativeError() < 1e-6, report::toString);
 * }</pre>
 */
public final class GradientCheck {

  /** The default finite-difference step, {@code 1e-6}. */
  public static final double DEFAULT_STEP = 1e-6;

  /** The default floor of the relative error's denominator, {@code 1e-4}. */
  public static final double DEFAULT_FLOOR = 1e-4;

  private static final GradientCheck DEFAULTS =
      new GradientCheck(DEFAULT_STEP, DEFAULT_FLOOR, Integer.MAX_VALUE, 0L);

  private final double step;
  private final double floor;
  private final int maxValuesPerTensor;
  private final long sampleSeed;

  private GradientCheck(double step, double floor, int maxValuesPerTensor, long sampleSeed) {
    this.step = step;
    this.floor = floor;
    this.maxValuesPerTensor = maxValuesPerTensor;
    this.sampleSeed = sampleSeed;
  }

  /** A check of every value, with step {@value #DEFAULT_STEP} and floor {@value #DEFAULT_FLOOR}. */
  public static GradientCheck defaults() {
    return DEFAULTS;
  }

  /** Checks every value of {@code model} with the default step and floor. */
  public static Report check(DoubleModel model, double[][] input, double[][] target, int n) {
    return DEFAULTS.run(model, input, target, n);
  }

  /** Checks every value of {@code model} with step {@code h} and the default floor. */
  public static Report check(
      DoubleModel model, double[][] input, double[][] target, int n, double h) {
    return DEFAULTS.withStep(h).run(model, input, target, n);
  }

  /**
   * This check with finite-difference step {@code h}.
   *
   * @throws IllegalArgumentException if {@code h} is not positive and finite
   */
  public GradientCheck withStep(double h) {
    if (!(h > 0) || Double.isInfinite(h)) {
      throw new IllegalArgumentException("step h must be positive and finite, was " + h);
    }
    return new GradientCheck(h, floor, maxValuesPerTensor, sampleSeed);
  }

  /**
   * This check with the given floor of the relative error's denominator.
   *
   * @throws IllegalArgumentException if {@code floor} is not positive and finite
   */
  public GradientCheck withFloor(double floor) {
    if (!(floor > 0) || Double.isInfinite(floor)) {
      throw new IllegalArgumentException("floor must be positive and finite, was " + floor);
    }
    return new GradientCheck(step, floor, maxValuesPerTensor, sampleSeed);
  }

  /**
   * This check restricted to at most {@code max} values of each tensor, drawn without repetition
   * from a generator seeded with {@code 0}; for networks too large to check every value (each
   * value costs two forward and backward passes).
   *
   * @throws IllegalArgumentException if {@code max < 1}
   */
  public GradientCheck withMaxValuesPerTensor(int max) {
    return withMaxValuesPerTensor(max, sampleSeed);
  }

  /**
   * This check restricted to at most {@code max} values of each tensor, drawn without repetition
   * from a generator seeded with {@code seed}.
   *
   * @throws IllegalArgumentException if {@code max < 1}
   */
  public GradientCheck withMaxValuesPerTensor(int max, long seed) {
    if (max < 1) {
      throw new IllegalArgumentException("maxValuesPerTensor must be at least 1, was " + max);
    }
    return new GradientCheck(step, floor, max, seed);
  }

  /** The finite-difference step {@code h}. */
  public double step() {
    return step;
  }

  /** The floor of the relative error's denominator. */
  public double floor() {
    return floor;
  }

  /** The most values checked per tensor; {@link Integer#MAX_VALUE} for all. */
  public int maxValuesPerTensor() {
    return maxValuesPerTensor;
  }

  /**
   * Runs the check on the first {@code n} rows of {@code input} and {@code target}.
   *
   * @throws IllegalArgumentException if {@code n} is not positive or exceeds the rows given
   */
  public Report run(DoubleModel model, double[][] input, double[][] target, int n) {
    if (n < 1 || n > input.length || n > target.length) {
      throw new IllegalArgumentException(String.format(
          "n must be in [1, %d] for %d input rows and %d target rows, was %d",
          Math.min(input.length, target.length), input.length, target.length, n));
    }
    long savedState = model.randomState();
    List<double[][]> savedBuffers = new ArrayList<>();
    for (DoubleTensor buffer : model.buffers()) {
      savedBuffers.add(deepCopy(buffer.values()));
    }
    model.forward(input, n, true);
    double loss = model.backward(target);

    List<DoubleTensor> tensors = model.parameters();
    List<double[][]> analytic = new ArrayList<>(tensors.size());
    for (DoubleTensor tensor : tensors) {
      analytic.add(deepCopy(tensor.gradients()));
    }

    List<TensorResult> results = new ArrayList<>(tensors.size());
    for (int t = 0; t < tensors.size(); t++) {
      DoubleTensor tensor = tensors.get(t);
      double[][] values = tensor.values();
      double[][] gradients = analytic.get(t);
      int rowLength = values[0].length;
      int[] indices = chooseIndices(tensor.size(), t);

      int worst = -1;
      double worstError = -1;
      double worstAnalytic = Double.NaN;
      double worstNumeric = Double.NaN;
      for (int index : indices) {
        int row = index / rowLength;
        int column = index % rowLength;
        double original = values[row][column];
        double plus = original + step;
        double minus = original - step;

        values[row][column] = plus;
        double lossPlus = loss(model, input, target, n, savedState);
        values[row][column] = minus;
        double lossMinus = loss(model, input, target, n, savedState);
        values[row][column] = original;

        double numeric = (lossPlus - lossMinus) / (plus - minus);
        double a = gradients[row][column];
        double error = relativeError(a, numeric, floor);
        if (error > worstError) {
          worstError = error;
          worst = index;
          worstAnalytic = a;
          worstNumeric = numeric;
        }
      }
      int[] shape = tensor.shape();
      int last = shape[shape.length - 1];
      results.add(new TensorResult(
          tensor.name(), shape, indices.length, worstError,
          worst / last, worst % last, worstAnalytic, worstNumeric));
    }

    List<DoubleTensor> buffers = model.buffers();
    for (int b = 0; b < buffers.size(); b++) {
      copyInto(savedBuffers.get(b), buffers.get(b).values());
    }
    loss(model, input, target, n, savedState);
    for (int t = 0; t < tensors.size(); t++) {
      double[][] gradients = tensors.get(t).gradients();
      double[][] copy = analytic.get(t);
      for (int r = 0; r < gradients.length; r++) {
        System.arraycopy(copy[r], 0, gradients[r], 0, copy[r].length);
      }
    }
    return new Report(results, loss, step, floor);
  }

  /**
   * The relative error {@code |a - b| / max(|a|, |b|, floor)}; infinite when either is NaN.
   */
  public static double relativeError(double a, double b, double floor) {
    double error = Math.abs(a - b) / Math.max(floor, Math.max(Math.abs(a), Math.abs(b)));
    return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
  }

  private static double loss(
      DoubleModel model, double[][] input, double[][] target, int n, long state) {
    model.setRandomState(state);
    model.forward(input, n, true);
    return model.backward(target);
  }

  /** The flat indices to check in tensor number {@code t}, ascending. */
  private int[] chooseIndices(int size, int t) {
    int[] all = new int[size];
    for (int i = 0; i < size; i++) {
      all[i] = i;
    }
    if (size <= maxValuesPerTensor) {
      return all;
    }
    Rng rng = new Rng(sampleSeed + 0x9E3779B97F4A7C15L * (t + 1));
    int k = maxValuesPerTensor;
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(size - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] chosen = Arrays.copyOf(all, k);
    Arrays.sort(chosen);
    return chosen;
  }

  private static void copyInto(double[][] source, double[][] target) {
    for (int r = 0; r < source.length; r++) {
      System.arraycopy(source[r], 0, target[r], 0, source[r].length);
    }
  }

  private static double[][] deepCopy(double[][] array) {
    double[][] copy = new double[array.length][];
    for (int r = 0; r < array.length; r++) {
      copy[r] = array[r].clone();
    }
    return copy;
  }

  /**
   * The result for one tensor.
   *
   * @param name the tensor's name
   * @param shape the tensor's shape
   * @param valuesChecked how many of its values were checked
   * @param maxRelativeError the largest relative error over the checked values
   * @param worstRow the row of the value with the largest error, the tensor's values taken as
   *     rows of its last dimension
   * @param worstColumn the column of that value, its index in the last dimension
   * @param analytic the analytic gradient of that value
   * @param numeric its finite-difference estimate
   */
  public record TensorResult(
      String name,
      int[] shape,
      int valuesChecked,
      double maxRelativeError,
      int worstRow,
      int worstColumn,
      double analytic,
      double numeric) {

    public TensorResult {
      shape = shape.clone();
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** The index of the worst value in the tensor's shape, e.g. {@code [3, 7]} for a weight. */
    public int[] worstIndex() {
      if (shape.length == 1) {
        return new int[] {worstColumn};
      }
      int[] index = new int[shape.length];
      index[shape.length - 1] = worstColumn;
      int row = worstRow;
      for (int d = shape.length - 2; d >= 0; d--) {
        index[d] = row % shape[d];
        row /= shape[d];
      }
      return index;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TensorResult r
          && name.equals(r.name)
          && Arrays.equals(shape, r.shape)
          && valuesChecked == r.valuesChecked
          && Double.compare(maxRelativeError, r.maxRelativeError) == 0
          && worstRow == r.worstRow
          && worstColumn == r.worstColumn
          && Double.compare(analytic, r.analytic) == 0
          && Double.compare(numeric, r.numeric) == 0;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Double.hashCode(maxRelativeError);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s: max relative error %.3e at %s (analytic %.9e,"
              + " numeric %.9e, %d values checked)",
          name, Arrays.toString(shape), maxRelativeError, Arrays.toString(worstIndex()), analytic,
          numeric, valuesChecked);
    }
  }

  /**
   * The outcome of a gradient check.
   *
   * @param tensors one result per parameter tensor, in the model's order
   * @param loss the loss of the unperturbed batch
   * @param step the finite-difference step used
   * @param floor the floor of the relative error's denominator used
   */
  public record Report(List<TensorResult> tensors, double loss, double step, double floor) {

    public Report {
      tensors = List.copyOf(tensors);
    }

    /** The largest relative error over every checked value; 0 for a model without parameters. */
    public double maxRelativeError() {
      double max = 0;
      for (TensorResult result : tensors) {
        max = Math.max(max, result.maxRelativeError());
      }
      return max;
    }

    /** The result of the tensor with the largest error; null for a model without parameters. */
    public TensorResult worst() {
      TensorResult worst = null;
      for (TensorResult result : tensors) {
        if (worst == null || result.maxRelativeError() > worst.maxRelativeError()) {
          worst = result;
        }
      }
      return worst;
    }

    /** The result for the tensor called {@code name}. */
    public TensorResult tensor(String name) {
      for (TensorResult result : tensors) {
        if (result.name().equals(name)) {
          return result;
        }
      }
      throw new IllegalArgumentException("no tensor named " + name + " in " + tensors);
    }

    /** Whether every checked value's relative error is at most {@code tolerance}. */
    public boolean passes(double tolerance) {
      return maxRelativeError() <= tolerance;
    }

    /** A table with one line per tensor. */
    @Override
    public String toString() {
      String[] headers = {"tensor", "shape", "checked", "max rel. error", "at", "analytic",
          "numeric"};
      String[][] rows = new String[tensors.size()][];
      for (int i = 0; i < rows.length; i++) {
        TensorResult r = tensors.get(i);
        rows[i] = new String[] {
          r.name(),
          Arrays.toString(r.shape()),
          Integer.toString(r.valuesChecked()),
          String.format(Locale.ROOT, "%.3e", r.maxRelativeError()),
          Arrays.toString(r.worstIndex()),
          String.format(Locale.ROOT, "%.9e", r.analytic()),
          String.format(Locale.ROOT, "%.9e", r.numeric())
        };
      }
      int[] widths = new int[headers.length];
      for (int c = 0; c < headers.length; c++) {
        widths[c] = headers[c].length();
        for (String[] row : rows) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT,
          "Gradient check: loss %.9e, h %.1e, floor %.1e, max relative error %.3e%n",
          loss, step, floor, maxRelativeError()));
      appendRow(out, headers, widths);
      for (String[] row : rows) {
        appendRow(out, row, widths);
      }
      return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) {
          out.append("  ");
        }
        String cell = cells[c];
        boolean left = c == 0 || c == 1 || c == 4;
        String pad = " ".repeat(widths[c] - cell.length());
        out.append(left ? cell + pad : pad + cell);
      }
      int end = out.length();
      while (end > 0 && out.charAt(end - 1) == ' ') {
        end--;
      }
      out.setLength(end);
      out.append('\n');
    }
  }
}
