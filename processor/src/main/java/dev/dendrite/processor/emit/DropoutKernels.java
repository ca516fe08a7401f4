package dev.dendrite.processor.emit;

import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import javax.lang.model.element.Modifier;

/** Writes the kernels of one dropout layer. */
final class DropoutKernels {

  private final LayerPlan.DropoutPlan plan;
  private final LayerNames names;
  private final Precision p;

  DropoutKernels(LayerPlan.DropoutPlan plan, Precision precision) {
    this.plan = plan;
    this.names = plan.names();
    this.p = precision;
  }

  /** {@code float[][] fForward(float[][] in, int n)}: draws a mask and applies it. */
  MethodSpec forward() {
    return MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "n")
        .addJavadoc("Training pass of {@code $L}: Dropout, rate $L. Draws a new mask into $L, each"
                + " value\n0 with probability $L and $L otherwise, and writes {@code in * mask} to"
                + " $L.\n",
            plan.layer().name(), plan.layer().rate(), names.mask(), names.rateConstant(),
            names.scaleConstant(), names.out())
        .beginControlFlow("for (int s = 0; s < n; s++)")
        .addStatement("$T x = in[s]", p.vector)
        .addStatement("$T m = $L[s]", p.vector, names.mask())
        .addStatement("$T y = $L[s]", p.vector, names.out())
        .beginControlFlow("for (int j = 0; j < $L; j++)", names.sizeConstant())
        .addStatement("m[j] = random.nextDouble() < $L ? $L : $L",
            names.rateConstant(), p.literal(0), names.scaleConstant())
        .addStatement("y[j] = x[j] * m[j]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return $L", names.out())
        .build();
  }

  /** {@code void fBackward(int n)}: the gradient through the mask of the last forward pass. */
  MethodSpec backward() {
    return MethodSpec.methodBuilder(names.backward())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Backward pass of {@code $L}: sets $L to {@code $L * $L}.\n",
            plan.layer().name(), plan.inputGradientBuffer(), names.grad(), names.mask())
        .beginControlFlow("for (int s = 0; s < n; s++)")
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
