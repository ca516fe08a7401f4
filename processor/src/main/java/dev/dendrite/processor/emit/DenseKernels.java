package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.Strategy;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * Writes the kernels of one dense layer: forward, backward (activation derivative and parameter
 * gradients), input gradient, and, for the output layer, the loss.
 */
final class DenseKernels {

  static final ClassName LOSS_KERNELS = ClassName.get("dev.dendrite.kernel", "LossKernels");

  private final LayerPlan.DensePlan plan;
  private final CheckedLayer.DenseLayer layer;
  private final LayerNames names;
  private final Precision p;
  private final ActivationCode activation;
  private final boolean unrolled;

  DenseKernels(LayerPlan.DensePlan plan, Precision precision) {
    this.plan = plan;
    this.layer = plan.layer();
    this.names = plan.names();
    this.p = precision;
    this.activation = new ActivationCode(plan, precision);
    this.unrolled = plan.strategy() == Strategy.UNROLLED;
  }

  /** The buffer holding {@code z}: its own, or the output buffer for a linear layer. */
  private String preBuffer() {
    return plan.keepsPreActivation() ? names.pre() : names.out();
  }

  private String describe() {
    return "{@code " + layer.name() + "} (Dense, " + plan.inputSizeConstant() + " inputs to "
        + names.sizeConstant() + " units, " + layer.detail() + ")";
  }

  /** {@code float[][] fForward(float[][] in, int n)}. */
  MethodSpec forward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "n")
        .addJavadoc("Forward pass of $L:\n{@code z = in · $L$L}, then the activation.\n",
            describe(), names.weight(), layer.bias() ? " + " + names.bias() : "")
        .addJavadoc("Writes $L rows {@code 0..n-1}.\n",
            plan.keepsPreActivation() ? names.pre() + " and " + names.out() : names.out());
    if (layer.bias()) {
      m.addStatement("$T b = $L[0]", p.vector, names.bias());
    }
    m.addCode(activation.forwardSetup());
    if (unrolled) {
      hoistRows(m, "w", names.weight(), layer.inputs());
    }
    m.beginControlFlow("for (int s = 0; s < n; s++)");
    m.addStatement("$T x = in[s]", p.vector);
    m.addStatement("$T z = $L[s]", p.vector, preBuffer());
    if (unrolled) {
      for (int k = 0; k < layer.inputs(); k++) {
        m.addStatement("$T x$L = x[$L]", p.scalar, k, k);
      }
      for (int j = 0; j < layer.units(); j++) {
        CodeBlock.Builder sum = layer.bias()
            ? CodeBlock.builder().add("z[$L] = b[$L]$W+ x0 * w0[$L]", j, j, j)
            : CodeBlock.builder().add("z[$L] = x0 * w0[$L]", j, j);
        for (int k = 1; k < layer.inputs(); k++) {
          sum.add("$W+ x$L * w$L[$L]", k, k, j);
        }
        m.addStatement(sum.build());
      }
    } else {
      if (layer.bias()) {
        m.addStatement("$T.arraycopy(b, 0, z, 0, $L)", System.class, names.sizeConstant());
      } else {
        m.addStatement("$T.fill(z, $L)", Arrays.class, p.literal(0));
      }
      m.beginControlFlow("for (int k = 0; k < $L; k++)", plan.inputSizeConstant());
      m.addStatement("$T xk = x[k]", p.scalar);
      m.addStatement("$T w = $L[k]", p.vector, names.weight());
      m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
      m.addStatement("z[j] += xk * w[j]");
      m.endControlFlow();
      m.endControlFlow();
    }
    if (plan.keepsPreActivation()) {
      m.addStatement("$T a = $L[s]", p.vector, names.out());
      if (activation.isRowWise()) {
        m.addCode(activation.applyRow("z", "a"));
      } else if (unrolled) {
        for (int j = 0; j < layer.units(); j++) {
          m.addStatement("a[$L] = $L", j, activation.apply("z", j));
        }
      } else {
        m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
        m.addStatement("a[j] = $L", activation.apply("z", "j"));
        m.endControlFlow();
      }
    }
    m.endControlFlow();
    m.addStatement("return $L", names.out());
    return m.build();
  }

  /**
   * {@code void fBackward(int n)}: turns {@code fGrad} into the gradient with respect to {@code
   * z} (unless the loss already did) and sets the weight and bias gradients.
   */
  MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.backward())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Backward pass of $L.\n", describe());
    boolean derivative = plan.keepsPreActivation() && !plan.fusedLoss();
    if (derivative) {
      m.addJavadoc("Multiplies $L by the activation's derivative, giving {@code dL/dz}.\n",
          names.grad());
    } else {
      m.addJavadoc("$L already holds {@code dL/dz}$L.\n", names.grad(),
          plan.fusedLoss() ? ", fused with the loss" : "");
    }
    if (layer.isPrelu()) {
      m.addJavadoc("Sets $L to {@code sum z dL/da} over the values with {@code z <= 0}.\n",
          names.alphaGrad());
    }
    m.addJavadoc("Sets $L to {@code sum_s in[s]^T dz[s]}$L.\n", names.weightGrad(),
        layer.bias() ? " and " + names.biasGrad() + " to {@code sum_s dz[s]}" : "");
    if (derivative) {
      m.addCode(activation.backwardSetup());
      m.beginControlFlow("for (int s = 0; s < n; s++)");
      m.addStatement("$T g = $L[s]", p.vector, names.grad());
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
      m.addCode(activation.backwardFinish());
    }
    if (layer.bias()) {
      m.addStatement("$T gb = $L[0]", p.vector, names.biasGrad());
      m.addStatement("$T.fill(gb, $L)", Arrays.class, p.literal(0));
    }
    m.beginControlFlow("for ($T row : $L)", p.vector, names.weightGrad());
    m.addStatement("$T.fill(row, $L)", Arrays.class, p.literal(0));
    m.endControlFlow();
    if (unrolled) {
      hoistRows(m, "gw", names.weightGrad(), layer.inputs());
    }
    m.beginControlFlow("for (int s = 0; s < n; s++)");
    m.addStatement("$T x = $L[s]", p.vector, plan.inputBuffer());
    m.addStatement("$T g = $L[s]", p.vector, names.grad());
    if (unrolled) {
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$T g$L = g[$L]", p.scalar, j, j);
      }
      if (layer.bias()) {
        for (int j = 0; j < layer.units(); j++) {
          m.addStatement("gb[$L] += g$L", j, j);
        }
      }
      for (int k = 0; k < layer.inputs(); k++) {
        m.addStatement("$T x$L = x[$L]", p.scalar, k, k);
        for (int j = 0; j < layer.units(); j++) {
          m.addStatement("gw$L[$L] += x$L * g$L", k, j, k, j);
        }
      }
    } else {
      if (layer.bias()) {
        m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
        m.addStatement("gb[j] += g[j]");
        m.endControlFlow();
      }
      m.beginControlFlow("for (int k = 0; k < $L; k++)", plan.inputSizeConstant());
      m.addStatement("$T xk = x[k]", p.scalar);
      m.addStatement("$T gw = $L[k]", p.vector, names.weightGrad());
      m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
      m.addStatement("gw[j] += xk * g[j]");
      m.endControlFlow();
      m.endControlFlow();
    }
    m.endControlFlow();
    return m.build();
  }

  /** {@code void fInputGradient(int n)}: {@code dL/d(in) = dz · W^T} into the previous layer. */
  MethodSpec inputGradient() {
    String target = plan.inputGradientBuffer();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.inputGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Propagates the gradient of $L to its input:\nsets $L to {@code dz · $L^T}.\n",
            describe(), target, names.weight());
    if (unrolled) {
      hoistRows(m, "w", names.weight(), layer.inputs());
    }
    m.beginControlFlow("for (int s = 0; s < n; s++)");
    m.addStatement("$T g = $L[s]", p.vector, names.grad());
    m.addStatement("$T d = $L[s]", p.vector, target);
    if (unrolled) {
      for (int j = 0; j < layer.units(); j++) {
        m.addStatement("$T g$L = g[$L]", p.scalar, j, j);
      }
      for (int k = 0; k < layer.inputs(); k++) {
        CodeBlock.Builder sum = CodeBlock.builder().add("d[$L] = g0 * w$L[0]", k, k);
        for (int j = 1; j < layer.units(); j++) {
          sum.add("$W+ g$L * w$L[$L]", j, k, j);
        }
        m.addStatement(sum.build());
      }
    } else {
      m.beginControlFlow("for (int k = 0; k < $L; k++)", plan.inputSizeConstant());
      m.addStatement("$T w = $L[k]", p.vector, names.weight());
      m.addStatement("$T sum = $L", p.scalar, p.literal(0));
      m.beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant());
      m.addStatement("sum += g[j] * w[j]");
      m.endControlFlow();
      m.addStatement("d[k] = sum");
      m.endControlFlow();
    }
    m.endControlFlow();
    return m.build();
  }

  /** {@code float fLoss(float[][] target, int n)} for the output layer. */
  MethodSpec loss(String lossName) {
    String kernel;
    String arguments;
    switch (lossName) {
      case "BINARY_CROSS_ENTROPY" -> {
        kernel = plan.fusedLoss() ? "sigmoidBinaryCrossEntropy" : null;
        arguments = names.pre() + "[s], " + names.out() + "[s], target[s], " + names.grad()
            + "[s], scale";
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
        .addStatement("$T scale = $L / n", p.scalar, p.literal(1))
        .addStatement("double sum = 0")
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("sum += $T.$L($L)", LOSS_KERNELS, kernel, arguments)
        .endControlFlow()
        .addStatement(p == Precision.FLOAT ? "return (float) (sum / n)" : "return sum / n")
        .build();
  }

  /** Declares {@code prefix0 = array[0]}, {@code prefix1 = array[1]}, ... */
  private void hoistRows(MethodSpec.Builder m, String prefix, String array, int rows) {
    for (int k = 0; k < rows; k++) {
      m.addStatement("$T $L$L = $L[$L]", p.vector, prefix, k, array, k);
    }
  }
}
