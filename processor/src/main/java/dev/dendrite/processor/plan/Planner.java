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

/** Plans the kernels of a checked network. */
public final class Planner {

  /**
   * Dense layers with at most this many weights are unrolled (if they also have at most {@link
   * #UNROLL_MAX_SIDE} inputs and units). The largest unrolled kernel, the parameter gradient,
   * takes about 13 bytes of bytecode per weight, so this keeps every unrolled method near 3.5 KB,
   * far below HotSpot's 8000-byte limit.
   */
  public static final int UNROLL_MAX_WEIGHTS = 256;

  /**
   * Unrolled kernels keep a local variable per input and per unit; past about 255 locals each
   * access takes a {@code wide} prefix and methods double in size, so an unrolled layer has at
   * most this many inputs and units (a 256 x 1 layer reached 11 KB).
   */
  public static final int UNROLL_MAX_SIDE = 64;

  /**
   * The blocking of looped layers, from the kernel shapes measured by {@code KernelShapes} in
   * the benchmarks module (see docs/design.md): two samples by four inputs in the forward pass
   * (and four units in the input gradient, the same loops on the transposed weights), two
   * weight-gradient rows by four samples per pass over the units; forward tiles of 32 Ki weights (128 KB of floats, a quarter of the 512 KB L2
   * cache of the machine measured).
   */
  public static final Blocking BLOCKING = new Blocking(2, 4, 2, 4, 32 * 1024);

  /**
   * The work, in FLOPs of one training step (forward and backward), below which a batch stays on
   * the calling thread. Handing a pass to another thread and waiting for it costs some tens of
   * microseconds here; splitting pays once each part does several hundred microseconds of work
   * (measured by {@code ParallelThreshold} in the benchmarks module, see docs/design.md).
   */
  public static final long PARALLEL_MIN_FLOPS = 4_000_000L;

  /**
   * A network whose dense layers are all unrolled predicts a single sample in one method that
   * keeps every value in a local variable, if its dense layers have at most this many weights in
   * all: each weight's term takes about ten bytes of bytecode, so the method stays below 4 KB.
   */
  public static final int LOCALS_PREDICTION_MAX_WEIGHTS = 384;

  /**
   * ... and if that method needs at most this many local variables (a value per input and per
   * unit, a row per weight row and bias): past 255, each access takes a {@code wide} prefix.
   */
  public static final int LOCALS_PREDICTION_MAX_LOCALS = 240;

  /**
   * A network that predicts in local variables also takes the backward pass of a batch of one
   * sample in one method with each unit's gradient in a local variable ({@link
   * #backpropagatesInLocals}), if that method has at most this many terms: one per weight for its
   * gradient, and one more per weight of each dense layer that passes a gradient back. A term
   * takes about thirteen bytes of bytecode: at this bound the method came to 6.5-6.8 KB
   * ({@code MethodSizeTest}), below HotSpot's 8000-byte limit. A training step of the benchmarks'
   * tiny network (2-20-1) took 153 ns this way against 166 ns through the per-layer kernels,
   * medians of 13 alternations (docs/design.md).
   */
  public static final int LOCALS_BACKWARD_MAX_TERMS = 512;

  /** Plans {@code network}. */
  public NetworkPlan plan(CheckedNetwork network) {
    List<CheckedLayer> layers = network.layers();
    List<LayerNames> names = names(layers);
    List<LayerPlan> plans = new ArrayList<>();
    String inputBuffer = "batchInput";
    String inputGradient = null;
    String inputSize = names.get(0).sizeConstant();
    boolean batchNorm = layers.stream().anyMatch(l -> l instanceof CheckedLayer.BatchNormLayer);
    for (int i = 0; i < layers.size(); i++) {
      CheckedLayer layer = layers.get(i);
      LayerNames layerNames = names.get(i);
      if (layer instanceof CheckedLayer.InputLayer input) {
        plans.add(new LayerPlan.InputPlan(input, layerNames));
        continue;
      }
      if (layer instanceof CheckedLayer.DenseLayer dense) {
        boolean output = i == layers.size() - 1;
        plans.add(new LayerPlan.DensePlan(
            dense,
            layerNames,
            inputSize,
            inputBuffer,
            inputGradient,
            strategy(dense),
            dense.activation() != Activation.LINEAR,
            output && fused(network.loss(), dense.activation()),
            BLOCKING,
            forwardInHalves(inputBuffer.equals("batchInput"), strategy(dense), dense.inputs(),
                batchNorm)));
        inputGradient = layerNames.grad();
      } else if (layer instanceof CheckedLayer.DropoutLayer dropout) {
        plans.add(new LayerPlan.DropoutPlan(
            dropout, layerNames, inputSize, inputBuffer, inputGradient));
        if (inputGradient != null) {
          inputGradient = layerNames.grad();
        }
      } else if (layer instanceof CheckedLayer.BatchNormLayer norm) {
        plans.add(new LayerPlan.BatchNormPlan(norm, layerNames, inputSize, inputBuffer,
            inputGradient, norm.activation() != Activation.LINEAR));
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
    return new NetworkPlan(network, plans, parallelMinBatch(layers), predictsInLocals(plans),
        backpropagatesInLocals(plans, network.loss()));
  }

  /**
   * Whether a dense layer's forward product runs in two parts of fixed weight rows, rows {@code
   * 0..inputs/2-1} from the bias and the rest from zero, and then adds the second part's sums to
   * the first's, on the Vector API's kernels where they take it over and on the plain loops
   * otherwise. Two threads then each compute one part for the whole batch: each reads only the
   * half of the weights whose gradients it computes and which it updates in {@code step}, so that
   * no weight crosses between the cores. On the Zen 5 machine a write to a cache line the other
   * core has read cost 27 times a write to one of its own (docs/design.md, "What crosses between
   * the cores"), and with the Vector API's kernels Adam's step on two threads took 2.9-3.9 times
   * as long as on one before this split (on one thread it does all the work, on two half of it).
   * The split changes the order of the sums, and so their rounding, but not between thread counts
   * or batch sizes: one thread computes the same two parts.
   *
   * <p>It applies to the first layer, looped, whose input is the batch itself (only Flatten may
   * come between), which passes no gradient back and so needs no transposed copy of its weights
   * on both threads, in a network without batch normalization (whose batches are never split).
   *
   * @param readsBatchInput whether the layer's input is the batch input
   * @param strategy how the layer's kernels are written
   * @param inputs the layer's inputs
   * @param batchNorm whether the network has a batch normalization layer
   */
  public static boolean forwardInHalves(
      boolean readsBatchInput, Strategy strategy, long inputs, boolean batchNorm) {
    return readsBatchInput && strategy == Strategy.LOOPED && inputs >= 2 && !batchNorm;
  }

  /**
   * The fewest weights of a {@link #forwardInHalves} layer for which a batch too small to split
   * over threads (fewer than {@code PARALLEL_MIN_BATCH} samples) still shares the two parts of the
   * layer's product between them, with the Vector API's kernels, each thread reading its own half
   * of the weights. With one sample the product takes about as long as reading the weights: on the
   * Zen 4 machine each half of the 784 x 256 layer of the benchmarks took 4.5-5.3 us (80 GB/s),
   * and handing work to a thread still spinning took 0.3-0.9 us ({@code HandOffCost},
   * docs/design.md). At this size (256 KB) half the weights take about 1.6 us to read, twice the
   * hand-off. On the plain loops one prediction of that network on two threads took 9.8-13.7 us
   * with the parts shared, against 16.3-16.6 us with the whole layer on the calling thread
   * (docs/design.md).
   */
  public static final long SHARED_MIN_WEIGHTS = 1L << 16;

  /**
   * Whether a {@link #forwardInHalves} layer of {@code inputs} x {@code units} weights shares its
   * product between the threads in batches too small to split ({@link #SHARED_MIN_WEIGHTS}).
   */
  public static boolean sharesSmallBatches(long inputs, long units) {
    return inputs * units >= SHARED_MIN_WEIGHTS;
  }

  /**
   * The samples per call of the plain loops of one part of a {@link #forwardInHalves} product:
   * each call passes every tile of the part's weight rows over the slice, so that the slice's sums
   * stay in the cache (the L2 of 1 MiB holds the sums of 128 samples for a layer of up to 512
   * units beside a tile of weights). On the Zen 4 machine 1000 predictions of the benchmarks'
   * 784-256-128-10 network on one thread took 10.2-10.4 ms in slices of 128 against 11.0-11.3 ms
   * without, in one alternation of the two (docs/design.md).
   */
  public static final int PART_SLICE_SAMPLES = 128;

  /** The first weight row of the second part of a {@link #forwardInHalves} product. */
  public static long splitRow(long inputs) {
    return inputs / 2;
  }

  /**
   * The shape of a dense layer, as {@link #predictsInLocals(long, List, boolean)} and {@link
   * #backpropagatesInLocals} need it.
   */
  public record DenseShape(long inputs, long units, boolean bias, Activation activation) {}

  /** {@link #predictsInLocals(long, List, boolean)} for planned layers. */
  static boolean predictsInLocals(List<LayerPlan> plans) {
    return predictsInLocals(plans.get(0).layer().outputSize(), denseShapes(plans),
        has(plans, LayerPlan.BatchNormPlan.class));
  }

  /** {@link #backpropagatesInLocals(long, List, boolean, boolean, Loss)} for planned layers. */
  static boolean backpropagatesInLocals(List<LayerPlan> plans, Loss loss) {
    return backpropagatesInLocals(plans.get(0).layer().outputSize(), denseShapes(plans),
        has(plans, LayerPlan.BatchNormPlan.class), has(plans, LayerPlan.DropoutPlan.class), loss);
  }

  private static List<DenseShape> denseShapes(List<LayerPlan> plans) {
    List<DenseShape> dense = new ArrayList<>();
    for (LayerPlan plan : plans) {
      if (plan instanceof LayerPlan.DensePlan d) {
        dense.add(new DenseShape(d.layer().inputs(), d.layer().units(), d.layer().bias(),
            d.layer().activation()));
      }
    }
    return dense;
  }

  private static boolean has(List<LayerPlan> plans, Class<? extends LayerPlan> kind) {
    return plans.stream().anyMatch(kind::isInstance);
  }

  /**
   * Whether the backward pass of a batch of one sample runs as one method that keeps each unit's
   * gradient in a local variable, instead of through the per-layer kernels and their gradient
   * buffers: the network predicts in local variables ({@link #predictsInLocals(long, List,
   * boolean)}), has no dropout (whose mask the per-layer kernels apply), no PRELU (whose slope
   * gradient sums per-sample terms) and no softmax but an output one fused with its loss, and
   * the method stays within {@link #LOCALS_BACKWARD_MAX_TERMS}.
   *
   * @param inputValues the values of one input sample
   * @param dense the dense layers, in order
   * @param batchNorm whether the network has a batch normalization layer
   * @param dropout whether the network has a dropout layer
   * @param loss the network's loss
   */
  public static boolean backpropagatesInLocals(
      long inputValues, List<DenseShape> dense, boolean batchNorm, boolean dropout, Loss loss) {
    if (dropout || !predictsInLocals(inputValues, dense, batchNorm)) {
      return false;
    }
    long terms = 0;
    for (int i = 0; i < dense.size(); i++) {
      DenseShape layer = dense.get(i);
      boolean output = i == dense.size() - 1;
      if (layer.activation() == Activation.PRELU
          || (layer.activation() == Activation.SOFTMAX
              && !(output && fused(loss, layer.activation())))) {
        return false;
      }
      long weights = layer.inputs() * layer.units();
      terms += i == 0 ? weights : 2 * weights;
    }
    return terms <= LOCALS_BACKWARD_MAX_TERMS;
  }

  /**
   * Whether a single sample is predicted with every value in a local variable: every dense layer
   * is unrolled, no batch normalization (whose inference reads running statistics per unit) comes
   * in between, and the method stays within {@link #LOCALS_PREDICTION_MAX_WEIGHTS} and {@link
   * #LOCALS_PREDICTION_MAX_LOCALS}. Dropout and flatten layers pass their input on unchanged in
   * inference.
   *
   * @param inputValues the values of one input sample
   * @param dense the dense layers, in order
   * @param batchNorm whether the network has a batch normalization layer
   */
  public static boolean predictsInLocals(
      long inputValues, List<DenseShape> dense, boolean batchNorm) {
    if (batchNorm) {
      return false;
    }
    long weights = 0;
    long locals = inputValues;
    for (DenseShape layer : dense) {
      if (strategy(layer.inputs(), layer.units()) != Strategy.UNROLLED) {
        return false;
      }
      weights += layer.inputs() * layer.units();
      // a one-unit unrolled layer keeps its weights in one row
      locals += layer.units() + (layer.units() == 1 ? 1 : layer.inputs())
          + (layer.bias() ? 1 : 0);
    }
    return weights <= LOCALS_PREDICTION_MAX_WEIGHTS && locals <= LOCALS_PREDICTION_MAX_LOCALS;
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

  /** Unrolled for small layers, looped otherwise. */
  static Strategy strategy(CheckedLayer.DenseLayer dense) {
    return strategy(dense.inputs(), dense.units());
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
