package dev.dendrite.train;

import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Loss;
import dev.dendrite.init.Initializers;
import dev.dendrite.random.Rng;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written network for the trainer's tests: {@code inputs -> hidden (tanh) -> outputs},
 * sigmoid outputs with binary cross-entropy or linear outputs with MSE, losses averaged over
 * samples and outputs as the generated networks average them. Layers {@code in}, {@code hidden},
 * {@code out}.
 */
class TinyNet implements Model {

  final int inputs;
  final int hidden;
  final int outputs;
  final Loss loss;
  final float[][] w1;
  final float[][] b1;
  final float[][] w2;
  final float[][] b2;
  final float[][] gw1;
  final float[][] gb1;
  final float[][] gw2;
  final float[][] gb2;
  private final List<Tensor> parameters;
  private final List<Layer> layers;
  private float[][] h = new float[0][];
  private float[][] a = new float[0][];
  private float[][] batch;
  private final float[] dz;
  private final float[] dh;
  private int n;
  /** Added to the loss and its gradient to the weights, like a generated L2 penalty. */
  float l2;

  TinyNet(int inputs, int hidden, int outputs, Loss loss, long seed) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    this.loss = loss;
    w1 = new float[inputs][hidden];
    b1 = new float[1][hidden];
    w2 = new float[hidden][outputs];
    b2 = new float[1][outputs];
    gw1 = new float[inputs][hidden];
    gb1 = new float[1][hidden];
    gw2 = new float[hidden][outputs];
    gb2 = new float[1][outputs];
    dz = new float[outputs];
    dh = new float[hidden];
    Rng rng = new Rng(seed);
    Initializers.glorotUniform(w1, rng);
    Initializers.glorotUniform(w2, rng);
    parameters = List.of(
        new Tensor("hidden.weight", new int[] {inputs, hidden}, w1, gw1),
        new Tensor("hidden.bias", new int[] {hidden}, b1, gb1),
        new Tensor("out.weight", new int[] {hidden, outputs}, w2, gw2),
        new Tensor("out.bias", new int[] {outputs}, b2, gb2));
    layers = List.of(
        new Layer("in", "Input", "", new int[] {inputs}, List.of(), 0, 0),
        new Layer("hidden", "Dense", "TANH", new int[] {hidden},
            List.of("hidden.weight", "hidden.bias"), (long) inputs * hidden + hidden, 0),
        new Layer("out", "Dense", loss == Loss.MSE ? "LINEAR" : "SIGMOID", new int[] {outputs},
            List.of("out.weight", "out.bias"), (long) hidden * outputs + outputs, 0));
  }

  /** A 2-8-1 binary classifier. */
  static TinyNet classifier(long seed) {
    return new TinyNet(2, 8, 1, Loss.BINARY_CROSS_ENTROPY, seed);
  }

  @Override
  public String networkName() {
    return "Tiny";
  }

  @Override
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public Loss loss() {
    return loss;
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

  @Override
  public List<Tensor> parameters() {
    return parameters;
  }

  @Override
  public float penaltyLoss() {
    if (l2 == 0) {
      return 0f;
    }
    double sum = 0;
    for (float[][] w : new float[][][] {w1, w2}) {
      for (float[] row : w) {
        for (float v : row) {
          sum += v * v;
        }
      }
    }
    return (float) (l2 * sum);
  }

  @Override
  public float[][] forward(float[][] input, int n, boolean training) {
    if (h.length < n) {
      h = new float[n][hidden];
      a = new float[n][outputs];
    }
    batch = input;
    this.n = n;
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < hidden; j++) {
        float z = b1[0][j];
        for (int k = 0; k < inputs; k++) {
          z += input[s][k] * w1[k][j];
        }
        h[s][j] = (float) Math.tanh(z);
      }
      for (int j = 0; j < outputs; j++) {
        float z = b2[0][j];
        for (int k = 0; k < hidden; k++) {
          z += h[s][k] * w2[k][j];
        }
        a[s][j] = loss == Loss.MSE ? z : (float) (1 / (1 + Math.exp(-z)));
      }
    }
    return a;
  }

  @Override
  public float backward(float[][] target) {
    for (float[] row : gw1) {
      Arrays.fill(row, 0f);
    }
    for (float[] row : gw2) {
      Arrays.fill(row, 0f);
    }
    Arrays.fill(gb1[0], 0f);
    Arrays.fill(gb2[0], 0f);
    double total = 0;
    float scale = 1f / (n * outputs);
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < outputs; j++) {
        float y = target[s][j];
        float p = a[s][j];
        if (loss == Loss.MSE) {
          total += (p - y) * (p - y);
          dz[j] = 2 * scale * (p - y);
        } else {
          total -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
          dz[j] = scale * (p - y);
        }
        gb2[0][j] += dz[j];
      }
      for (int k = 0; k < hidden; k++) {
        float sum = 0;
        for (int j = 0; j < outputs; j++) {
          gw2[k][j] += h[s][k] * dz[j];
          sum += dz[j] * w2[k][j];
        }
        dh[k] = sum * (1 - h[s][k] * h[s][k]);
        gb1[0][k] += dh[k];
      }
      for (int i = 0; i < inputs; i++) {
        for (int k = 0; k < hidden; k++) {
          gw1[i][k] += batch[s][i] * dh[k];
        }
      }
    }
    if (l2 != 0) {
      for (float[][][] pair : new float[][][][] {{w1, gw1}, {w2, gw2}}) {
        for (int r = 0; r < pair[0].length; r++) {
          for (int j = 0; j < pair[0][r].length; j++) {
            pair[1][r][j] += 2 * l2 * pair[0][r][j];
          }
        }
      }
    }
    return (float) (total / (n * outputs)) + penaltyLoss();
  }

  @Override
  public void predict(float[][] input, int n, float[][] output) {
    float[][] result = forward(input, n, false);
    for (int s = 0; s < n; s++) {
      System.arraycopy(result[s], 0, output[s], 0, outputs);
    }
  }

  @Override
  public void predict(float[] input, float[] output) {
    predict(new float[][] {input}, 1, new float[][] {output});
  }
}
