package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.plan.LayerPlan;

/** The code of an activation function and of its derivative, for one element or one row. */
final class ActivationCode {

  static final ClassName ACTIVATIONS = ClassName.get("dev.dendrite.kernel", "Activations");

  private final Activation activation;
  private final Precision precision;
  private final String alpha;

  ActivationCode(LayerPlan.DensePlan plan, Precision precision) {
    this.activation = plan.layer().activation();
    this.precision = precision;
    this.alpha = plan.names().alphaConstant();
  }

  /** Whether the activation works on a whole row rather than element by element. */
  boolean isRowWise() {
    return activation == Activation.SOFTMAX;
  }

  /** The activation of the element {@code z}, e.g. {@code Math.max(0f, z[j])}. */
  CodeBlock apply(String z) {
    String zero = precision.literal(0);
    return switch (activation) {
      case LINEAR -> CodeBlock.of("$L", z);
      case RELU -> CodeBlock.of("$T.max($L, $L)", Math.class, zero, z);
      case LEAKY_RELU -> CodeBlock.of("$L > $L ? $L : $L * $L", z, zero, z, alpha, z);
      case ELU -> CodeBlock.of("$T.elu($L, $L)", ACTIVATIONS, z, alpha);
      case SIGMOID -> CodeBlock.of("$T.sigmoid($L)", ACTIVATIONS, z);
      case TANH -> CodeBlock.of("$T.tanh($L)", ACTIVATIONS, z);
      case SOFTPLUS -> CodeBlock.of("$T.softplus($L)", ACTIVATIONS, z);
      case GELU -> CodeBlock.of("$T.gelu($L)", ACTIVATIONS, z);
      case SWISH -> CodeBlock.of("$T.swish($L)", ACTIVATIONS, z);
      case MISH -> CodeBlock.of("$T.mish($L)", ACTIVATIONS, z);
      case SOFTMAX -> throw new IllegalStateException("softmax is row-wise");
    };
  }

  /** Whether the derivative reads the pre-activation {@code z}. */
  boolean derivativeReadsZ() {
    return switch (activation) {
      case LINEAR, SIGMOID, TANH, SOFTMAX -> false;
      default -> true;
    };
  }

  /** Whether the derivative reads the output {@code a}. */
  boolean derivativeReadsA() {
    return activation == Activation.SIGMOID || activation == Activation.TANH;
  }

  /** The softmax of row {@code z} into row {@code a}. */
  CodeBlock applyRow(String z, String a) {
    return CodeBlock.of("$T.softmax($L, $L);\n", ACTIVATIONS, z, a);
  }

  /**
   * The statement that turns the gradient {@code g[j]} with respect to the output into the
   * gradient with respect to {@code z}, given the pre-activation {@code z[j]} and the output
   * {@code a[j]}; for softmax, the whole row.
   */
  CodeBlock backward(String g, String z, String a) {
    String zero = precision.literal(0);
    String one = precision.literal(1);
    String gj = g + "[j]";
    String zj = z + "[j]";
    String aj = a + "[j]";
    return switch (activation) {
      case LINEAR -> CodeBlock.of("");
      case RELU -> CodeBlock.of("if ($L <= $L) $L = $L;\n", zj, zero, gj, zero);
      case LEAKY_RELU -> CodeBlock.of("if ($L <= $L) $L *= $L;\n", zj, zero, gj, alpha);
      case ELU -> CodeBlock.of("$L *= $T.eluDerivative($L, $L);\n", gj, ACTIVATIONS, zj, alpha);
      case SIGMOID -> CodeBlock.of("$L *= $L * ($L - $L);\n", gj, aj, one, aj);
      case TANH -> CodeBlock.of("$L *= $L - $L * $L;\n", gj, one, aj, aj);
      case SOFTPLUS -> derivative("softplus", gj, zj);
      case GELU -> derivative("gelu", gj, zj);
      case SWISH -> derivative("swish", gj, zj);
      case MISH -> derivative("mish", gj, zj);
      case SOFTMAX -> CodeBlock.of("$T.softmaxBackward($L, $L, $L);\n", ACTIVATIONS, a, g, g);
    };
  }

  private static CodeBlock derivative(String function, String gj, String zj) {
    return CodeBlock.of("$L *= $T.$LDerivative($L);\n", gj, ACTIVATIONS, function, zj);
  }
}
