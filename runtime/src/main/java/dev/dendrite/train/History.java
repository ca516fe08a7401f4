package dev.dendrite.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every number of every epoch of a {@link Trainer#fit} run: {@code loss}, the metrics, {@code
 * val_...} for validation, and {@code lr}, as Keras' {@code History.history}.
 */
public final class History {

  private final Map<String, List<Double>> values = new LinkedHashMap<>();
  private int epochs;

  /** An empty history with the given names. */
  History(List<String> names) {
    for (String name : names) {
      values.put(name, new ArrayList<>());
    }
  }

  /**
   * A history of the given values, e.g. to plot numbers kept from elsewhere.
   *
   * @param values per name, one value per epoch; every list the same length
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static History of(Map<String, ? extends List<Double>> values) {
    History history = new History(List.copyOf(values.keySet()));
    int epochs = -1;
    for (Map.Entry<String, ? extends List<Double>> entry : values.entrySet()) {
      if (epochs >= 0 && entry.getValue().size() != epochs) {
        throw new IllegalArgumentException("'" + entry.getKey() + "' has "
            + entry.getValue().size() + " values, but the names before it have " + epochs);
      }
      epochs = entry.getValue().size();
      history.values.get(entry.getKey()).addAll(entry.getValue());
    }
    history.epochs = Math.max(epochs, 0);
    return history;
  }

  /** Appends one epoch's logs, which have exactly this history's names. */
  void add(Map<String, Double> logs) {
    for (Map.Entry<String, List<Double>> entry : values.entrySet()) {
      Double value = logs.get(entry.getKey());
      entry.getValue().add(value == null ? Double.NaN : value);
    }
    epochs++;
  }

  /** The number of epochs recorded. */
  public int epochs() {
    return epochs;
  }

  /** The names recorded, in order. */
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  /** Whether {@code name} was recorded. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * The values of {@code name}, one per epoch (index 0 is epoch 1); unmodifiable.
   *
   * @throws IllegalArgumentException if {@code name} was not recorded
   */
  public List<Double> get(String name) {
    List<Double> list = values.get(name);
    if (list == null) {
      throw new IllegalArgumentException("no '" + name + "' in this history; it has " + names());
    }
    return Collections.unmodifiableList(list);
  }

  /** The value of {@code name} in epoch {@code epoch} (from 1). */
  public double get(String name, int epoch) {
    return get(name).get(epoch - 1);
  }

  /** The value of {@code name} in the last epoch. */
  public double last(String name) {
    return get(name, epochs);
  }

  /**
   * The epoch (from 1) with the best value of {@code name}: the largest for accuracies, the
   * smallest otherwise; the first of equals.
   */
  public int bestEpoch(String name) {
    List<Double> list = get(name);
    boolean higher = Metrics.higherIsBetter(name);
    int best = 0;
    for (int i = 1; i < list.size(); i++) {
      double v = list.get(i);
      double b = list.get(best);
      if (higher ? v > b : v < b) {
        best = i;
      }
    }
    return best + 1;
  }

  /** A table with one row per epoch. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("epoch");
    for (String name : values.keySet()) {
      out.append(String.format(Locale.ROOT, "  %12s", name));
    }
    out.append('\n');
    for (int e = 0; e < epochs; e++) {
      out.append(String.format(Locale.ROOT, "%5d", e + 1));
      for (List<Double> list : values.values()) {
        out.append(String.format(Locale.ROOT, "  %12.6g", list.get(e)));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
