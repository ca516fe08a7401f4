package dev.dendrite.processor.plan;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.CheckedLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer of the generated class and the way the planner chose to write it: the buffers it
 * reads and writes and the private methods it declares. The class writer writes each layer
 * kind's methods from these records, and the rules on the user's class read {@link #methods()}.
 */
public sealed interface LayerPlan {

  /** The checked layer. */
  CheckedLayer layer();

  /** The identifiers generated for the layer. */
  LayerNames names();

  /** The size constant of the values this layer reads per sample: the input's loop bound. */
  String inputSizeConstant();

  /**
   * The rows the layer reads in a training pass: the output buffer of the layer before (through
   * any flatten), or {@code batchInput}.
   */
  String inputBuffer();

  /**
   * Where the layer's backward pass writes the gradient with respect to its input: the gradient
   * buffer of the layer before; {@code null} when no trainable layer comes before, so that
   * nothing needs it.
   */
  String inputGradientBuffer();

  /** The private methods the layer declares, in the order they are written. */
  List<GeneratedMethod> methods();

  /** The layer's per-sample buffers, in the order they are allocated. */
  default List<Buffer> buffers() {
    return List.of();
  }

  /**
   * A per-sample buffer: a row of {@code sizeConstant} values per sample.
   *
   * @param name the field
   * @param sizeConstant the length of a row; {@code null} for a buffer of references to rows held
   *     elsewhere
   * @param what what it holds, for messages, e.g. {@code the outputs}
   */
  record Buffer(String name, String sizeConstant, String what) {}

  /** The float network's erased types, for {@link GeneratedMethod}. */
  String MATRIX = "float[][]";

  /** The input layer: no code, the batch itself. */
  record InputPlan(CheckedLayer.InputLayer layer, LayerNames names) implements LayerPlan {
    @Override
    public String inputSizeConstant() {
      return names.sizeConstant();
    }

    @Override
    public String inputBuffer() {
      return null;
    }

    @Override
    public String inputGradientBuffer() {
      return null;
    }

    @Override
    public List<GeneratedMethod> methods() {
      return List.of();
    }
  }

  /**
   * A dense layer.
   *
   * @param strategy how its products are written
   * @param fusedLoss whether it is the output layer and its loss gradient is taken with respect to
   *     {@code z} directly (sigmoid + binary cross-entropy, softmax + categorical cross-entropy)
   * @param splitsRows whether the network splits its parameter gradients over threads by weight
   *     rows ({@code parameterGradient(n, part, parts)}); else one call takes them all
   * @param halves whether its forward product runs in two parts of fixed weight rows, rows {@code
   *     0..inputs/2-1} from the bias and the rest from zero, the second part's sums then added to
   *     the first's: on two threads each thread computes one part for the whole batch and so reads
   *     only the half of the weights whose gradients it computes and updates in {@code step}. The
   *     first layer of a network that splits batches, looped, reading the batch itself (only a
   *     Flatten between) and passing no gradient back, with an even number of inputs
   */
  record DensePlan(
      CheckedLayer.DenseLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer,
      Strategy strategy,
      boolean fusedLoss,
      boolean splitsRows,
      boolean halves)
      implements LayerPlan {

    /**
     * The fewest weights of a halved layer for which a batch too small to split still shares the
     * two parts between the threads: with one sample the product takes about as long as reading
     * the weights, and half of them must take longer to read than a hand-off to a spinning thread.
     */
    public static final long SHARED_MIN_WEIGHTS = 1L << 16;

    /** Whether a halved layer shares its parts between the threads in any batch. */
    public boolean sharesSmallBatches() {
      return halves && (long) layer.inputs() * layer.units() >= SHARED_MIN_WEIGHTS;
    }

    /** The first weight row of the second part of a halved product, and the rows of each part. */
    public int splitRow() {
      return layer.inputs() / 2;
    }

    /** Whether it keeps the pre-activations {@code z} apart from its outputs: not when LINEAR. */
    public boolean keepsPreActivation() {
      return layer.activation() != Activation.LINEAR;
    }

    /**
     * Whether the backward pass multiplies the output gradient by the activation's derivative:
     * every activation but LINEAR, unless fused with the loss.
     */
    public boolean needsDerivative() {
      return layer.activation() != Activation.LINEAR && !fusedLoss;
    }

    /**
     * Whether the input gradient reads transposed weights {@code [units][inputs]}, so that its
     * inner loop runs over a row as the forward product's does: a looped layer that passes a
     * gradient back.
     */
    public boolean transposes() {
      return strategy == Strategy.LOOPED && inputGradientBuffer != null;
    }

    /**
     * Whether the weight {@code [inputs][1]} of an unrolled layer with one unit is stored as one
     * row {@code [1][inputs]}: one array to read instead of one per input.
     */
    public boolean oneRowWeight() {
      return strategy == Strategy.UNROLLED && layer.units() == 1;
    }

    /** Whether the plain loops of a looped layer's forward product take its weights in tiles. */
    public boolean forwardTiled() {
      return strategy == Strategy.LOOPED && !halves
          && Planner.BLOCKING.tiles(layer.inputs(), layer.units());
    }

    /** Whether the plain loops of the input gradient take the transposed weights in tiles. */
    public boolean inputGradientTiled() {
      return transposes() && Planner.BLOCKING.tiles(layer.units(), layer.inputs());
    }

    @Override
    public List<Buffer> buffers() {
      String size = names.sizeConstant();
      List<Buffer> buffers = new ArrayList<>();
      if (keepsPreActivation()) {
        buffers.add(new Buffer(names.pre(), size, "the pre-activations"));
      }
      buffers.add(new Buffer(names.out(), size, "the outputs"));
      buffers.add(new Buffer(names.grad(), size, "the output gradient"));
      if (layer.isPrelu()) {
        buffers.add(new Buffer(names.alphaTerms(), size, "the PRELU slope gradient terms"));
      }
      if (halves) {
        buffers.add(new Buffer(names.secondHalf(), size, "the second part's sums"));
        buffers.add(new Buffer(names.secondInput(), null, "the second part's input rows"));
      }
      return buffers;
    }

    @Override
    public List<GeneratedMethod> methods() {
      String name = layer.name();
      List<GeneratedMethod> methods = new ArrayList<>();
      methods.add(GeneratedMethod.kernel(name, names.forward(), MATRIX, MATRIX, "int", "int"));
      if (halves) {
        methods.add(GeneratedMethod.kernel(name, names.forwardHalves(), "void", "int", "int"));
        methods.add(GeneratedMethod.kernel(name, names.forwardPart(), "void", MATRIX, MATRIX,
            MATRIX, "int", "int"));
      }
      if (forwardTiled()) {
        methods.add(GeneratedMethod.kernel(name, names.forwardTiles(), "void", MATRIX, "int",
            "int"));
      }
      if (needsDerivative()) {
        methods.add(GeneratedMethod.kernel(name, names.backward(), "void", "int", "int"));
      }
      if (inputGradientBuffer != null) {
        methods.add(GeneratedMethod.kernel(name, names.inputGradient(), "void", "int", "int"));
      }
      if (inputGradientTiled()) {
        methods.add(GeneratedMethod.kernel(name, names.inputGradientTiles(), "void", MATRIX,
            "int", "int"));
      }
      methods.add(splitsRows
          ? GeneratedMethod.kernel(name, names.parameterGradient(), "void", "int", "int", "int")
          : GeneratedMethod.kernel(name, names.parameterGradient(), "void", "int"));
      return List.copyOf(methods);
    }
  }

  /**
   * A dropout layer.
   *
   * @param inputGradientBuffer where its backward pass writes; {@code null} when no trainable
   *     layer comes before it, so that it needs no backward pass
   */
  record DropoutPlan(
      CheckedLayer.DropoutLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer)
      implements LayerPlan {

    @Override
    public List<Buffer> buffers() {
      String size = names.sizeConstant();
      Buffer mask = new Buffer(names.mask(), size, "the dropout mask");
      Buffer out = new Buffer(names.out(), size, "the outputs");
      return inputGradientBuffer == null
          ? List.of(mask, out)
          : List.of(mask, out, new Buffer(names.grad(), size, "the output gradient"));
    }

    @Override
    public List<GeneratedMethod> methods() {
      String name = layer.name();
      GeneratedMethod draw = GeneratedMethod.kernel(name, names.drawMask(), "void", "int");
      GeneratedMethod forward =
          GeneratedMethod.kernel(name, names.forward(), MATRIX, MATRIX, "int", "int");
      return inputGradientBuffer == null
          ? List.of(draw, forward)
          : List.of(draw, forward,
              GeneratedMethod.kernel(name, names.backward(), "void", "int", "int"));
    }
  }

  /**
   * A batch normalization layer: its passes need the statistics of the whole batch, so they run
   * over all of it on the calling thread.
   *
   * @param inputGradientBuffer where its input gradient goes; {@code null} when no trainable layer
   *     comes before it
   */
  record BatchNormPlan(
      CheckedLayer.BatchNormLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer)
      implements LayerPlan {

    /** Whether it keeps {@code y = gamma xhat + beta} apart from its outputs: not when LINEAR. */
    public boolean keepsPreActivation() {
      return layer.activation() != Activation.LINEAR;
    }

    @Override
    public List<Buffer> buffers() {
      String size = names.sizeConstant();
      List<Buffer> buffers = new ArrayList<>();
      buffers.add(new Buffer(names.normalized(), size, "the normalized inputs"));
      if (keepsPreActivation()) {
        buffers.add(new Buffer(names.pre(), size, "the pre-activations"));
      }
      buffers.add(new Buffer(names.out(), size, "the outputs"));
      buffers.add(new Buffer(names.grad(), size, "the output gradient"));
      return buffers;
    }

    @Override
    public List<GeneratedMethod> methods() {
      String name = layer.name();
      List<GeneratedMethod> methods = new ArrayList<>(List.of(
          GeneratedMethod.kernel(name, names.forward(), MATRIX, MATRIX, "int"),
          GeneratedMethod.kernel(name, names.inference(), MATRIX, MATRIX, "int"),
          GeneratedMethod.kernel(name, names.backward(), "void", "int")));
      if (inputGradientBuffer != null) {
        methods.add(GeneratedMethod.kernel(name, names.inputGradient(), "void", "int"));
      }
      return List.copyOf(methods);
    }
  }

  /**
   * A flatten layer: no code; the rows it reads are its output, and the gradient of its output is
   * the gradient of its input.
   */
  record FlattenPlan(
      CheckedLayer.FlattenLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer)
      implements LayerPlan {

    @Override
    public List<GeneratedMethod> methods() {
      return List.of();
    }
  }
}
