package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.Strategy;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the methods of one dense layer, {@code z = x · W + b} with {@code W} stored as rows
 * {@code [inputs][units]}, then {@code a = f(z)}:
 *
 * <ul>
 *   <li>{@code fForward}: the product and the activation, for a range of samples;
 *   <li>{@code fBackward}: {@code dL/da} to {@code dL/dz} through the activation's derivative;
 *   <li>{@code fInputGradient}: {@code dL/dx = dL/dz · W^T}, into the layer below;
 *   <li>{@code fParameterGradient}: {@code dL/dW = sum_s x[s]^T dz[s]} and {@code dL/db}.
 * </ul>
 *
 * <p>An unrolled layer writes its products as straight-line code, one statement per unit; a
 * looped layer calls the runtime's matrix kernels ({@code Kernels.forWidth}), which loop with the
 * same index on every array so that they vectorize. Weight gradients always go through those
 * kernels: a sum over samples is a loop either way.
 */
final class DenseWriter implements LayerWriter {

  static final ClassName KERNELS = ClassName.get("dev.dendrite.kernel", "Kernels");
  static final ClassName DOUBLE_KERNELS = ClassName.get("dev.dendrite.kernel", "DoubleKernels");
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
    if (!layer.hasAlpha()) {
      return List.of();
    }
    return List.of(FieldSpec.builder(p.scalar, names.alphaConstant(), Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", p.literal(layer.alpha()))
        .build());
  }

  /** The transposed weights that the input gradient of a looped layer reads. */
  @Override
  public List<FieldSpec> fields() {
    if (!plan.transposes()) {
      return List.of();
    }
    return List.of(FieldSpec.builder(p.matrix, names.weightTransposed(), Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new $T[$N][$N]", p.scalar, names.sizeConstant(), plan.inputSizeConstant())
        .build());
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
    methods.add(forward());
    if (plan.needsDerivative()) {
      methods.add(backward());
    }
    if (plan.inputGradientBuffer() != null) {
      methods.add(inputGradient());
    }
    methods.add(parameterGradient());
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
   * The matrix kernels of a product with {@code columns} columns: the runtime chooses per JVM,
   * and the double twin has plain ones only.
   */
  private CodeBlock kernels(String columns) {
    return p == Precision.FLOAT
        ? CodeBlock.of("$T.forWidth($N)", KERNELS, columns)
        : CodeBlock.of("$T", DOUBLE_KERNELS);
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
      m.addStatement("$L.forward(in, $N, $L, $N,$Wfrom, to)", kernels(names.sizeConstant()),
          names.weight(), layer.bias() ? CodeBlock.of("$N[0]", names.bias()) : "null",
          preBuffer());
      if (plan.keepsPreActivation()) {
        m.addCode(activation.forwardSetup());
        m.beginControlFlow("for (int s = from; s < to; s++)");
        activate(m);
        m.endControlFlow();
      }
      return m.addStatement("return $N", names.out()).build();
    }
    hoistRows(m, "w", names.weight(), layer.inputs());
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
    m.addStatement("$T z = $N[s]", p.vector, preBuffer());
    for (int j = 0; j < layer.units(); j++) {
      CodeBlock.Builder sum = CodeBlock.builder();
      if (layer.bias()) {
        sum.add("b[$L]", j);
      }
      for (int k = 0; k < layer.inputs(); k++) {
        sum.add(k == 0 && !layer.bias() ? "" : "$W+ ");
        sum.add(hoist ? "x$L * w$L[$L]" : "x[$L] * w$L[$L]", k, k, j);
      }
      m.addStatement("z[$L] = $L", j, sum.build());
    }
    if (plan.keepsPreActivation()) {
      activate(m);
    }
    m.endControlFlow();
    return m.addStatement("return $N", names.out()).build();
  }

  /** Inside the loop over samples {@code s}: the activation of {@code z} into the outputs. */
  private void activate(MethodSpec.Builder m) {
    m.addStatement("$T a = $N[s]", p.vector, names.out());
    if (activation.isRowWise()) {
      m.addCode(activation.applyRow(preBuffer() + "[s]", "a"));
      return;
    }
    if (unrolled) {
      // z is the local row of the unrolled product
      m.beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant());
    } else {
      m.addStatement("$T z = $N[s]", p.vector, names.pre());
      m.beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant());
    }
    m.addStatement("a[j] = $L", activation.apply("z", "j"));
    m.endControlFlow();
  }

  /** {@code float[] w0 = weight[0]; ...}: the rows an unrolled product indexes. */
  private void hoistRows(MethodSpec.Builder m, String prefix, String array, int rows) {
    for (int k = 0; k < rows; k++) {
      m.addStatement("$T $L$L = $N[$L]", p.vector, prefix, k, array, k);
    }
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
      return m.addStatement("$L.forward($N, $N, null, $N,$Wfrom, to)",
          kernels(plan.inputSizeConstant()), names.grad(), names.weightTransposed(), below)
          .build();
    }
    hoistRows(m, "w", names.weight(), layer.inputs());
    m.beginControlFlow("for (int s = from; s < to; s++)");
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
      CodeBlock.Builder sum = CodeBlock.builder();
      for (int j = 0; j < layer.units(); j++) {
        sum.add(j == 0 ? "" : "$W+ ");
        sum.add(hoist ? "g$L * w$L[$L]" : "g[$L] * w$L[$L]", j, k, j);
      }
      m.addStatement("d[$L] = $L", k, sum.build());
    }
    m.endControlFlow();
    return m.build();
  }

  private MethodSpec parameterGradient() {
    String x = plan.inputBuffer();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.parameterGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n");
    String rows = plan.inputSizeConstant();
    m.addJavadoc("The gradients of {@code $L}: {@code $L = sum_s x[s]^T g[s]}$L over samples"
        + " {@code 0..n-1} in order.\n", layer.name(), names.weightGrad(),
        layer.bias() ? ", {@code " + names.biasGrad() + " = sum_s g[s]}" : "");
    if (plan.splitsRows()) {
      m.addParameter(int.class, "part").addParameter(int.class, "parts")
          .addJavadoc("Part {@code part} of {@code parts} takes weight rows {@code"
              + " Workers.start($L, part, parts)..}, the last part the rest.\n", rows)
          .addStatement("int first = $T.start($N, part, parts)", Fields.WORKERS, rows)
          .addStatement("int last = $T.start($N, part + 1, parts)", Fields.WORKERS, rows);
    }
    m.addStatement("$L.weightGradient($N, $N, $N,$Wn, $L)", kernels(names.sizeConstant()), x,
        names.grad(), names.weightGrad(),
        plan.splitsRows() ? "first, last" : CodeBlock.of("0, $N", rows));
    if (!layer.bias() && !layer.isPrelu()) {
      return m.build();
    }
    if (plan.splitsRows()) {
      m.beginControlFlow("if (part != parts - 1)").addStatement("return").endControlFlow();
    }
    if (layer.bias()) {
      m.addStatement("$L.columnSums($N, n, $N[0])", kernels(names.sizeConstant()), names.grad(),
          names.biasGrad());
    }
    m.addCode(activation.slopeGradient(names.alphaTerms()));
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
