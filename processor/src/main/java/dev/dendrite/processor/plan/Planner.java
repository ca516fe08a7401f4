package dev.dendrite.processor.plan;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.model.CheckedNetwork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans a checked network: per dense layer, unrolled straight-line code or calls of the runtime's
 * matrix kernels; which buffers each layer reads and writes; and whether batches are split over
 * threads.
 */
public final class Planner {

  /**
   * Dense layers with at most this many weights are unrolled (if they also have at most {@link
   * #UNROLL_MAX_SIDE} inputs and units). An unrolled product takes about 10 bytes of bytecode per
   * weight, so this keeps every unrolled method near 3 KB, far below HotSpot's 8000-byte limit.
   */
  public static final int UNROLL_MAX_WEIGHTS = 256;

  /**
   * Unrolled kernels keep a local variable per input and per weight row; past about 255 locals
   * each access takes a {@code wide} prefix, so an unrolled layer has at most this many inputs
   * and units.
   */
  public static final int UNROLL_MAX_SIDE = 64;

  /**
   * The blocking of looped layers' plain loops, from the kernel shapes {@code KernelShapes} in the
   * benchmarks module measured: two samples by four inputs in the forward pass (and four units in
   * the input gradient, the same loops on the transposed weights), two weight-gradient rows by
   * four samples per pass over the units, forward tiles of 32 Ki weights (128 KB of floats).
   */
  public static final Blocking BLOCKING = new Blocking(2, 4, 2, 4, 32 * 1024);

  /**
   * The work, in FLOPs of one training step (forward and backward), below which a batch stays on
   * the calling thread: handing a pass to another thread and waiting for it costs some tens of
   * microseconds, so splitting pays once each part does several hundred microseconds of work
   * ({@code ParallelThreshold} in the benchmarks module measures it).
   */
  public static final long PARALLEL_MIN_FLOPS = 4_000_000L;

  /**
   * A network gets thread machinery only if a batch of at most this many samples is worth
   * splitting: training batches are smaller, and a prediction over a few thousand rows in one
   * call is common. Smaller networks run every batch on the calling thread.
   */
  public static final int PLAUSIBLE_BATCH = 4096;

  /** Plans {@code network}. */
  public NetworkPlan plan(CheckedNetwork network) {
    List<CheckedLayer> layers = network.layers();
    List<LayerNames> names = names(layers);
    boolean batchNorm = layers.stream().anyMatch(l -> l instanceof CheckedLayer.BatchNormLayer);
    int minBatch = parallelMinBatch(layers);
    boolean splits = !batchNorm && minBatch <= PLAUSIBLE_BATCH;
    List<LayerPlan> plans = new ArrayList<>();
    String inputBuffer = "batchInput";
    String inputGradient = null;
    String inputSize = names.get(0).sizeConstant();
    for (int i = 0; i < layers.size(); i++) {
      CheckedLayer layer = layers.get(i);
      LayerNames layerNames = names.get(i);
      if (layer instanceof CheckedLayer.InputLayer input) {
        plans.add(new LayerPlan.InputPlan(input, layerNames));
        continue;
      }
      if (layer instanceof CheckedLayer.DenseLayer dense) {
        boolean output = i == layers.size() - 1;
        Strategy strategy = strategy(dense.inputs(), dense.units());
        boolean halves = splits && inputBuffer.equals("batchInput")
            && strategy == Strategy.LOOPED && dense.inputs() % 2 == 0
            && dense.inputs() >= 2 * BLOCKING.forwardInputs();
        plans.add(new LayerPlan.DensePlan(dense, layerNames, inputSize, inputBuffer,
            inputGradient, strategy, output && fused(network.loss(), dense.activation()),
            splits, halves));
        inputGradient = layerNames.grad();
      } else if (layer instanceof CheckedLayer.DropoutLayer dropout) {
        plans.add(new LayerPlan.DropoutPlan(
            dropout, layerNames, inputSize, inputBuffer, inputGradient));
        if (inputGradient != null) {
          inputGradient = layerNames.grad();
        }
      } else if (layer instanceof CheckedLayer.BatchNormLayer norm) {
        plans.add(new LayerPlan.BatchNormPlan(
            norm, layerNames, inputSize, inputBuffer, inputGradient));
        inputGradient = layerNames.grad();
      } else if (layer instanceof CheckedLayer.FlattenLayer flatten) {
        plans.add(new LayerPlan.FlattenPlan(
            flatten, layerNames, inputSize, inputBuffer, inputGradient));
        inputSize = layerNames.sizeConstant();
        continue;
      }
      inputBuffer = layerNames.out();
      inputSize = layerNames.sizeConstant();
    }
    return new NetworkPlan(network, plans, splits ? minBatch : 0);
  }

  /**
   * The smallest batch whose training step does at least {@link #PARALLEL_MIN_FLOPS}: a training
   * step costs about three forward passes.
   */
  static int parallelMinBatch(List<CheckedLayer> layers) {
    long perSample = 0;
    for (CheckedLayer layer : layers) {
      perSample += 3 * layer.flopsPerSample();
    }
    long batch = (PARALLEL_MIN_FLOPS + Math.max(perSample, 1) - 1) / Math.max(perSample, 1);
    return (int) Math.min(Math.max(batch, 2), Integer.MAX_VALUE);
  }

  /** Unrolled for a layer of at most {@link #UNROLL_MAX_WEIGHTS} small sides, looped otherwise. */
  public static Strategy strategy(long inputs, long units) {
    boolean small = inputs * units <= UNROLL_MAX_WEIGHTS && inputs <= UNROLL_MAX_SIDE
        && units <= UNROLL_MAX_SIDE;
    return small ? Strategy.UNROLLED : Strategy.LOOPED;
  }

  /** Whether the output layer's activation is fused with {@code loss} in the backward pass. */
  public static boolean fused(Loss loss, Activation activation) {
    return (loss == Loss.BINARY_CROSS_ENTROPY && activation == Activation.SIGMOID)
        || (loss == Loss.CATEGORICAL_CROSS_ENTROPY && activation == Activation.SOFTMAX);
  }

  /**
   * Derives names from the field names. A constant prefix that would read as the network's
   * {@code INPUT_SIZE} or {@code OUTPUT_SIZE} on another layer, or that two fields share (say
   * {@code hiddenA} and {@code hidden_a}), gets the layer's position appended, and more if that
   * is taken too.
   */
  private static List<LayerNames> names(List<CheckedLayer> layers) {
    List<LayerNames> names = new ArrayList<>();
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < layers.size(); i++) {
      String field = layers.get(i).name();
      String prefix = constantCase(field);
      boolean reserved = (prefix.equals("INPUT") && i != 0)
          || (prefix.equals("OUTPUT") && i != layers.size() - 1);
      if (reserved || !prefixes.add(prefix)) {
        String numbered = prefix + "_" + i;
        prefix = numbered;
        for (int k = 2; !prefixes.add(prefix); k++) {
          prefix = numbered + "_" + k;
        }
      }
      names.add(LayerNames.of(field, prefix));
    }
    return names;
  }

  /** {@code hiddenLayer1} to {@code HIDDEN_LAYER1}. */
  static String constantCase(String identifier) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(identifier.charAt(i - 1))
          && identifier.charAt(i - 1) != '_') {
        out.append('_');
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
