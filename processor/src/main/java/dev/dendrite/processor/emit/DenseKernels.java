package dev.dendrite.processor.emit;

import static dev.dendrite.processor.emit.BlockedProduct.blockLoop;
import static dev.dendrite.processor.emit.BlockedProduct.offset;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.Blocking;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.plan.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the kernels of one dense layer: forward, backward (activation derivative), input
 * gradient, parameter gradients, and, for the output layer, the loss.
 *
 * <p>Per-sample kernels take a range of samples {@code [from, to)} so that a batch can be split
 * over threads; the parameter gradients, sums over every sample, take a share of the weight rows
 * instead. Each sample's arithmetic is the same whatever the range, and every sum over samples is
 * taken in sample order, so results do not depend on the split.
 *
 * <p>Looped kernels keep every inner loop in the form HotSpot's C2 vectorizes: the same index on
 * every array of the loop, no sum carried from one iteration to the next. They are blocked as
 * the plan's {@link Blocking} says, so that each load of a weight serves several samples and each
 * load and store of an accumulator row serves several inputs.
 */
final class DenseKernels {

  static final ClassName LOSS_KERNELS = ClassName.get("dev.dendrite.kernel", "LossKernels");
  static final ClassName WORKERS = ClassName.get("dev.dendrite.parallel", "Workers");
  static final ClassName KERNELS = ClassName.get("dev.dendrite.kernel", "Kernels");
  static final ClassName MATRIX_KERNELS = ClassName.get("dev.dendrite.kernel", "MatrixKernels");

  /**
   * Unrolled parameter gradients of at most this many weights write the first sample's terms
   * directly instead of zeroing every sum and adding to it (a single-sample step touches each
   * gradient once instead of three times). Larger ones keep the zeroing: writing the first sample
   * apart doubles the method, and at {@code Planner.UNROLL_MAX_WEIGHTS} that came to 7.5 KB,
   * too near HotSpot's 8000-byte limit.
   */
  static final int PEEL_MAX_WEIGHTS = 128;

  private final LayerPlan.DensePlan plan;
  private final CheckedLayer.DenseLayer layer;
  private final LayerNames names;
  private final Precision p;
  private final ActivationCode activation;
  private final boolean unrolled;
  private final Blocking blocking;
  private final String zero;

  DenseKernels(LayerPlan.DensePlan plan, Precision precision) {
    this.plan = plan;
    this.layer = plan.layer();
    this.names = plan.names();
    this.p = precision;
    this.activation = new ActivationCode(plan, precision);
    this.unrolled = plan.strategy() == Strategy.UNROLLED;
    this.blocking = plan.blocking();
    this.zero = precision.literal(0);
  }

  /**
   * Whether the layer's matrix products may be taken over by {@code Kernels.VECTOR}: looped
   * float layers.
   */
  private boolean vectorizable() {
    return !unrolled && p == Precision.FLOAT;
  }

  /**
   * Whether the forward product runs in two parts of fixed weight rows ({@link
   * dev.dendrite.processor.plan.Planner#forwardInHalves}), on {@code Kernels.VECTOR} where it
   * takes the product over and on the plain loops of {@link #forwardPart} otherwise.
   */
  boolean forwardInHalves() {
    return plan.forwardInHalves() && !unrolled;
  }

  /**
   * Whether {@code Kernels.VECTOR} may compute the two parts of the forward product in halves:
   * float layers, when it is loaded and the layer is at least one vector wide.
   */
  boolean vectorParts() {
    return forwardInHalves() && vectorizable();
  }

  /**
   * Opens {@code if (Kernels.VECTOR != null && width >= fast.minUnits())}, naming the kernels
   * {@code fast}: {@code width}, a size constant, is the number of columns of the product's
   * result (the layer's units, or its inputs for the input gradient).
   */
  private void beginVectorBranch(MethodSpec.Builder m, String width) {
    m.addStatement("$T fast = $T.VECTOR", MATRIX_KERNELS, KERNELS);
    m.beginControlFlow("if (fast != null && $L >= fast.minUnits())", width);
  }

  /** The buffer holding {@code z}: its own, or the output buffer for a linear layer. */
  private String preBuffer() {
    return plan.keepsPreActivation() ? names.pre() : names.out();
  }

  private String describe() {
    return "{@code " + layer.name() + "} (Dense, " + plan.inputSizeConstant() + " inputs to "
        + names.sizeConstant() + " units, " + layer.detail() + ")";
  }

  /** Whether the backward pass multiplies the gradient by the activation's derivative. */
  boolean needsDerivative() {
    return plan.keepsPreActivation() && !plan.fusedLoss();
  }

  // ---- forward ----

  /** {@code float[][] fForward(float[][] in, int from, int to)}. */
  MethodSpec forward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Forward pass of $L:\n{@code z = in · $L$L}, then the activation.\n",
            describe(), names.weight(), layer.bias() ? " + " + names.bias() : "")
        .addJavadoc("Writes $L rows {@code from..to-1}.\n",
            plan.keepsPreActivation() ? names.pre() + " and " + names.out() : names.out());
    if (plan.keepsLossTerms()) {
      m.addJavadoc("A training pass also writes each output's loss term {@code log(1 + e^-|z|)} to"
          + " $L,\nfrom the exponential the sigmoid computes.\n", names.lossTerms());
    }
    if (forwardInHalves()) {
      m.addJavadoc("{@link #$L} has already summed the product in two parts of weight rows;\n"
          + "this adds the second to the first.\n", names.forwardHalves());
      m.addCode(activation.forwardSetup());
      m.beginControlFlow("for (int s = from; s < to; s++)");
      m.addStatement("$T z = $L[s]", p.vector, preBuffer());
      m.addStatement("$T h = $L[s]", p.vector, names.secondHalf());
      m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
      m.addStatement("z[j] += h[j]");
      m.endControlFlow();
      if (plan.keepsPreActivation()) {
        m.addStatement("$T a = $L[s]", p.vector, names.out());
        applyActivation(m, "z", "a", "s");
      }
      m.endControlFlow();
      m.addStatement("return $L", names.out());
      return m.build();
    }
    if (layer.bias()) {
      m.addStatement("$T b = $L[0]", p.vector, names.bias());
    }
    m.addCode(activation.forwardSetup());
    if (unrolled) {
      hoistWeightRows(m, "w", names.weight());
      m.beginControlFlow("for (int s = from; s < to; s++)");
      m.addStatement("$T x = in[s]", p.vector);
      m.addStatement("$T z = $L[s]", p.vector, preBuffer());
      for (int k = 0; k < layer.inputs(); k++) {
        m.addStatement("$T x$L = x[$L]", p.scalar, k, k);
      }
      for (int j = 0; j < layer.units(); j++) {
        List<CodeBlock> terms = new ArrayList<>();
        if (layer.bias()) {
          terms.add(CodeBlock.of("b[$L]", j));
        }
        for (int k = 0; k < layer.inputs(); k++) {
          terms.add(CodeBlock.of("x$L * $L", k, weightAt("w", k, j)));
        }
        m.addStatement("z[$L] = $L", j, Sums.of(terms));
      }
      if (plan.keepsPreActivation()) {
        m.addStatement("$T a = $L[s]", p.vector, names.out());
        activate(m, "z", "a", "s", () -> {
          if (activation.isRowWise()) {
            m.addCode(activation.applyRow("z", "a"));
          } else {
            for (int j = 0; j < layer.units(); j++) {
              m.addStatement("a[$L] = $L", j, activation.apply("z", j));
            }
          }
        });
      }
      m.endControlFlow();
    } else {
      BlockedProduct product = forwardProduct();
      m.addJavadoc("$L samples per pass share each weight load; each load and store of {@code z}"
          + " serves $L inputs.\n", product.samples(), product.rows());
      if (product.tiled()) {
        m.addJavadoc("The rows of {@code $L} are taken $L at a time in {@link #$L},\neach tile by"
            + " every sample before the next, so that it stays in the cache.\n", names.weight(),
            product.tileRows(), names.forwardTiles());
      }
      if (vectorizable()) {
        m.addJavadoc("With {@code Kernels.VECTOR}, that takes over the product of a layer as wide"
            + " as its vectors.\n");
        beginVectorBranch(m, names.sizeConstant());
        m.addStatement("fast.forward(in, $L, $L, $L, from, to)", names.weight(),
            layer.bias() ? "b" : "null", preBuffer());
        if (plan.keepsPreActivation()) {
          m.beginControlFlow("for (int s = from; s < to; s++)");
          m.addStatement("$T z = $L[s]", p.vector, names.pre());
          m.addStatement("$T a = $L[s]", p.vector, names.out());
          applyActivation(m, "z", "a", "s");
          m.endControlFlow();
        }
        m.addStatement("return $L", names.out());
        m.endControlFlow();
      }
      product.write(m);
    }
    m.addStatement("return $L", names.out());
    return m.build();
  }

  /**
   * {@code void fForwardHalves(int part, int parts)}: part {@code part} of {@code parts} of the
   * forward product in two parts of weight rows, for the current batch.
   */
  MethodSpec forwardHalves() {
    String split = names.splitRowConstant();
    String inputs = plan.inputSizeConstant();
    boolean odd = layer.inputs() % 2 != 0;
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forwardHalves())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addJavadoc("The product of $L in two parts:\n"
            + "writes to $L {@code z = in · $L$L} over weight rows {@code 0..$L-1} (the first"
            + " part),\nand to $L the sums over rows {@code $L..$L-1} (the second).\n",
            describe(), preBuffer(), names.weight(), layer.bias() ? " + " + names.bias() : "",
            split, names.secondHalf(), split, inputs);
    if (vectorizable()) {
      m.addJavadoc("With {@code Kernels.VECTOR} ({@link #$L}), its kernels compute both parts;"
          + "\notherwise {@link #$L} does, for the second part on $L (rows of $L) and $L.\n",
          names.vectorPartsConstant(), names.forwardPart(), names.secondInput(),
          names.secondPool(), names.secondRows());
    } else {
      m.addJavadoc("{@link #$L} computes both parts, the second on $L (rows of $L) and $L.\n",
          names.forwardPart(), names.secondInput(), names.secondPool(), names.secondRows());
    }
    if (odd) {
      m.addJavadoc("The second part has one row more, the last, added after the others.\n");
    }
    m.addJavadoc("The work is two parts times {@code parts} ranges of samples, the first part's"
            + " ranges first;\npart {@code p} takes items {@code 2p} and {@code 2p + 1}, so that"
            + " on two threads each thread\nreads only its own half of the weights, the half whose"
            + " gradients it computes and which it\nupdates in {@link #step}. Every value is the"
            + " same for any number of threads.\n");
    if (vectorizable()) {
      m.addStatement("$T fast = $T.VECTOR", MATRIX_KERNELS, KERNELS);
    }
    m.beginControlFlow("for (int item = 2 * part; item < 2 * part + 2; item++)")
        .addStatement("int range = item % parts")
        .addStatement("int from = $T.start(batchSize, range, parts)", WORKERS)
        .addStatement("int to = $T.start(batchSize, range + 1, parts)", WORKERS);
    if (vectorizable()) {
      m.beginControlFlow("if ($L)", names.vectorPartsConstant())
          .beginControlFlow("if (item < parts)")
          .addStatement("fast.forwardPart($L, $L, 0, $L, $L, $L, from, to)", plan.inputBuffer(),
              names.weight(), split, layer.bias() ? names.bias() + "[0]" : "null", preBuffer())
          .nextControlFlow("else")
          .addStatement("fast.forwardPart($L, $L, $L, $L, null, $L, from, to)",
              plan.inputBuffer(), names.weight(), split, inputs, names.secondHalf())
          .endControlFlow()
          .nextControlFlow("else if (item < parts)");
    } else {
      m.beginControlFlow("if (item < parts)");
    }
    m.beginControlFlow("for (int s = from; s < to; s++)");
    if (layer.bias()) {
      m.addStatement("$T.arraycopy($L[0], 0, $L[s], 0, $L)", System.class, names.bias(),
          preBuffer(), names.sizeConstant());
    } else {
      m.addStatement("$T.fill($L[s], $L)", Arrays.class, preBuffer(), zero);
    }
    m.endControlFlow();
    partInSlices(m, plan.inputBuffer(), names.weight(), preBuffer());
    m.nextControlFlow("else");
    m.addStatement("$T pool = $L[range]", p.matrix, names.secondPool());
    m.addComment("$L samples at a time, their inputs copied to this range's rows of the pool",
        Planner.PART_SLICE_SAMPLES);
    m.beginControlFlow("for (int start = from; start < to; start += $L)",
            Planner.PART_SLICE_SAMPLES)
        .addStatement("int end = $T.min(to, start + $L)", Math.class, Planner.PART_SLICE_SAMPLES)
        .beginControlFlow("for (int s = start; s < end; s++)")
        .addStatement("$T x = pool[s - start]", p.vector)
        .addStatement("$T.arraycopy($L[s], $L, x, 0, $L)", System.class, plan.inputBuffer(),
            split, split)
        .addStatement("$L[s] = x", names.secondInput())
        .addStatement("$T.fill($L[s], $L)", Arrays.class, names.secondHalf(), zero)
        .endControlFlow()
        .addStatement("$L($L, $L, $L, start, end)", names.forwardPart(), names.secondInput(),
            names.secondRows(), names.secondHalf())
        .endControlFlow();
    if (odd) {
      m.addStatement("$T last = $L[$L - 1]", p.vector, names.weight(), inputs);
      m.beginControlFlow("for (int s = from; s < to; s++)")
          .addStatement("$T x = $L[s][$L - 1]", p.scalar, plan.inputBuffer(), inputs)
          .addStatement("$T h = $L[s]", p.vector, names.secondHalf())
          .beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant())
          .addStatement("h[j] += x * last[j]")
          .endControlFlow()
          .endControlFlow();
    }
    m.endControlFlow();
    m.endControlFlow();
    return m.build();
  }

  /**
   * Calls {@link #forwardPart} on samples {@code from..to-1} in slices of {@link
   * Planner#PART_SLICE_SAMPLES}.
   */
  private void partInSlices(MethodSpec.Builder m, String in, String w, String out) {
    m.addComment("$L samples at a time, whose sums stay in the cache while the tiles pass over"
        + " them", Planner.PART_SLICE_SAMPLES);
    m.beginControlFlow("for (int start = from; start < to; start += $L)",
            Planner.PART_SLICE_SAMPLES)
        .addStatement("$L($L, $L, $L, start, $T.min(to, start + $L))", names.forwardPart(), in, w,
            out, Math.class, Planner.PART_SLICE_SAMPLES)
        .endControlFlow();
  }

  /**
   * {@code void fForwardPart(float[][] in, float[][] w, float[][] out, int from, int to)}: the
   * plain loops of either part of the forward product in halves, over the first {@code
   * F_SPLIT_ROW} rows of {@code w}.
   */
  MethodSpec forwardPart() {
    BlockedProduct product = new BlockedProduct(p, blocking, new BlockedProduct.Operands(
        "in", "w", "out", (int) Planner.splitRow(layer.inputs()), names.splitRowConstant(),
        names.sizeConstant(), false, "x", "z", "w", "k", "j"),
        layer.units(), null, names.forwardPart());
    return product.partMethod(names.forwardPart(), "One part of the forward product of "
        + describe() + " in halves:");
  }

  /**
   * The forward pass's product {@code z = in · W + b} for samples {@code from..to-1}, then the
   * activation of each sample's row.
   */
  private BlockedProduct forwardProduct() {
    BlockedProduct.Finish activate = plan.keepsPreActivation()
        ? (m, i, row, sample) -> {
            m.addStatement("$T a$L = $L[$L]", p.vector, i, names.out(), sample);
            applyActivation(m, row, "a" + i, sample);
          }
        : null;
    return new BlockedProduct(p, blocking, new BlockedProduct.Operands(
        "in", names.weight(), preBuffer(), layer.inputs(), plan.inputSizeConstant(),
        names.sizeConstant(), layer.bias(), "x", "z", "w", "k", "j"),
        layer.units(), activate, names.forwardTiles());
  }

  /** The input gradient's product {@code d = dz · W^T}, on the transposed weights. */
  private BlockedProduct inputGradientProduct() {
    return new BlockedProduct(p, blocking, new BlockedProduct.Operands(
        names.grad(), names.weightTransposed(), plan.inputGradientBuffer(), layer.units(),
        names.sizeConstant(), plan.inputSizeConstant(), false, "g", "d", "t", "j", "k"),
        layer.inputs(), null, names.inputGradientTiles());
  }

  /**
   * The methods that hold the tiles of the layer's products, one per tiled product: the forward
   * pass's and the input gradient's.
   */
  List<MethodSpec> tileMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (unrolled) {
      return methods;
    }
    BlockedProduct forward = forwardProduct();
    if (forward.tiled() && !forwardInHalves()) {
      methods.add(forward.tilesMethod("Part of the forward pass of " + describe() + ":"));
    }
    if (plan.inputGradientBuffer() != null) {
      BlockedProduct gradient = inputGradientProduct();
      if (gradient.tiled()) {
        methods.add(gradient.tilesMethod("Part of the input gradient of " + describe()
            + ", on the transposed weights:"));
      }
    }
    return methods;
  }

  /** {@code a = activation(z)} for the rows of sample {@code sample}, as a loop. */
  private void applyActivation(MethodSpec.Builder m, String z, String a, String sample) {
    activate(m, z, a, sample, () -> {
      if (activation.isRowWise()) {
        m.addCode(activation.applyRow(z, a));
      } else {
        m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
        m.addStatement("$L[j] = $L", a, activation.apply(z, "j"));
        m.endControlFlow();
      }
    });
  }

  /**
   * The activation of row {@code z} into row {@code a} of sample {@code sample}: the code {@code
   * plain} writes, or, for the output of binary cross-entropy, in a training pass, the sigmoid
   * together with the loss terms from one exponential.
   */
  private void activate(MethodSpec.Builder m, String z, String a, String sample, Runnable plain) {
    if (!plan.keepsLossTerms()) {
      plain.run();
      return;
    }
    m.beginControlFlow("if (trainingPass)");
    m.addStatement("$T.sigmoidWithLossTerms($L, $L, $L[$L])", LOSS_KERNELS, z, a,
        names.lossTerms(), sample);
    m.nextControlFlow("else");
    plain.run();
    m.endControlFlow();
  }

  // ---- single-sample prediction ----

  /**
   * The layer's part of a single-sample prediction that keeps every value in a local variable:
   * reads its inputs from the locals {@code in} and declares a local {@code <layer>_<j>} per unit,
   * or, for the output layer ({@code output} not null), writes its units to that array. Each
   * unit's sum has the forward pass's terms in the forward pass's order, so the values are the
   * same bit for bit.
   *
   * @return the names of the locals holding the units
   */
  List<String> singleSample(MethodSpec.Builder m, List<String> in, String output) {
    String prefix = layer.name();
    String bias = prefix + "B";
    String temp = prefix + "Z";
    layerComment(m);
    if (layer.bias()) {
      m.addStatement("$T $L = $L[0]", p.vector, bias, names.bias());
    }
    hoistWeightRows(m, prefix + "W", names.weight());
    boolean rowWise = activation.isRowWise();
    boolean viaTemp = !rowWise && activation.readsValueTwice();
    if (viaTemp) {
      m.addStatement("$T $L", p.scalar, temp);
    }
    List<String> out = new ArrayList<>();
    for (int j = 0; j < layer.units(); j++) {
      List<CodeBlock> terms = new ArrayList<>();
      if (layer.bias()) {
        terms.add(CodeBlock.of("$L[$L]", bias, j));
      }
      for (int k = 0; k < layer.inputs(); k++) {
        terms.add(CodeBlock.of("$L * $L", in.get(k), weightAt(prefix + "W", k, j)));
      }
      CodeBlock.Builder sum = CodeBlock.builder().add(Sums.of(terms));
      CodeBlock value;
      if (rowWise) {
        value = sum.build();
      } else if (viaTemp) {
        m.addStatement("$L = $L", temp, sum.build());
        value = activation.applyToUnit(temp, j);
      } else {
        value = activation.applyToUnit(sum.build(), j);
      }
      if (output != null) {
        out.add(output + "[" + j + "]");
        m.addStatement("$L[$L] = $L", output, j, value);
      } else {
        out.add(prefix + "_" + j);
        m.addStatement("$T $L_$L = $L", p.scalar, prefix, j, value);
      }
    }
    if (rowWise) {
      m.addCode(activation.applyRow(output, output));
    }
    return out;
  }

  /**
   * The comment that opens the layer's part of a method that runs several layers, such as {@code
   * // hidden: Dense, 2 inputs to 20 units, RELU}.
   */
  private void layerComment(MethodSpec.Builder m) {
    m.addCode("// $L: Dense, $L input$L to $L unit$L$L\n", layer.name(), layer.inputs(),
        layer.inputs() == 1 ? "" : "s", layer.units(), layer.units() == 1 ? "" : "s",
        layer.detail().isEmpty() ? "" : ", " + layer.detail());
  }

  // ---- single-sample backward ----

  /**
   * The layer's part of the backward pass of a batch of one sample that keeps each unit's
   * gradient in a local variable {@code <layer>_d<j>}: turns the gradients with respect to the
   * units' outputs into gradients with respect to {@code z}, writes the weight and bias gradients,
   * and declares the gradients with respect to the layer's inputs, {@code <below>_d<k>}. Each
   * value has the per-layer kernels' terms in their order ({@link #backward}, {@link
   * #parameterGradient} for sample 0, {@link #inputGradient}), so the results are the same bit for
   * bit.
   *
   * @param in the names the layer's input values take, after the layer or input that produces
   *     them ({@link #singleSample}'s names)
   * @param below the layer name of the input gradient's locals, null if the layer passes no
   *     gradient back
   * @param output whether this is the output layer, whose gradients the loss wrote to its
   *     gradient buffer; other layers' are the locals the layer after them declared
   */
  void singleSampleBackward(
      MethodSpec.Builder m, List<String> in, String below, boolean output) {
    String prefix = layer.name();
    layerComment(m);
    List<String> grads = new ArrayList<>();
    for (int j = 0; j < layer.units(); j++) {
      grads.add(prefix + "_d" + j);
    }
    if (output) {
      m.addStatement("$T $LG = $L[0]", p.vector, prefix, names.grad());
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$T $L = $LG[$L]", p.scalar, grads.get(j), prefix, j);
      }
    }
    if (needsDerivative()) {
      String z = prefix + "Z";
      String a = prefix + "A";
      if (activation.derivativeReadsZ()) {
        m.addStatement("$T $L = $L[0]", p.vector, z, names.pre());
      }
      if (activation.derivativeReadsA()) {
        m.addStatement("$T $L = $L[0]", p.vector, a, names.out());
      }
      for (int j = 0; j < layer.units(); j++) {
        m.addCode(activation.backwardOfValue(grads.get(j), z + "[" + j + "]", a + "[" + j + "]"));
      }
    }
    if (layer.bias()) {
      m.addStatement("$T $LGb = $L[0]", p.vector, prefix, names.biasGrad());
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$LGb[$L] = $L + $L", prefix, j, zero, grads.get(j));
      }
    }
    m.addStatement("$T $LX = $L[0]", p.vector, prefix, plan.inputBuffer());
    hoistWeightRows(m, prefix + "Gw", names.weightGrad());
    for (int k = 0; k < layer.inputs(); k++) {
      m.addStatement("$T $L = $LX[$L]", p.scalar, in.get(k), prefix, k);
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$L = $L + $L * $L", weightAt(prefix + "Gw", k, j), zero, in.get(k),
            grads.get(j));
      }
    }
    if (below == null) {
      return;
    }
    hoistWeightRows(m, prefix + "W", names.weight());
    for (int k = 0; k < layer.inputs(); k++) {
      List<CodeBlock> terms = new ArrayList<>();
      for (int j = 0; j < layer.units(); j++) {
        terms.add(CodeBlock.of("$L * $L", grads.get(j), weightAt(prefix + "W", k, j)));
      }
      m.addStatement("$T $L_d$L = $L", p.scalar, below, k, Sums.of(terms));
    }
  }

  // ---- backward ----

  /**
   * {@code void fBackward(int from, int to)}: turns {@code fGrad} into the gradient with respect
   * to {@code z}; only for layers whose activation is not linear or fused with the loss.
   */
  MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.backward())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Backward pass of $L through its activation:\nmultiplies $L rows"
            + " {@code from..to-1} by the activation's derivative, giving {@code dL/dz}.\n",
            describe(), names.grad());
    if (layer.isPrelu()) {
      m.addJavadoc("Writes each value's term of the slope gradient to $L; {@link #$L} sums"
          + " them.\n", names.alphaTerms(), names.parameterGradient());
    }
    m.addCode(activation.backwardSetup());
    m.beginControlFlow("for (int s = from; s < to; s++)");
    m.addStatement("$T g = $L[s]", p.vector, names.grad());
    if (layer.isPrelu()) {
      m.addStatement("$T t = $L[s]", p.vector, names.alphaTerms());
    }
    if (activation.isRowWise()) {
      m.addCode(activation.backward("g", "z", names.out() + "[s]"));
    } else {
      if (activation.derivativeReadsZ()) {
        m.addStatement("$T z = $L[s]", p.vector, names.pre());
      }
      if (activation.derivativeReadsA()) {
        m.addStatement("$T a = $L[s]", p.vector, names.out());
      }
      m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
      m.addCode(activation.backward("g", "z", "a"));
      m.endControlFlow();
    }
    m.endControlFlow();
    return m.build();
  }

  /**
   * {@code void fParameterGradient(int n, int part, int parts)}: part {@code part} of the weight
   * and bias gradients of the first {@code n} samples.
   */
  MethodSpec parameterGradient() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.parameterGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addJavadoc("Parameter gradients of $L, from {@code dL/dz} in $L:\n"
            + "$L = {@code sum_s in[s]^T dz[s]}$L,\n"
            + "each sum over samples {@code 0..n-1} in order.\n",
            describe(), names.grad(), names.weightGrad(),
            layer.bias() ? " and " + names.biasGrad() + " = {@code sum_s dz[s]}" : "");
    if (layer.isPrelu()) {
      m.addJavadoc("$L = the sum of the terms in $L.\n", names.alphaGrad(), names.alphaTerms());
    }
    if (unrolled) {
      m.addJavadoc("The whole layer is the last part's work; other parts return at once.\n");
      m.beginControlFlow("if (part != parts - 1)").addStatement("return").endControlFlow();
      hoistWeightRows(m, "gw", names.weightGrad());
      if (layer.bias()) {
        m.addStatement("$T gb = $L[0]", p.vector, names.biasGrad());
      }
      if (layer.inputs() * layer.units() <= PEEL_MAX_WEIGHTS) {
        m.addComment("sample 0 starts each sum ($L + its term: -0 becomes +0, as in a sum from $L)",
            zero, zero);
        m.addCode("{\n$>");
        unrolledGradientSample(m, "0", true);
        m.addCode("$<}\n");
        m.beginControlFlow("for (int s = 1; s < n; s++)");
      } else {
        if (layer.bias()) {
          for (int j = 0; j < layer.units(); j++) {
            m.addStatement("gb[$L] = $L", j, zero);
          }
        }
        for (int k = 0; k < layer.inputs(); k++) {
          for (int j = 0; j < layer.units(); j++) {
            m.addStatement("$L = $L", weightAt("gw", k, j), zero);
          }
        }
        m.beginControlFlow("for (int s = 0; s < n; s++)");
      }
      unrolledGradientSample(m, "s", false);
      m.endControlFlow();
      m.addCode(activation.slopeGradient(names.alphaTerms()));
      return m.build();
    }
    int samples = blocking.weightGradientSamples();
    int rows = Math.min(blocking.weightGradientRows(), layer.inputs());
    int tail = layer.inputs() % rows;
    String inputs = plan.inputSizeConstant();
    String blocks = rows == 1 ? inputs : inputs + " / " + rows;
    String scale = rows == 1 ? "" : " * " + rows;
    m.addJavadoc("The part's share is a contiguous range of whole blocks of $L weight rows$L$L.\n"
        + "Each pass over the units serves $L rows and $L samples. The loop over the blocks has"
        + " constant bounds\nand skips other parts' blocks: with run-time bounds on every loop"
        + " around it, HotSpot's C2\nmay compile the inner loop to scalar code.\n",
        rows,
        tail == 0 ? "" : tail == 1 ? "; the last part also takes the last row"
            : "; the last part also takes the last " + tail + " rows",
        layer.bias() || layer.isPrelu() ? "; the last part also sets the"
            + (layer.bias() ? " bias" : "") + (layer.bias() && layer.isPrelu() ? " and" : "")
            + (layer.isPrelu() ? " slope" : "") + " gradient" : "",
        rows, samples);
    m.addStatement("$T x = $L", p.matrix, plan.inputBuffer());
    m.addStatement("$T g = $L", p.matrix, names.grad());
    m.addStatement("int first = $T.start($L, part, parts)$L", WORKERS, blocks, scale);
    if (tail == 0) {
      m.addStatement("int last = $T.start($L, part + 1, parts)$L", WORKERS, blocks, scale);
    } else {
      m.addStatement("int last = part == parts - 1 ? $L : $T.start($L, part + 1, parts)$L",
          inputs, WORKERS, blocks, scale);
    }
    if (vectorizable()) {
      beginVectorBranch(m, names.sizeConstant());
      m.addStatement("fast.weightGradient(x, g, $L, n, first, last)", names.weightGrad());
      m.nextControlFlow("else");
    }
    weightGradientRows(m, "0", rows == 1 ? inputs : inputs + " - " + (rows - 1), rows, samples);
    if (tail != 0) {
      weightGradientRows(m, inputs + " - " + tail, inputs, 1, samples);
    }
    if (vectorizable()) {
      m.endControlFlow();
    }
    if (!layer.bias() && !layer.isPrelu()) {
      return m.build();
    }
    m.beginControlFlow("if (part == parts - 1)");
    if (layer.bias()) {
      m.addStatement("$T gb = $L[0]", p.vector, names.biasGrad());
      m.addStatement("$T.fill(gb, $L)", Arrays.class, zero);
      m.beginControlFlow("for (int s = 0; s < n; s++)");
      m.addStatement("$T dz = g[s]", p.vector);
      m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
      m.addStatement("gb[j] += dz[j]");
      m.endControlFlow();
      m.endControlFlow();
    }
    m.addCode(activation.slopeGradient(names.alphaTerms()));
    m.endControlFlow();
    return m.build();
  }

  /**
   * Sample {@code s} of an unrolled parameter gradient: sets ({@code first}) or adds to each
   * weight and bias gradient.
   */
  private void unrolledGradientSample(MethodSpec.Builder m, String s, boolean first) {
    String start = first ? " = " + zero + " + " : " += ";
    m.addStatement("$T x = $L[$L]", p.vector, plan.inputBuffer(), s);
    m.addStatement("$T g = $L[$L]", p.vector, names.grad(), s);
    for (int j = 0; j < layer.units(); j++) {
      m.addStatement("$T g$L = g[$L]", p.scalar, j, j);
    }
    if (layer.bias()) {
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("gb[$L]$Lg$L", j, start, j);
      }
    }
    for (int k = 0; k < layer.inputs(); k++) {
      m.addStatement("$T x$L = x[$L]", p.scalar, k, k);
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$L$Lx$L * g$L", weightAt("gw", k, j), start, k, j);
      }
    }
  }

  /**
   * Rows {@code k..k+rows-1} of the weight gradient for each {@code k} from {@code start} (by
   * {@code rows}) below {@code bound}, constant bounds, that lies in the part's range.
   */
  private void weightGradientRows(
      MethodSpec.Builder m, String start, String bound, int rows, int samples) {
    m.beginControlFlow("for (int k = $L; k < $L; k$L)", start, bound,
        rows == 1 ? "++" : " += " + rows);
    m.beginControlFlow("if (k < first || k >= last)").addStatement("continue").endControlFlow();
    for (int r = 0; r < rows; r++) {
      m.addStatement("$T gw$L = $L[$L]", p.vector, r, names.weightGrad(), offset("k", r));
      m.addStatement("$T.fill(gw$L, $L)", Arrays.class, r, zero);
    }
    m.addStatement("int s = 0");
    weightGradientBlock(m, rows, samples);
    if (samples > 1) {
      weightGradientBlock(m, rows, 1);
    }
    m.endControlFlow();
  }

  /**
   * {@code gw_r[j] += x[s][k+r] g[s][j] + ... + x[s+samples-1][k+r] g[s+samples-1][j]} for each
   * row r: the same sum for a row whether it is done alone or with others.
   */
  private void weightGradientBlock(MethodSpec.Builder m, int rows, int samples) {
    blockLoop(m, "s", "n", samples);
    for (int i = 0; i < samples; i++) {
      m.addStatement("$T x$L = x[$L]", p.vector, i, offset("s", i));
      m.addStatement("$T g$L = g[$L]", p.vector, i, offset("s", i));
    }
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < samples; i++) {
        m.addStatement("$T x$Lk$L = x$L[$L]", p.scalar, i, r, i, offset("k", r));
      }
    }
    m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
    for (int i = 0; i < samples; i++) {
      m.addStatement("$T g$Lj = g$L[j]", p.scalar, i, i);
    }
    for (int r = 0; r < rows; r++) {
      CodeBlock.Builder sum = CodeBlock.builder().add("gw$L[j] += x0k$L * g0j", r, r);
      for (int i = 1; i < samples; i++) {
        sum.add(" + x$Lk$L * g$Lj", i, r, i);
      }
      m.addStatement(sum.build());
    }
    m.endControlFlow();
    m.endControlFlow();
  }

  // ---- input gradient ----

  /** {@code void fInputGradient(int from, int to)}: {@code dL/d(in) = dz · W^T}. */
  MethodSpec inputGradient() {
    String target = plan.inputGradientBuffer();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.inputGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Propagates the gradient of $L to its input:\nsets $L rows {@code from..to-1}"
            + " to {@code dz · $L^T}.\n", describe(), target, names.weight());
    if (unrolled) {
      hoistWeightRows(m, "w", names.weight());
      m.beginControlFlow("for (int s = from; s < to; s++)");
      m.addStatement("$T g = $L[s]", p.vector, names.grad());
      m.addStatement("$T d = $L[s]", p.vector, target);
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$T g$L = g[$L]", p.scalar, j, j);
      }
      for (int k = 0; k < layer.inputs(); k++) {
        List<CodeBlock> terms = new ArrayList<>();
        for (int j = 0; j < layer.units(); j++) {
          terms.add(CodeBlock.of("g$L * $L", j, weightAt("w", k, j)));
        }
        m.addStatement("d[$L] = $L", k, Sums.of(terms));
      }
      m.endControlFlow();
      return m.build();
    }
    BlockedProduct product = inputGradientProduct();
    m.addJavadoc("Runs on {@code $L}, the weights transposed by the training forward"
        + " pass,\nin the forward pass's loop shape: $L samples per pass share each load of a"
        + " transposed row;\neach load and store of {@code d} serves $L units.\n",
        names.weightTransposed(), product.samples(), product.rows());
    if (product.tiled()) {
      m.addJavadoc("The rows of {@code $L} are taken $L at a time in {@link #$L},\neach tile by"
          + " every sample before the next.\n", names.weightTransposed(), product.tileRows(),
          names.inputGradientTiles());
    }
    if (vectorizable()) {
      m.addJavadoc("With {@code Kernels.VECTOR}, its forward kernel takes over the product.\n");
      beginVectorBranch(m, plan.inputSizeConstant());
      m.addStatement("fast.forward($L, $L, null, $L, from, to)", names.grad(),
          names.weightTransposed(), target);
      m.addStatement("return");
      m.endControlFlow();
    }
    product.write(m);
    return m.build();
  }

  // ---- loss ----

  /** {@code float fLoss(float[][] target, int n)} for the output layer. */
  MethodSpec loss(String lossName) {
    String kernel;
    String arguments;
    switch (lossName) {
      case "BINARY_CROSS_ENTROPY" -> {
        kernel = plan.fusedLoss() ? "sigmoidBinaryCrossEntropy" : null;
        arguments = names.pre() + "[s], " + names.out() + "[s], "
            + (plan.keepsLossTerms() ? names.lossTerms() + "[s], " : "") + "target[s], "
            + names.grad() + "[s], scale";
      }
      case "CATEGORICAL_CROSS_ENTROPY" -> {
        kernel = plan.fusedLoss() ? "softmaxCrossEntropy" : null;
        arguments = names.pre() + "[s], " + names.out() + "[s], target[s], " + names.grad()
            + "[s], scale";
      }
      default -> {
        kernel = "meanSquaredError";
        arguments = names.out() + "[s], target[s], " + names.grad() + "[s], scale";
      }
    }
    if (kernel == null) {
      throw new IllegalStateException(lossName + " without its output activation");
    }
    return MethodSpec.methodBuilder(names.loss())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.scalar)
        .addParameter(p.matrix, "target")
        .addParameter(int.class, "n")
        .addJavadoc("The mean $L loss of the batch; writes {@code dL/d$L} of each sample\nto $L.\n",
            lossName, plan.fusedLoss() ? "z" : "a", names.grad())
        .addJavadoc(plan.keepsLossTerms()
            ? CodeBlock.of("Reads the loss terms the training pass wrote to $L.\n",
                names.lossTerms())
            : CodeBlock.of(""))
        .addStatement("$T scale = $L / n", p.scalar, p.literal(1))
        .addStatement("double sum = 0")
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("sum += $T.$L($L)", LOSS_KERNELS, kernel, arguments)
        .endControlFlow()
        .addStatement(p == Precision.FLOAT ? "return (float) (sum / n)" : "return sum / n")
        .build();
  }

  /**
   * Declares the rows of a weight ({@code array}, or its gradient) that unrolled kernels index:
   * {@code prefix = array[0]} for a weight stored as one row, else {@code prefix0 = array[0]},
   * {@code prefix1 = array[1]}, ... one per input.
   */
  private void hoistWeightRows(MethodSpec.Builder m, String prefix, String array) {
    if (plan.oneRowWeight()) {
      m.addStatement("$T $L = $L[0]", p.vector, prefix, array);
      return;
    }
    for (int k = 0; k < layer.inputs(); k++) {
      m.addStatement("$T $L$L = $L[$L]", p.vector, prefix, k, array, k);
    }
  }

  /**
   * The weight (or gradient) of input {@code k} and unit {@code j} in the rows {@link
   * #hoistWeightRows} declares: {@code prefix[k]} for a weight stored as one row, else {@code
   * prefixk[j]}.
   */
  private String weightAt(String prefix, int k, int j) {
    return plan.oneRowWeight() ? prefix + "[" + k + "]" : prefix + k + "[" + j + "]";
  }
}
