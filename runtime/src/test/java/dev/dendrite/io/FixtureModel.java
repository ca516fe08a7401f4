package dev.dendrite.io;

import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a generated network with the parameters of Dense layers of given sizes, for
 * testing files without the annotation processor. It cannot compute.
 */
final class FixtureModel implements Model {

  private final List<Tensor> parameters = new ArrayList<>();
  private final int inputs;
  private final int outputs;
  private long randomState;

  /**
   * @param sizes the input size then the units of each Dense layer, named {@code layer1, ...}
   * @param fill the first value; values count up from it in steps of 0.25 over all tensors
   */
  FixtureModel(float fill, int... sizes) {
    this.inputs = sizes[0];
    this.outputs = sizes[sizes.length - 1];
    float value = fill;
    for (int l = 1; l < sizes.length; l++) {
      int in = sizes[l - 1];
      int units = sizes[l];
      float[][] weight = new float[in][units];
      for (float[] row : weight) {
        for (int j = 0; j < units; j++) {
          row[j] = value;
          value += 0.25f;
        }
      }
      float[][] bias = new float[1][units];
      for (int j = 0; j < units; j++) {
        bias[0][j] = value;
        value += 0.25f;
      }
      parameters.add(new Tensor("layer" + l + ".weight", new int[] {in, units}, weight,
          new float[in][units]));
      parameters.add(new Tensor("layer" + l + ".bias", new int[] {units}, bias,
          new float[1][units]));
    }
  }

  /** A copy of every value, tensor by tensor, in memory order. */
  float[][] snapshot() {
    float[][] out = new float[parameters.size()][];
    for (int t = 0; t < out.length; t++) {
      float[][] values = parameters.get(t).values();
      int columns = values[0].length;
      out[t] = new float[values.length * columns];
      for (int r = 0; r < values.length; r++) {
        System.arraycopy(values[r], 0, out[t], r * columns, columns);
      }
    }
    return out;
  }

  @Override
  public String networkName() {
    return "Fixture";
  }

  @Override
  public List<Layer> layers() {
    return List.of();
  }

  @Override
  public Loss loss() {
    return Loss.MSE;
  }

  @Override
  public int inputSize() {
    return inputs;
  }

  @Override
  public int outputSize() {
    return outputs;
  }

  @Override
  public List<Tensor> parameters() {
    return parameters;
  }

  @Override
  public long randomState() {
    return randomState;
  }

  @Override
  public void setRandomState(long state) {
    randomState = state;
  }

  @Override
  public float[][] forward(float[][] input, int n, boolean training) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float backward(float[][] target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void predict(float[][] input, int n, float[][] output) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void predict(float[] input, float[] output) {
    throw new UnsupportedOperationException();
  }
}
