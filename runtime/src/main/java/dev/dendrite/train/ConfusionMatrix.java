package dev.dendrite.train;

import java.util.Locale;

/**
 * Counts of a classifier's predictions by actual class (rows) and predicted class (columns).
 * Classes are numbered from 0: for a single sigmoid output, 0 and 1; for a softmax output, the
 * position of the one-hot target.
 */
public final class ConfusionMatrix {

  private final long[][] counts;

  private ConfusionMatrix(int classes) {
    counts = new long[classes][classes];
  }

  /** An empty matrix of {@code classes} classes. */
  public static ConfusionMatrix empty(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("a classifier has at least 2 classes, not " + classes);
    }
    return new ConfusionMatrix(classes);
  }

  /**
   * The matrix of the given actual and predicted classes.
   *
   * @throws IllegalArgumentException if the arrays differ in length or a class is out of range
   */
  public static ConfusionMatrix of(int classes, int[] actual, int[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          actual.length + " actual classes but " + predicted.length + " predicted");
    }
    ConfusionMatrix matrix = empty(classes);
    for (int i = 0; i < actual.length; i++) {
      matrix.add(actual[i], predicted[i]);
    }
    return matrix;
  }

  /** Counts one prediction. */
  void add(int actual, int predicted) {
    if (actual < 0 || actual >= counts.length || predicted < 0 || predicted >= counts.length) {
      throw new IllegalArgumentException("class out of range [0, " + counts.length + "): actual "
          + actual + ", predicted " + predicted);
    }
    counts[actual][predicted]++;
  }

  /** The number of classes. */
  public int classes() {
    return counts.length;
  }

  /** The number of samples of class {@code actual} predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** The number of samples counted. */
  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long c : row) {
        total += c;
      }
    }
    return total;
  }

  /** The fraction of samples on the diagonal. */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total();
  }

  /** Of the samples predicted as {@code c}, the fraction that are {@code c}; NaN if none. */
  public double precision(int c) {
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[c];
    }
    return (double) counts[c][c] / predicted;
  }

  /** Of the samples of class {@code c}, the fraction predicted as {@code c}; NaN if none. */
  public double recall(int c) {
    long actual = 0;
    for (long n : counts[c]) {
      actual += n;
    }
    return (double) counts[c][c] / actual;
  }

  /** A copy of the counts, {@code [actual][predicted]}. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** The table, actual classes down and predicted classes across, with recall per row. */
  @Override
  public String toString() {
    int width = Math.max(6, Long.toString(total()).length() + 1);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-11s", "actual\\pred"));
    for (int p = 0; p < counts.length; p++) {
      out.append(String.format(Locale.ROOT, "%" + width + "d", p));
    }
    out.append("   recall\n");
    for (int a = 0; a < counts.length; a++) {
      out.append(String.format(Locale.ROOT, "%-11d", a));
      for (int p = 0; p < counts.length; p++) {
        out.append(String.format(Locale.ROOT, "%" + width + "d", counts[a][p]));
      }
      out.append(String.format(Locale.ROOT, "   %6.4f%n", recall(a)));
    }
    out.append(String.format(Locale.ROOT, "accuracy %.4f over %d samples%n", accuracy(), total()));
    return out.toString();
  }
}
