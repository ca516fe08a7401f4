package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.plan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * Writes the methods of one dense layer, {@code z = x · W + b} with {@code W} stored as rows
 * {@code [inputs][units]}, then {@code a = f(z)}:
 *
 * <ul>
 *   <li>{@code fForward}: the product and the activation, for a range of samples;
 *   <li>{@code fBackward}: {@code dL/da} to {@code dL/dz} through the activation's derivative;
 *   <li>{@code fInputGradient}: {@code dL/dx = dL/dz · W^T}, into the layer below;
 *   <li>{@code fParameterGradient}: {@code dL/dW = sum_s x[s]^T dz[s]} and {@code dL/db}
 *       ({@link DenseGradients}).
 * </ul>
 *
 * <p>An unrolled layer writes its products as straight-line code, one statement per unit; a
 * looped layer loops over rows with constant bounds and the same index on every array, which
 * HotSpot's C2 vectorizes, or, in the float network, calls the Vector API's kernels where the JVM
 * has them ({@code Kernels.VECTOR}). An unrolled layer with one unit stores its weight {@code
 * [inputs][1]} as one row; the first layer of a network that splits batches may run its product
 * in two halves ({@link HalvedProduct}).
 */
final class DenseWriter implements LayerWriter {

  static final ClassName KERNELS = ClassName.get("dev.dendrite.kernel", "Kernels");
  static final ClassName MATRIX_KERNELS = ClassName.get("dev.dendrite.kernel", "MatrixKernels");
  static final ClassName LOSS_KERNELS = ClassName.get("dev.dendrite.kernel", "LossKernels");

  private final LayerPlan.DensePlan plan;
  private final CheckedLayer.DenseLayer layer;
  private final LayerNames names;
  private final Precision p;
  private final ActivationCode activation;
  private final boolean unrolled;

  DenseWriter(LayerPlan.DensePlan plan, Precision precision) {
    this.plan = plan;
    this.layer = plan.layer();
    this.names = plan.names();
    this.p = precision;
    this.activation = new ActivationCode(plan, precision);
    this.unrolled = plan.strategy() == Strategy.UNROLLED;
  }

  @Override
  public List<FieldSpec> constants() {
    List<FieldSpec> constants = new ArrayList<>();
    if (layer.hasAlpha()) {
      constants.add(FieldSpec.builder(p.scalar, names.alphaConstant(), Modifier.PRIVATE,
              Modifier.STATIC, Modifier.FINAL)
          .initializer("$L", p.literal(layer.alpha()))
          .build());
    }
    if (plan.halves()) {
      constants.addAll(new HalvedProduct(plan, p).constants());
    }
    return constants;
  }

  /**
   * The transposed weights that the input gradient of a looped layer reads; the second part's
   * rows and pool of a halved product.
   */
  @Override
  public List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    if (plan.transposes()) {
      fields.add(FieldSpec.builder(p.matrix, names.weightTransposed(), Modifier.PRIVATE,
              Modifier.FINAL)
          .initializer("$Znew $T[$N][$N]", p.scalar, names.sizeConstant(),
              plan.inputSizeConstant())
          .build());
    }
    if (plan.halves()) {
      fields.addAll(new HalvedProduct(plan, p).fields());
    }
    return fields;
  }

  @Override
  public CodeBlock forwardCall(String x, String from, String to, String training) {
    return CodeBlock.of("$N($L, $L, $L)", names.forward(), x, from, to);
  }

  @Override
  public CodeBlock backwardCalls(String from, String to) {
    CodeBlock.Builder calls = CodeBlock.builder();
    if (plan.needsDerivative()) {
      calls.addStatement("$N($L, $L)", names.backward(), from, to);
    }
    if (plan.inputGradientBuffer() != null) {
      calls.addStatement("$N($L, $L)", names.inputGradient(), from, to);
    }
    return calls.build();
  }

  @Override
  public CodeBlock parameterGradientCall(String n, String share) {
    return CodeBlock.of("$N($L$L);\n", names.parameterGradient(), n, share);
  }

  @Override
  public List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (plan.halves()) {
      HalvedProduct halved = new HalvedProduct(plan, p);
      methods.add(halved.forward(describe(), activation.forwardSetup(), activation()));
      methods.add(halved.halves());
      methods.add(halved.part());
    } else {
      methods.add(forward());
    }
    if (plan.forwardTiled()) {
      methods.add(forwardProduct().tilesMethod("Part of the forward pass of " + describe() + ":"));
    }
    if (plan.needsDerivative()) {
      methods.add(backward());
    }
    if (plan.inputGradientBuffer() != null) {
      methods.add(inputGradient());
    }
    if (plan.inputGradientTiled()) {
      methods.add(inputGradientProduct().tilesMethod("Part of the input gradient of "
          + describe() + ", on the transposed weights:"));
    }
    methods.add(new DenseGradients(plan, p, activation).method());
    return methods;
  }

  /** E.g. {@code hidden: Dense, 2 inputs to 20 units, RELU}. */
  private String describe() {
    return "{@code " + layer.name() + "}: Dense, " + layer.inputs() + " inputs to " + layer.units()
        + (layer.units() == 1 ? " unit, " : " units, ") + layer.detail();
  }

  /** The buffer of {@code z}: its own, or the outputs of a linear layer. */
  private String preBuffer() {
    return plan.keepsPreActivation() ? names.pre() : names.out();
  }

  /**
   * Opens {@code if (the Vector API's kernels take a product with columns columns) {}}: only
   * in the float network; the loops after the {@code else} are the generated ones, whose bounds
   * are constants so that HotSpot's C2 vectorizes their inner loops (it left the same loops with
   * bounds from arguments scalar). Returns whether it opened the branch.
   */
  private boolean beginVectorBranch(MethodSpec.Builder m, String columns) {
    return beginVectorBranch(m, p, columns);
  }

  /** {@link #beginVectorBranch(MethodSpec.Builder, String)} in precision {@code p}. */
  static boolean beginVectorBranch(MethodSpec.Builder m, Precision p, String columns) {
    if (p != Precision.FLOAT) {
      return false;
    }
    m.addStatement("$T vector = $T.VECTOR", MATRIX_KERNELS, KERNELS);
    m.beginControlFlow("if (vector != null && $N >= vector.minUnits())", columns);
    return true;
  }

  /** The forward product {@code z = in · W + b}, then the activation of each sample's row. */
  private BlockedProduct forwardProduct() {
    return new BlockedProduct(p, Planner.BLOCKING, new BlockedProduct.Operands(
        "in", names.weight(), preBuffer(), layer.inputs(), plan.inputSizeConstant(),
        names.sizeConstant(), layer.bias(), "x", "z", "w", "k", "j"),
        layer.units(), activation(), names.forwardTiles());
  }

  /** The activation of a finished row of {@code z} into the outputs; null for LINEAR. */
  private BlockedProduct.Finish activation() {
    return plan.keepsPreActivation()
        ? (m, i, row, sample) -> activateRow(m, CodeBlock.of("$L", row),
            CodeBlock.of("$N[$L]", names.out(), sample), i)
        : null;
  }

  /** The input gradient's product {@code d = g · W^T}, on the transposed weights. */
  private BlockedProduct inputGradientProduct() {
    return new BlockedProduct(p, Planner.BLOCKING.inputGradient(), new BlockedProduct.Operands(
        names.grad(), names.weightTransposed(), plan.inputGradientBuffer(), layer.units(),
        names.sizeConstant(), plan.inputSizeConstant(), false, "g", "d", "t", "j", "k"),
        layer.inputs(), null, names.inputGradientTiles());
  }

  /**
   * {@code a = f(z)} for one sample's rows {@code z} and {@code a}, through locals named with
   * {@code i}, the sample's place in its block.
   */
  private void activateRow(MethodSpec.Builder m, CodeBlock z, CodeBlock a, int i) {
    if (activation.isRowWise()) {
      m.addCode(activation.applyRow(z.toString(), a.toString()));
      return;
    }
    // a row already in a local is read through it
    String row = z.toString();
    if (!row.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      row = "zr" + i;
      m.addStatement("$T $L = $L", p.vector, row, z);
    }
    m.addStatement("$T ar$L = $L", p.vector, i, a);
    m.beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant());
    m.addStatement("ar$L[j] = $L", i, activation.apply(row, "j"));
    m.endControlFlow();
  }

  private MethodSpec forward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("$L: {@code z = x · $L$L}$L for samples {@code from..to-1}.\n",
            describe(), names.weight(), layer.bias() ? " + " + names.bias() : "",
            plan.keepsPreActivation() ? " and {@code a = " + layer.activation() + "(z)}" : "");
    if (!unrolled) {
      if (layer.bias()) {
        m.addStatement("$T b = $N[0]", p.vector, names.bias());
      }
      m.addCode(activation.forwardSetup());
      // the plain loops after the branch, not in an else (see inputGradient)
      if (beginVectorBranch(m, names.sizeConstant())) {
        m.addStatement("vector.forward(in, $N, $L, $N, from, to)", names.weight(),
            layer.bias() ? "b" : "null", preBuffer());
        if (plan.keepsPreActivation()) {
          m.beginControlFlow("for (int s = from; s < to; s++)");
          activateRow(m, CodeBlock.of("$N[s]", names.pre()), CodeBlock.of("$N[s]", names.out()),
              0);
          m.endControlFlow();
        }
        m.addStatement("return $N", names.out()).endControlFlow();
      }
      forwardProduct().write(m);
      return m.addStatement("return $N", names.out()).build();
    }
    hoistWeightRows(m, plan, p, "w");
    if (layer.bias()) {
      m.addStatement("$T b = $N[0]", p.vector, names.bias());
    }
    m.addCode(activation.forwardSetup());
    m.beginControlFlow("for (int s = from; s < to; s++)");
    m.addStatement("$T x = in[s]", p.vector);
    // each input is read once per unit: a local, unless there is one unit
    boolean hoist = layer.units() > 1;
    if (hoist) {
      for (int k = 0; k < layer.inputs(); k++) {
        m.addStatement("$T x$L = x[$L]", p.scalar, k, k);
      }
    }
    // a linear layer with one unit writes its one value in place
    boolean inPlace = layer.units() == 1 && !plan.keepsPreActivation();
    if (!inPlace) {
      m.addStatement("$T z = $N[s]", p.vector, preBuffer());
    }
    // an element-wise activation follows each unit's sum, which is still in a register
    boolean activateEach = plan.keepsPreActivation() && !activation.isRowWise();
    if (activateEach) {
      m.addStatement("$T a = $N[s]", p.vector, names.out());
    }
    IntFunction<String> input = hoist ? k -> "x" + k : k -> "x[" + k + "]";
    for (int j = 0; j < layer.units(); j++) {
      CodeBlock sum = unitSum(plan, j, "b", input, "w");
      if (inPlace) {
        m.addStatement("$N[s][0] = $L", preBuffer(), sum);
      } else {
        m.addStatement("z[$L] = $L", j, sum);
      }
      if (activateEach) {
        m.addStatement("a[$L] = $L", j, activation.apply("z", j));
      }
    }
    if (plan.keepsPreActivation() && !activateEach) {
      activateRow(m);
    }
    m.endControlFlow();
    return m.addStatement("return $N", names.out()).build();
  }

  /** Inside the loop over samples {@code s}: a row-wise activation of {@code z} into the outputs. */
  private void activateRow(MethodSpec.Builder m) {
    m.addStatement("$T a = $N[s]", p.vector, names.out());
    m.addCode(activation.applyRow(preBuffer() + "[s]", "a"));
  }


  /**
   * {@code float[] w0 = weight[0]; ...}: the rows an unrolled product indexes, or {@code float[] w
   * = weight[0]} for a weight stored as one row, with {@code prefix} for {@code w}.
   */
  static void hoistWeightRows(MethodSpec.Builder m, LayerPlan.DensePlan plan, Precision p,
      String prefix) {
    if (plan.oneRowWeight()) {
      m.addStatement("$T $L = $N[0]", p.vector, prefix, plan.names().weight());
      return;
    }
    for (int k = 0; k < plan.layer().inputs(); k++) {
      m.addStatement("$T $L$L = $N[$L]", p.vector, prefix, k, plan.names().weight(), k);
    }
  }

  /** The weight of input {@code k} and unit {@code j} in the rows {@link #hoistWeightRows} names. */
  private static String weight(LayerPlan.DensePlan plan, String prefix, int k, int j) {
    return plan.oneRowWeight() ? prefix + "[" + k + "]" : prefix + k + "[" + j + "]";
  }

  /**
   * The pre-activation of unit {@code j} of an unrolled layer: element {@code j} of the bias row
   * {@code bias} if the layer has one, then each input {@code input(k)} times its weight in the
   * rows hoisted with {@code prefix}. The forward pass and the prediction in locals both write
   * their sums here, so that they agree bit for bit.
   */
  static CodeBlock unitSum(LayerPlan.DensePlan plan, int j, String bias,
      IntFunction<String> input, String prefix) {
    Sum sum = new Sum();
    if (plan.layer().bias()) {
      sum.add("$L[$L]", bias, j);
    }
    for (int k = 0; k < plan.layer().inputs(); k++) {
      sum.add("$L * $L", input.apply(k), weight(plan, prefix, k, j));
    }
    return sum.build();
  }

  private MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.backward())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Backward pass of $L, through its activation:"
            + " multiplies $L rows {@code from..to-1} by the derivative, giving {@code dL/dz}.\n",
            describe(), names.grad());
    if (layer.isPrelu()) {
      m.addJavadoc("Writes each value's term of the slope gradient to $L.\n", names.alphaTerms());
    }
    m.addCode(activation.backwardSetup());
    m.beginControlFlow("for (int s = from; s < to; s++)");
    m.addStatement("$T g = $N[s]", p.vector, names.grad());
    if (layer.isPrelu()) {
      m.addStatement("$T t = $N[s]", p.vector, names.alphaTerms());
    }
    if (activation.isRowWise()) {
      m.addCode(activation.backward("g", "z", names.out() + "[s]"));
    } else {
      if (activation.derivativeReadsZ()) {
        m.addStatement("$T z = $N[s]", p.vector, names.pre());
      }
      if (activation.derivativeReadsA()) {
        m.addStatement("$T a = $N[s]", p.vector, names.out());
      }
      m.beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant());
      m.addCode(activation.backward("g", "z", "a"));
      m.endControlFlow();
    }
    m.endControlFlow();
    return m.build();
  }

  private MethodSpec inputGradient() {
    String below = plan.inputGradientBuffer();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.inputGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Input gradient of $L, samples {@code from..to-1}:"
            + " {@code $L = $L · $L^T}$L.\n", describe(), below, names.grad(), names.weight(),
            unrolled ? "" : ", on the transposed weights " + names.weightTransposed());
    if (!unrolled) {
      // the plain loops after the branch, not in an else: C2 compiled them to scalar code there
      if (beginVectorBranch(m, plan.inputSizeConstant())) {
        m.addStatement("vector.forward($N, $N, null, $N, from, to)", names.grad(),
                names.weightTransposed(), below)
            .addStatement("return")
            .endControlFlow();
      }
      inputGradientProduct().write(m);
      return m.build();
    }
    hoistWeightRows(m, plan, p, "w");
    m.beginControlFlow("for (int s = from; s < to; s++)");
    if (plan.oneRowWeight()) {
      m.addStatement("$T g0 = $N[s][0]", p.scalar, names.grad())
          .addStatement("$T d = $N[s]", p.vector, below)
          .beginControlFlow("for (int k = 0; k < $N; k++)", plan.inputSizeConstant())
          .addStatement("d[k] = g0 * w[k]")
          .endControlFlow()
          .endControlFlow();
      return m.build();
    }
    m.addStatement("$T g = $N[s]", p.vector, names.grad());
    m.addStatement("$T d = $N[s]", p.vector, below);
    // each unit's gradient is read once per input: a local, unless there is one input
    boolean hoist = layer.inputs() > 1;
    if (hoist) {
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$T g$L = g[$L]", p.scalar, j, j);
      }
    }
    for (int k = 0; k < layer.inputs(); k++) {
      Sum sum = new Sum();
      for (int j = 0; j < layer.units(); j++) {
        sum.add(hoist ? "g$L * $L" : "g[$L] * $L", j, weight(plan, "w", k, j));
      }
      m.addStatement("d[$L] = $L", k, sum.build());
    }
    m.endControlFlow();
    return m.build();
  }

  /**
   * The output layer's mean loss over the batch, {@code target} and {@code n} in scope, which
   * writes {@code dL/da} (or {@code dL/dz} when fused) to the layer's gradient buffer.
   */
  CodeBlock loss(String lossName) {
    return switch (lossName) {
      case "BINARY_CROSS_ENTROPY", "CATEGORICAL_CROSS_ENTROPY" -> {
        if (!plan.fusedLoss()) {
          throw new IllegalStateException(lossName + " without its output activation");
        }
        yield CodeBlock.of("$T.$L($N, $N, target, $N, n)", LOSS_KERNELS,
            lossName.equals("BINARY_CROSS_ENTROPY")
                ? "sigmoidBinaryCrossEntropy" : "softmaxCrossEntropy",
            names.pre(), names.out(), names.grad());
      }
      default -> CodeBlock.of("$T.meanSquaredError($N, target, $N, n)", LOSS_KERNELS,
          names.out(), names.grad());
    };
  }
}
