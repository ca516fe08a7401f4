package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic classification data set and a mini-batch training loop with a shuffle per
 * epoch, for the reproducibility and checkpoint tests.
 */
final class TrainingFixture {

  static final int SAMPLES = 96;
  static final int BATCH = 16;
  static final int BATCHES_PER_EPOCH = SAMPLES / BATCH;

  final float[][] inputs;
  final float[][] targets;
  private final float[][] batchInputs;
  private final float[][] batchTargets;
  private final int[] order = new int[SAMPLES];

  /** The generator that shuffles the samples; its state is part of a checkpoint. */
  final Rng shuffle;

  TrainingFixture(int inputSize, int classes, long dataSeed, long shuffleSeed) {
    Rng rng = new Rng(dataSeed);
    inputs = new float[SAMPLES][inputSize];
    targets = new float[SAMPLES][classes];
    for (int s = 0; s < SAMPLES; s++) {
      for (int j = 0; j < inputSize; j++) {
        inputs[s][j] = (float) rng.nextGaussian();
      }
      // The class depends on the inputs, so that there is something to learn.
      int label = Math.floorMod((int) Math.floor(inputs[s][0] * 2 + inputs[s][1]), classes);
      targets[s][label] = 1f;
    }
    batchInputs = new float[BATCH][];
    batchTargets = new float[BATCH][];
    shuffle = new Rng(shuffleSeed);
  }

  /**
   * Draws the sample order of an epoch (Fisher-Yates from the identity), so that the order depends
   * only on the state of {@link #shuffle}.
   */
  void startEpoch() {
    for (int i = 0; i < SAMPLES; i++) {
      order[i] = i;
    }
    for (int i = SAMPLES - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** One training step on batch {@code batch} of the current epoch; returns the loss. */
  float step(Model model, Optimizer optimizer, int batch) {
    for (int i = 0; i < BATCH; i++) {
      int s = order[batch * BATCH + i];
      batchInputs[i] = inputs[s];
      batchTargets[i] = targets[s];
    }
    model.forward(batchInputs, BATCH, true);
    float loss = model.backward(batchTargets);
    optimizer.step(model.parameters());
    return loss;
  }

  /** Runs epochs {@code from} (inclusive) to {@code to} (exclusive). */
  void train(Model model, Optimizer optimizer, int from, int to) {
    for (int epoch = from; epoch < to; epoch++) {
      startEpoch();
      for (int b = 0; b < BATCHES_PER_EPOCH; b++) {
        step(model, optimizer, b);
      }
    }
  }

  /** The parameters of {@code model}, then its buffers. */
  static List<Tensor> tensors(Model model) {
    List<Tensor> all = new ArrayList<>(model.parameters());
    all.addAll(model.buffers());
    return all;
  }

  /** Every parameter and buffer value as raw bits, tensor by tensor. */
  static int[][] bits(Model model) {
    List<Tensor> tensors = tensors(model);
    int[][] out = new int[tensors.size()][];
    for (int t = 0; t < out.length; t++) {
      float[][] values = tensors.get(t).values();
      int columns = values[0].length;
      out[t] = new int[values.length * columns];
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < columns; c++) {
          out[t][r * columns + c] = Float.floatToRawIntBits(values[r][c]);
        }
      }
    }
    return out;
  }

  /** Asserts that two networks hold the same parameter and buffer bits. */
  static void assertSameBits(Model expected, Model actual) {
    int[][] a = bits(expected);
    int[][] b = bits(actual);
    assertEquals(a.length, b.length);
    List<Tensor> names = tensors(expected);
    for (int t = 0; t < a.length; t++) {
      for (int i = 0; i < a[t].length; i++) {
        if (a[t][i] != b[t][i]) {
          assertEquals(Float.intBitsToFloat(a[t][i]), Float.intBitsToFloat(b[t][i]),
              names.get(t).name() + " value " + i);
          assertEquals(a[t][i], b[t][i], names.get(t).name() + " value " + i);
        }
      }
    }
  }
}
