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
  /** For PRELU: the field of the learned slopes and of their gradient, and whether one is shared. */
  private final String slopes;
  private final String slopeGradients;
  private final boolean sharedSlope;

  ActivationCode(LayerPlan.DensePlan plan, Precision precision) {
    this.activation = plan.layer().activation();
    this.precision = precision;
    this.alpha = plan.names().alphaConstant();
    this.slopes = plan.names().alpha();
    this.slopeGradients = plan.names().alphaGrad();
    this.sharedSlope = plan.layer().slopeCount() == 1;
  }

  /** The activation of a layer without learned slopes, its parameter in {@code alphaConstant}. */
  ActivationCode(Activation activation, String alphaConstant, Precision precision) {
    if (activation == Activation.PRELU) {
      throw new IllegalArgumentException("PRELU needs the slopes of a dense layer");
    }
    this.activation = activation;
    this.precision = precision;
    this.alpha = alphaConstant;
    this.slopes = null;
    this.slopeGradients = null;
    this.sharedSlope = false;
  }

  /**
   * Statements that a forward kernel runs before its loops: for PRELU, {@code slope} holds the
   * learned slopes (a row, or the shared value).
   */
  CodeBlock forwardSetup() {
    if (activation != Activation.PRELU) {
      return CodeBlock.of("");
    }
    return sharedSlope
        ? CodeBlock.of("$T slope = $L[0][0];\n", precision.scalar, slopes)
        : CodeBlock.of("$T slope = $L[0];\n", precision.vector, slopes);
  }

  /** The activation of element {@code index} of row {@code z}; see {@link #apply(String)}. */
  CodeBlock apply(String z, Object index) {
    String element = z + "[" + index + "]";
    if (activation == Activation.PRELU) {
      return CodeBlock.of("$L > $L ? $L : $L * $L", element, precision.literal(0), element,
          sharedSlope ? "slope" : "slope[" + index + "]", element);
    }
    return apply(element);
  }

  /**
   * Statements that a backward kernel runs before its loops: for PRELU, {@code slope} as in
   * {@link #forwardSetup()}.
   */
  CodeBlock backwardSetup() {
    return forwardSetup();
  }

  /**
   * Statements that sum the PRELU slope gradient over the first {@code n} samples, in sample
   * order, from the per-sample terms that {@link #backward} wrote to {@code terms}; nothing for
   * other activations.
   */
  CodeBlock slopeGradient(String terms) {
    if (activation != Activation.PRELU) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder code = CodeBlock.builder();
    if (sharedSlope) {
      code.addStatement("$T gSlope = $L", precision.scalar, precision.literal(0));
    } else {
      code.addStatement("$T gSlope = $L[0]", precision.vector, slopeGradients);
      code.addStatement("$T.fill(gSlope, $L)", java.util.Arrays.class, precision.literal(0));
    }
    code.beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T t = $L[s]", precision.vector, terms)
        .beginControlFlow("for (int j = 0; j < t.length; j++)")
        .addStatement(sharedSlope ? "gSlope += t[j]" : "gSlope[j] += t[j]")
        .endControlFlow()
        .endControlFlow();
    if (sharedSlope) {
      code.addStatement("$L[0][0] = gSlope", slopeGradients);
    }
    return code.build();
  }

  /** Whether the activation works on a whole row rather than element by element. */
  boolean isRowWise() {
    return activation == Activation.SOFTMAX;
  }

  /**
   * The activation of the element {@code z}, e.g. {@code Math.max(0f, z[j])}: a name, or for an
   * activation that names it once, an expression (a {@link CodeBlock}).
   */
  CodeBlock apply(Object z) {
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
      case PRELU -> throw new IllegalStateException("PRELU needs the unit: apply(z, index)");
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
   * {@code a[j]}; for softmax, the whole row. For PRELU it also writes the slope gradient's term
   * of the value to {@code t[j]}: {@code g[j] z[j]} where {@code z[j] <= 0}, else 0.
   */
  CodeBlock backward(String g, String z, String a) {
    if (activation == Activation.PRELU || activation == Activation.SOFTMAX) {
      return backwardPreluOrSoftmax(g, z, a);
    }
    String gj = g + "[j]";
    String zj = z + "[j]";
    String aj = a + "[j]";
    String zero = precision.literal(0);
    String one = precision.literal(1);
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
      case PRELU, SOFTMAX -> throw new IllegalStateException(activation + " is not per value");
    };
  }


  private CodeBlock backwardPreluOrSoftmax(String g, String z, String a) {
    String zero = precision.literal(0);
    String gj = g + "[j]";
    String zj = z + "[j]";
    return switch (activation) {
      case PRELU -> CodeBlock.builder()
          .beginControlFlow("if ($L <= $L)", zj, zero)
          .addStatement("t[j] = $L * $L", gj, zj)
          .addStatement("$L *= $L", gj, sharedSlope ? "slope" : "slope[j]")
          .nextControlFlow("else")
          .addStatement("t[j] = $L", zero)
          .endControlFlow()
          .build();
      case SOFTMAX -> CodeBlock.of("$T.softmaxBackward($L, $L, $L);\n", ACTIVATIONS, a, g, g);
      default -> throw new IllegalStateException(activation + " is per value");
    };
  }

  private static CodeBlock derivative(String function, String gj, String zj) {
    return CodeBlock.of("$L *= $T.$LDerivative($L);\n", gj, ACTIVATIONS, function, zj);
  }
}
