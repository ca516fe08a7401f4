package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the kernels of one batch normalization layer: the training pass (batch statistics, and
 * the update of the running statistics), the inference pass (running statistics), the backward
 * pass (activation derivative, gradients of gamma and beta) and the input gradient.
 *
 * <p>With {@code xhat = (x - mean) / sqrt(var + epsilon)} and {@code dy} the gradient with respect
 * to {@code y = gamma xhat + beta}, the input gradient over a batch of {@code n} is
 *
 * <pre>{@code dx = gamma / sqrt(var + epsilon) * (dy - (sum_s dy + xhat * sum_s dy xhat) / n)}</pre>
 *
 * <p>where the two sums are the gradients of beta and gamma.
 */
final class BatchNormWriter implements LayerWriter {

  private final LayerPlan.BatchNormPlan plan;
  private final CheckedLayer.BatchNormLayer layer;
  private final LayerNames names;
  private final Precision p;
  private final ActivationCode activation;
  private final String size;

  BatchNormWriter(LayerPlan.BatchNormPlan plan, Precision precision) {
    this.plan = plan;
    this.layer = plan.layer();
    this.names = plan.names();
    this.p = precision;
    this.activation = new ActivationCode(layer.activation(), names.alphaConstant(), precision);
    this.size = names.sizeConstant();
  }

  /** The buffer holding {@code y}: its own, or the output buffer for a linear layer. */
  private String preBuffer() {
    return plan.keepsPreActivation() ? names.pre() : names.out();
  }

  private String describe() {
    return "{@code " + layer.name() + "} (BatchNorm over " + size + " units, " + layer.detail()
        + ")";
  }

  /** The constants of the layer: momentum, epsilon, and the activation's parameter if any. */
  @Override
  public List<FieldSpec> constants() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(FieldSpec.builder(p.scalar, names.momentumConstant(),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The weight of the old running statistics of {@code $L} in each update.\n",
            layer.name())
        .initializer("$L", p.literal(layer.momentum()))
        .build());
    fields.add(FieldSpec.builder(p.scalar, names.epsilonConstant(),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("What {@code $L} adds to a variance before its square root.\n", layer.name())
        .initializer("$L", p.literal(layer.epsilon()))
        .build());
    if (layer.hasAlpha()) {
      fields.add(FieldSpec.builder(p.scalar, names.alphaConstant(),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The $L parameter of {@code $L}.\n", layer.activation(), layer.name())
          .initializer("$L", p.literal(layer.alpha()))
          .build());
    }
    return fields;
  }

  /** The per-unit arrays of the layer, allocated once. */
  @Override
  public List<FieldSpec> fields() {
    return List.of(
        unitField(names.batchMean(), "Per unit: the mean of the last training batch."),
        unitField(names.invStd(),
            "Per unit: {@code 1 / sqrt(variance + epsilon)} of the last training batch."),
        unitField(names.inferenceScale(),
            "Per unit: {@code gamma / sqrt(running variance + epsilon)}, for inference."));
  }

  private FieldSpec unitField(String name, String doc) {
    return FieldSpec.builder(p.vector, name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[$L]", p.scalar, size)
        .build();
  }

  @Override
  public CodeBlock forwardCall(String x, String from, String to, String training) {
    return CodeBlock.of("$L ? $N($L, $L) : $N($L, $L)", training, names.forward(), x, to,
        names.inference(), x, to);
  }

  @Override
  public CodeBlock backwardCalls(String from, String to) {
    CodeBlock.Builder calls = CodeBlock.builder().addStatement("$N($L)", names.backward(), to);
    if (plan.inputGradientBuffer() != null) {
      calls.addStatement("$N($L)", names.inputGradient(), to);
    }
    return calls.build();
  }

  @Override
  public List<MethodSpec> methods() {
    return plan.inputGradientBuffer() == null
        ? List.of(forward(), inference(), backward())
        : List.of(forward(), inference(), backward(), inputGradient());
  }

  /** {@code float[][] fForward(float[][] in, int n)}: the training pass. */
  MethodSpec forward() {
    String m1 = p.literal(1) + " - " + names.momentumConstant();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "n")
        .addJavadoc("Training pass of $L.\n", describe())
        .addJavadoc("Normalizes each unit with the mean and variance of the batch into $L,"
                + " then {@code y = $L * xhat + $L}$L. Moves the running statistics towards the"
                + " batch's: {@code running = $L * running + ($L) * batch}.\n",
            names.normalized(), names.gamma(), names.beta(),
            plan.keepsPreActivation() ? " and the activation" : "",
            names.momentumConstant(), m1)
        .addStatement("$T mean = $L", p.vector, names.batchMean())
        .addStatement("$T inv = $L", p.vector, names.invStd())
        .addStatement("$T.fill(mean, $L)", Arrays.class, p.literal(0))
        .addStatement("$T.fill(inv, $L)", Arrays.class, p.literal(0))
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T x = in[s]", p.vector)
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("mean[j] += x[j]")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("mean[j] /= n")
        .endControlFlow()
        .addCode("// inv holds the sum of squared deviations until it is turned into 1 / std\n")
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T x = in[s]", p.vector)
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("$T d = x[j] - mean[j]", p.scalar)
        .addStatement("inv[j] += d * d")
        .endControlFlow()
        .endControlFlow()
        .addStatement("$T runningMean = $L[0]", p.vector, names.runningMean())
        .addStatement("$T runningVar = $L[0]", p.vector, names.runningVar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("$T variance = inv[j] / n", p.scalar)
        .addStatement("runningMean[j] = $L * runningMean[j]$W+ ($L) * mean[j]",
            names.momentumConstant(), m1)
        .addStatement("runningVar[j] = $L * runningVar[j]$W+ ($L) * variance",
            names.momentumConstant(), m1)
        .addStatement(p == Precision.FLOAT
                ? "inv[j] = (float) (1.0 / $T.sqrt(variance + $L))"
                : "inv[j] = 1.0 / $T.sqrt(variance + $L)",
            Math.class, names.epsilonConstant())
        .endControlFlow()
        .addStatement("$T gamma = $L[0]", p.vector, names.gamma())
        .addStatement("$T beta = $L[0]", p.vector, names.beta())
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T x = in[s]", p.vector)
        .addStatement("$T h = $L[s]", p.vector, names.normalized())
        .addStatement("$T y = $L[s]", p.vector, preBuffer())
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("h[j] = (x[j] - mean[j]) * inv[j]")
        .addStatement("y[j] = gamma[j] * h[j] + beta[j]")
        .endControlFlow();
    activate(m);
    m.endControlFlow();
    m.addStatement("return $L", names.out());
    return m.build();
  }

  /** {@code float[][] fInference(float[][] in, int n)}: the inference pass. */
  MethodSpec inference() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.inference())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "n")
        .addJavadoc("Inference pass of $L: {@code y = (in - $L) * $L / sqrt($L + $L) + $L}$L,"
                + " each sample on its own.\n",
            describe(), names.runningMean(), names.gamma(), names.runningVar(),
            names.epsilonConstant(), names.beta(),
            plan.keepsPreActivation() ? ", then the activation" : "")
        .addStatement("$T runningMean = $L[0]", p.vector, names.runningMean())
        .addStatement("$T runningVar = $L[0]", p.vector, names.runningVar())
        .addStatement("$T gamma = $L[0]", p.vector, names.gamma())
        .addStatement("$T beta = $L[0]", p.vector, names.beta())
        .addStatement("$T scale = $L", p.vector, names.inferenceScale())
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement(p == Precision.FLOAT
                ? "scale[j] = (float) (gamma[j] / $T.sqrt(runningVar[j] + $L))"
                : "scale[j] = gamma[j] / $T.sqrt(runningVar[j] + $L)",
            Math.class, names.epsilonConstant())
        .endControlFlow()
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T x = in[s]", p.vector)
        .addStatement("$T y = $L[s]", p.vector, preBuffer())
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("y[j] = (x[j] - runningMean[j]) * scale[j] + beta[j]")
        .endControlFlow();
    activate(m);
    m.endControlFlow();
    m.addStatement("return $L", names.out());
    return m.build();
  }

  /** Inside the loop over samples: the activation of row {@code y} into the output row. */
  private void activate(MethodSpec.Builder m) {
    if (!plan.keepsPreActivation()) {
      return;
    }
    m.addStatement("$T a = $L[s]", p.vector, names.out());
    m.beginControlFlow("for (int j = 0; j < $L; j++)", size);
    m.addStatement("a[j] = $L", activation.apply("y", "j"));
    m.endControlFlow();
  }

  /** {@code void fBackward(int n)}: the activation derivative and the gradients of gamma, beta. */
  MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.backward())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Backward pass of $L.\n", describe());
    if (plan.keepsPreActivation()) {
      m.addJavadoc("Multiplies $L by the activation's derivative, giving {@code dL/dy}.\n",
          names.grad());
    }
    m.addJavadoc("Sets $L to {@code sum_s dy[s] * xhat[s]} and $L to {@code sum_s dy[s]}.\n",
        names.gammaGrad(), names.betaGrad());
    if (plan.keepsPreActivation()) {
      m.beginControlFlow("for (int s = 0; s < n; s++)");
      m.addStatement("$T g = $L[s]", p.vector, names.grad());
      if (activation.derivativeReadsZ()) {
        m.addStatement("$T y = $L[s]", p.vector, names.pre());
      }
      if (activation.derivativeReadsA()) {
        m.addStatement("$T a = $L[s]", p.vector, names.out());
      }
      m.beginControlFlow("for (int j = 0; j < $L; j++)", size);
      m.addCode(activation.backward("g", "y", "a"));
      m.endControlFlow();
      m.endControlFlow();
    }
    m.addStatement("$T gg = $L[0]", p.vector, names.gammaGrad())
        .addStatement("$T gb = $L[0]", p.vector, names.betaGrad())
        .addStatement("$T.fill(gg, $L)", Arrays.class, p.literal(0))
        .addStatement("$T.fill(gb, $L)", Arrays.class, p.literal(0))
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T g = $L[s]", p.vector, names.grad())
        .addStatement("$T h = $L[s]", p.vector, names.normalized())
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("gg[j] += g[j] * h[j]")
        .addStatement("gb[j] += g[j]")
        .endControlFlow()
        .endControlFlow();
    return m.build();
  }

  /** {@code void fInputGradient(int n)}: the gradient through the batch statistics. */
  MethodSpec inputGradient() {
    String target = plan.inputGradientBuffer();
    return MethodSpec.methodBuilder(names.inputGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Propagates the gradient of $L to its input through the batch statistics:"
                + " sets $L to {@code gamma * inv * (dy - (gb + xhat * gg) / n)}.\n",
            describe(), target)
        .addStatement("$T gamma = $L[0]", p.vector, names.gamma())
        .addStatement("$T inv = $L", p.vector, names.invStd())
        .addStatement("$T gg = $L[0]", p.vector, names.gammaGrad())
        .addStatement("$T gb = $L[0]", p.vector, names.betaGrad())
        .addStatement("$T perSample = $L / n", p.scalar, p.literal(1))
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T g = $L[s]", p.vector, names.grad())
        .addStatement("$T h = $L[s]", p.vector, names.normalized())
        .addStatement("$T d = $L[s]", p.vector, target)
        .beginControlFlow("for (int j = 0; j < $L; j++)", size)
        .addStatement("d[j] = gamma[j] * inv[j] * (g[j] - (gb[j] + h[j] * gg[j]) * perSample)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
