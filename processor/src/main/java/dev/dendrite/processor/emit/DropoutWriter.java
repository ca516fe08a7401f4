package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the kernels of one dropout layer. Masks are drawn for the whole batch, in sample order,
 * before the forward pass, so that they are the same however the batch is split over threads.
 */
final class DropoutWriter implements LayerWriter {

  private final LayerPlan.DropoutPlan plan;
  private final LayerNames names;
  private final Precision p;

  DropoutWriter(LayerPlan.DropoutPlan plan, Precision precision) {
    this.plan = plan;
    this.names = plan.names();
    this.p = precision;
  }

  @Override
  public List<FieldSpec> constants() {
    double rate = plan.layer().rate();
    return List.of(
        FieldSpec.builder(double.class, names.rateConstant(), Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$L", Precision.DOUBLE.literal(rate))
            .build(),
        FieldSpec.builder(p.scalar, names.scaleConstant(), Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$L", p.literal(1.0 / (1.0 - rate)))
            .build());
  }

  @Override
  public CodeBlock beforeTraining() {
    return CodeBlock.of("$N(n);\n", names.drawMask());
  }

  @Override
  public CodeBlock forwardCall(String x, String from, String to, String training) {
    return CodeBlock.of("$L ? $N($L, $L, $L) : $L", training, names.forward(), x, from, to, x);
  }

  @Override
  public CodeBlock backwardCalls(String from, String to) {
    return plan.inputGradientBuffer() == null
        ? CodeBlock.of("")
        : CodeBlock.of("$N($L, $L);\n", names.backward(), from, to);
  }

  @Override
  public List<MethodSpec> methods() {
    return plan.inputGradientBuffer() == null
        ? List.of(drawMask(), forward())
        : List.of(drawMask(), forward(), backward());
  }

  /** {@code void fDrawMask(int n)}: draws a new mask for the first {@code n} samples. */
  MethodSpec drawMask() {
    return MethodSpec.methodBuilder(names.drawMask())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Draws a new mask of {@code $L} (Dropout, rate $L) into $L rows {@code 0..n-1},"
                + " each value 0 with probability $L and $L otherwise.\n",
            plan.layer().name(), plan.layer().rate(), names.mask(), names.rateConstant(),
            names.scaleConstant())
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T m = $L[s]", p.vector, names.mask())
        .beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant())
        .addStatement("m[j] = random.nextDouble() < $L ? $L : $L",
            names.rateConstant(), p.literal(0), names.scaleConstant())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** {@code float[][] fForward(float[][] in, int from, int to)}: applies the mask. */
  MethodSpec forward() {
    return MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Training pass of {@code $L}: writes {@code in * $L} to $L rows"
                + " {@code from..to-1}.\n",
            plan.layer().name(), names.mask(), names.out())
        .beginControlFlow("for (int s = from; s < to; s++)")
        .addStatement("$T x = in[s]", p.vector)
        .addStatement("$T m = $L[s]", p.vector, names.mask())
        .addStatement("$T y = $L[s]", p.vector, names.out())
        .beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant())
        .addStatement("y[j] = x[j] * m[j]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return $L", names.out())
        .build();
  }

  /** {@code void fBackward(int from, int to)}: the gradient through the mask. */
  MethodSpec backward() {
    return MethodSpec.methodBuilder(names.backward())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("Backward pass of {@code $L}: sets $L rows {@code from..to-1} to {@code $L *"
                + " $L}.\n",
            plan.layer().name(), plan.inputGradientBuffer(), names.grad(), names.mask())
        .beginControlFlow("for (int s = from; s < to; s++)")
        .addStatement("$T g = $L[s]", p.vector, names.grad())
        .addStatement("$T m = $L[s]", p.vector, names.mask())
        .addStatement("$T d = $L[s]", p.vector, plan.inputGradientBuffer())
        .beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant())
        .addStatement("d[j] = g[j] * m[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
