package dev.dendrite.data;

import dev.dendrite.random.Rng;
import java.util.Arrays;
import java.util.Objects;

/**
 * Samples held in memory: one feature row and one target row per sample, as the {@code float[][]}
 * batches of {@link dev.dendrite.Model} expect them.
 *
 * <p>A dataset is immutable in its shape: selecting, shuffling and splitting return new datasets
 * that share the same row arrays (no values are copied), while transformations that change values
 * ({@link Standardizer#apply}, {@link #scaledImages()}) write new rows and leave this dataset as it
 * is. The arrays passed to {@link #of} must not be changed afterwards.
 *
 * <p>Targets are rows too: one value per sample for a single sigmoid or linear output, a one-hot
 * row ({@link #oneHot}) for a softmax classifier.
 */
public final class Dataset {

  /** The course's image scaling, {@code (x - 127.5) / 127.5}: bytes 0..255 to [-1, 1]. */
  public static final float IMAGE_CENTER = 127.5f;

  private final float[][] features;
  private final float[][] targets;
  private final int featureCount;
  private final int targetCount;

  private Dataset(float[][] features, float[][] targets, int featureCount, int targetCount) {
    this.features = features;
    this.targets = targets;
    this.featureCount = featureCount;
    this.targetCount = targetCount;
  }

  /**
   * A dataset of the given rows; the outer arrays are copied, the rows are shared.
   *
   * @throws IllegalArgumentException if there are no samples, the counts differ, or a row is null
   *     or has another length than the first
   */
  public static Dataset of(float[][] features, float[][] targets) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(targets, "targets");
    if (features.length != targets.length) {
      throw new IllegalArgumentException(
          features.length + " feature rows but " + targets.length + " target rows");
    }
    if (features.length == 0) {
      throw new IllegalArgumentException("a dataset needs at least one sample");
    }
    int featureCount = width(features, "feature");
    int targetCount = width(targets, "target");
    return new Dataset(features.clone(), targets.clone(), featureCount, targetCount);
  }

  /**
   * A classification dataset: the labels become one-hot target rows of {@code classes} values,
   * or, for {@code classes == 2} and {@code binary} true, single 0/1 values for a sigmoid output.
   */
  public static Dataset ofLabels(float[][] features, int[] labels, int classes, boolean binary) {
    if (binary) {
      if (classes != 2) {
        throw new IllegalArgumentException("binary targets need 2 classes, not " + classes);
      }
      float[][] targets = new float[labels.length][1];
      for (int i = 0; i < labels.length; i++) {
        checkLabel(labels[i], 2, i);
        targets[i][0] = labels[i];
      }
      return of(features, targets);
    }
    return of(features, oneHot(labels, classes));
  }

  private static int width(float[][] rows, String what) {
    int width = -1;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new IllegalArgumentException(what + " row " + i + " is null");
      }
      if (width < 0) {
        width = rows[i].length;
      } else if (rows[i].length != width) {
        throw new IllegalArgumentException(what + " row " + i + " has " + rows[i].length
            + " values, but row 0 has " + width);
      }
    }
    if (width == 0) {
      throw new IllegalArgumentException(what + " rows are empty");
    }
    return width;
  }

  /**
   * One-hot rows: row {@code i} has {@code 1} at {@code labels[i]} and {@code 0} elsewhere.
   *
   * @throws IllegalArgumentException if a label is outside {@code [0, classes)}
   */
  public static float[][] oneHot(int[] labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, was " + classes);
    }
    float[][] rows = new float[labels.length][classes];
    for (int i = 0; i < labels.length; i++) {
      checkLabel(labels[i], classes, i);
      rows[i][labels[i]] = 1f;
    }
    return rows;
  }

  private static void checkLabel(int label, int classes, int index) {
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException(
          "label " + index + " is " + label + ", outside [0, " + classes + ")");
    }
  }

  /**
   * The class of each row: the index of its largest value, or, for rows of one value, 1 if the
   * value is at least 0.5 and 0 otherwise (a sigmoid's probability of class 1).
   */
  public static int[] classes(float[][] rows, int n) {
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      classes[i] = classOf(rows[i]);
    }
    return classes;
  }

  /** The class of one row, as {@link #classes}. */
  public static int classOf(float[] row) {
    if (row.length == 1) {
      return row[0] >= 0.5f ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }

  /** The number of samples. */
  public int size() {
    return features.length;
  }

  /** The number of values in a feature row. */
  public int featureCount() {
    return featureCount;
  }

  /** The number of values in a target row. */
  public int targetCount() {
    return targetCount;
  }

  /** The feature rows: a new outer array over the shared rows. */
  public float[][] features() {
    return features.clone();
  }

  /** The target rows: a new outer array over the shared rows. */
  public float[][] targets() {
    return targets.clone();
  }

  /** The feature row of sample {@code i}, shared. */
  public float[] features(int i) {
    return features[i];
  }

  /** The target row of sample {@code i}, shared. */
  public float[] targets(int i) {
    return targets[i];
  }

  /** The class of every sample's target, as {@link #classes}. */
  public int[] labels() {
    return classes(targets, targets.length);
  }

  /**
   * The samples at {@code indices}, in that order; an index may repeat (as in a bootstrap
   * sample).
   *
   * @throws IllegalArgumentException if there are no indices
   * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
   */
  public Dataset select(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("a dataset needs at least one sample");
    }
    float[][] x = new float[indices.length][];
    float[][] y = new float[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      x[i] = features[indices[i]];
      y[i] = targets[indices[i]];
    }
    return new Dataset(x, y, featureCount, targetCount);
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive), in order. */
  public Dataset range(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    if (from == to) {
      throw new IllegalArgumentException("a dataset needs at least one sample");
    }
    return new Dataset(Arrays.copyOfRange(features, from, to),
        Arrays.copyOfRange(targets, from, to), featureCount, targetCount);
  }

  /** The samples in an order drawn from {@code seed}; the same seed gives the same order. */
  public Dataset shuffled(long seed) {
    return select(permutation(size(), new Rng(seed)));
  }

  /** {@code 0..n-1} in a random order (Fisher-Yates). */
  public static int[] permutation(int n, Rng rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, n, rng);
    return order;
  }

  /** Shuffles the first {@code n} entries of {@code order} in place (Fisher-Yates). */
  public static void shuffle(int[] order, int n, Rng rng) {
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /**
   * A bootstrap sample: {@code size()} samples drawn with replacement, as bagging trains each
   * member on.
   */
  public Dataset bootstrap(Rng rng) {
    int[] indices = new int[size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = rng.nextInt(size());
    }
    return select(indices);
  }

  /**
   * Shuffles with {@code seed} and cuts into training, validation and test sets of the given
   * fractions of the samples (the test set gets the rest, {@code 1 - train - validation}).
   * Fractions are rounded down to whole samples, and every part must get at least one sample.
   *
   * @throws IllegalArgumentException if a fraction is negative, they add up to more than 1, or a
   *     part would be empty
   */
  public Splits split(double train, double validation, long seed) {
    if (!(train > 0) || !(validation >= 0) || train + validation > 1) {
      throw new IllegalArgumentException("fractions must be train > 0, validation >= 0 and"
          + " train + validation <= 1; were " + train + " and " + validation);
    }
    Dataset shuffled = shuffled(seed);
    int n = size();
    int trainCount = (int) Math.floor(train * n);
    int validationCount = (int) Math.floor(validation * n);
    int testCount = n - trainCount - validationCount;
    boolean wantsTest = train + validation < 1;
    if (trainCount == 0 || (validation > 0 && validationCount == 0)
        || (wantsTest && testCount == 0)) {
      throw new IllegalArgumentException(String.format(
          "%d samples split %.3f / %.3f / %.3f leave a part empty", n, train, validation,
          1 - train - validation));
    }
    if (!wantsTest) {
      trainCount = n - validationCount;
    }
    Dataset trainSet = shuffled.range(0, trainCount);
    Dataset validationSet = validationCount == 0
        ? null : shuffled.range(trainCount, trainCount + validationCount);
    Dataset testSet = wantsTest ? shuffled.range(trainCount + validationCount, n) : null;
    return new Splits(trainSet, validationSet, testSet);
  }

  /**
   * The three parts of {@link #split}.
   *
   * @param train the training set
   * @param validation the validation set, or null when its fraction was 0
   * @param test the test set, or null when training and validation took every sample
   */
  public record Splits(Dataset train, Dataset validation, Dataset test) {}

  /**
   * The features scaled as the course scales image bytes: {@code (x - 127.5) / 127.5}, mapping
   * 0..255 to [-1, 1]. New rows; the targets are shared.
   */
  public Dataset scaledImages() {
    float[][] x = new float[size()][featureCount];
    for (int i = 0; i < x.length; i++) {
      float[] in = features[i];
      float[] out = x[i];
      for (int j = 0; j < featureCount; j++) {
        out[j] = (in[j] - IMAGE_CENTER) / IMAGE_CENTER;
      }
    }
    return new Dataset(x, targets, featureCount, targetCount);
  }

  /**
   * The mean and standard deviation of every feature over this dataset, to standardize this and
   * other datasets with: fit on the training set, apply to all.
   */
  public Standardizer standardizer() {
    return Standardizer.fit(this);
  }

  /** A dataset with the same targets and new feature rows. */
  Dataset withFeatures(float[][] newFeatures) {
    return new Dataset(newFeatures, targets, featureCount, targetCount);
  }

  @Override
  public String toString() {
    return "Dataset(" + size() + " samples, " + featureCount + " features, " + targetCount
        + " targets)";
  }
}
