package dev.dendrite.train;

import dev.dendrite.Model;
import java.util.List;

/**
 * Networks of one architecture whose predictions are averaged, as {@link Bagging} trains them.
 * Not safe for use by several threads at once.
 */
public final class Ensemble {

  private final List<Model> members;
  private final int outputSize;
  private float[][] scratch = new float[0][];

  /**
   * An ensemble of {@code members}.
   *
   * @throws IllegalArgumentException if there are none or their shapes differ
   */
  public Ensemble(List<? extends Model> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    Model first = members.get(0);
    for (Model m : members) {
      if (m.inputSize() != first.inputSize() || m.outputSize() != first.outputSize()) {
        throw new IllegalArgumentException("ensemble members differ in shape: " + m.networkName()
            + " maps " + m.inputSize() + " to " + m.outputSize() + ", " + first.networkName()
            + " " + first.inputSize() + " to " + first.outputSize());
      }
    }
    this.members = List.copyOf(members);
    this.outputSize = first.outputSize();
  }

  /** The members. */
  public List<Model> members() {
    return members;
  }

  /** The number of values in an output row. */
  public int outputSize() {
    return outputSize;
  }

  /**
   * The mean of the members' predictions for the first {@code n} rows of {@code input}, into
   * the rows of {@code output}. Allocates only when {@code n} exceeds every earlier batch.
   */
  public void predict(float[][] input, int n, float[][] output) {
    if (scratch.length < n) {
      scratch = new float[n][outputSize];
    }
    for (int s = 0; s < n; s++) {
      java.util.Arrays.fill(output[s], 0, outputSize, 0f);
    }
    for (Model member : members) {
      member.predict(input, n, scratch);
      for (int s = 0; s < n; s++) {
        float[] sum = output[s];
        float[] p = scratch[s];
        for (int j = 0; j < outputSize; j++) {
          sum[j] += p[j];
        }
      }
    }
    float scale = 1f / members.size();
    for (int s = 0; s < n; s++) {
      float[] row = output[s];
      for (int j = 0; j < outputSize; j++) {
        row[j] *= scale;
      }
    }
  }

  /** The mean prediction for one sample, in a new array. */
  public float[] predict(float[] input) {
    float[][] out = new float[1][outputSize];
    predict(new float[][] {input}, 1, out);
    return out[0];
  }
}
