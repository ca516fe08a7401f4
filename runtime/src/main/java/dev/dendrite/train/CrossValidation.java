package dev.dendrite.train;

import dev.dendrite.data.Dataset;
import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * k-fold cross-validation: the samples are shuffled from a seed and cut into {@code k} folds whose
 * sizes differ by at most one; for each fold a fresh network is trained on the other {@code k -
 * 1} folds and evaluated on that one. The mean and spread of the {@code k} evaluations estimate
 * how well the architecture and settings generalise, using every sample for validation once.
 *
 * <pre>{@code
 * CrossValidation.Result result = CrossValidation.run(data, 5, 42,
 *     fold -> new Trainer(new CirclesNet(fold), Sgd.plain(0.1f)).epochs(100).batchSize(10)
 *         .metrics(Metrics.ACCURACY).quiet());
 * System.out.println(result.mean("accuracy") + " +- " + result.standardDeviation("accuracy"));
 * }</pre>
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * One fold: the indices of the samples trained on and of those held out, each in ascending
   * order.
   *
   * @param index the fold's number, from 0
   */
  public record Fold(int index, int[] train, int[] validation) {}

  /**
   * The {@code k} folds of {@code size} samples shuffled from {@code seed}: every index is held
   * out by exactly one fold and trained on by the others; the first {@code size % k} folds hold
   * out one sample more than the rest.
   *
   * @throws IllegalArgumentException if {@code k < 2} or {@code k > size}
   */
  public static List<Fold> folds(int size, int k, long seed) {
    if (k < 2 || k > size) {
      throw new IllegalArgumentException(
          "k-fold cross-validation needs 2 <= k <= " + size + " samples, k was " + k);
    }
    int[] order = Dataset.permutation(size, new Rng(seed));
    int[] foldOf = new int[size];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int count = size / k + (f < size % k ? 1 : 0);
      for (int i = start; i < start + count; i++) {
        foldOf[order[i]] = f;
      }
      start += count;
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int held = size / k + (f < size % k ? 1 : 0);
      int[] validation = new int[held];
      int[] train = new int[size - held];
      int v = 0;
      int t = 0;
      for (int i = 0; i < size; i++) {
        if (foldOf[i] == f) {
          validation[v++] = i;
        } else {
          train[t++] = i;
        }
      }
      folds.add(new Fold(f, train, validation));
    }
    return folds;
  }

  /**
   * Trains and evaluates one network per fold.
   *
   * @param trainerForFold makes the trainer of fold {@code f} (from 0), with a new network; its
   *     settings (epochs, batch size, metrics, listeners) apply to that fold's training
   */
  public static Result run(Dataset data, int k, long seed, IntFunction<Trainer> trainerForFold) {
    List<Evaluation> evaluations = new ArrayList<>();
    List<History> histories = new ArrayList<>();
    for (Fold fold : folds(data.size(), k, seed)) {
      Trainer trainer = trainerForFold.apply(fold.index());
      histories.add(trainer.fit(data.select(fold.train())));
      evaluations.add(trainer.evaluate(data.select(fold.validation())));
    }
    return new Result(evaluations, histories);
  }

  /**
   * The evaluations and training histories of every fold, in fold order.
   *
   * @param evaluations each fold's network on its held-out samples
   * @param histories each fold's training
   */
  public record Result(List<Evaluation> evaluations, List<History> histories) {

    public Result {
      evaluations = List.copyOf(evaluations);
      histories = List.copyOf(histories);
    }

    /** The mean over folds of {@code name} ({@code loss} or a metric). */
    public double mean(String name) {
      double sum = 0;
      for (Evaluation e : evaluations) {
        sum += e.get(name);
      }
      return sum / evaluations.size();
    }

    /** The sample standard deviation over folds of {@code name}. */
    public double standardDeviation(String name) {
      double mean = mean(name);
      double sum = 0;
      for (Evaluation e : evaluations) {
        double d = e.get(name) - mean;
        sum += d * d;
      }
      return Math.sqrt(sum / (evaluations.size() - 1));
    }

    /** The mean and standard deviation of the loss and every metric. */
    @Override
    public String toString() {
      Map<String, Double> first = new LinkedHashMap<>();
      first.put("loss", 0.0);
      first.putAll(evaluations.get(0).metrics());
      StringBuilder out = new StringBuilder(evaluations.size() + "-fold cross-validation:");
      for (String name : first.keySet()) {
        out.append(String.format(Locale.ROOT, " %s %.4f +- %.4f", name, mean(name),
            standardDeviation(name)));
      }
      return out.toString();
    }
  }
}
