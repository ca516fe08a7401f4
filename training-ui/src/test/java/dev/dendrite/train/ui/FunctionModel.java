package dev.dendrite.train.ui;

import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Loss;
import java.util.List;
import java.util.function.Function;

/**
 * A model without parameters whose output is a fixed function of its input, for drawing; its
 * "training" changes nothing and reports the loss 0.5.
 */
final class FunctionModel implements Model {

  private final int inputs;
  private final int outputs;
  private final Function<float[], float[]> function;
  private float[][] buffer = new float[0][];

  FunctionModel(int inputs, int outputs, Function<float[], float[]> function) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.function = function;
  }

  @Override
  public List<Tensor> parameters() {
    return List.of();
  }

  @Override
  public float[][] forward(float[][] input, int n, boolean training) {
    if (buffer.length < n) {
      buffer = new float[n][];
    }
    for (int s = 0; s < n; s++) {
      buffer[s] = function.apply(input[s]);
    }
    return buffer;
  }

  @Override
  public float backward(float[][] target) {
    return 0.5f;
  }

  @Override
  public void predict(float[][] input, int n, float[][] output) {
    for (int s = 0; s < n; s++) {
      predict(input[s], output[s]);
    }
  }

  @Override
  public void predict(float[] input, float[] output) {
    System.arraycopy(function.apply(input), 0, output, 0, outputs);
  }

  @Override
  public String networkName() {
    return "Function";
  }

  @Override
  public List<Layer> layers() {
    return List.of();
  }

  @Override
  public Loss loss() {
    return outputs == 1 ? Loss.BINARY_CROSS_ENTROPY : Loss.CATEGORICAL_CROSS_ENTROPY;
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
  public long randomState() {
    return 0;
  }

  @Override
  public void setRandomState(long state) {}
}
