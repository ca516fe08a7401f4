package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.plan.Strategy;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a dense layer's {@code fParameterGradient}: {@code dL/dW = sum_s x[s]^T dz[s]}, {@code
 * dL/db = sum_s dz[s]} and the PRELU slope gradient, each sum over the samples in order. A looped
 * layer takes blocks of weight rows, each pass over the units serving several rows and samples,
 * with the rows split between threads; an unrolled layer goes sample by sample.
 */
final class DenseGradients {

  private final LayerPlan.DensePlan plan;
  private final CheckedLayer.DenseLayer layer;
  private final LayerNames names;
  private final Precision p;
  private final ActivationCode activation;
  private final boolean unrolled;

  DenseGradients(LayerPlan.DensePlan plan, Precision precision, ActivationCode activation) {
    this.plan = plan;
    this.layer = plan.layer();
    this.names = plan.names();
    this.p = precision;
    this.activation = activation;
    this.unrolled = plan.strategy() == Strategy.UNROLLED;
  }

  MethodSpec method() {
    String x = plan.inputBuffer();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.parameterGradient())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n");
    m.addJavadoc("The gradients of {@code $L}: {@code $L = sum_s x[s]^T g[s]}$L over samples"
        + " {@code 0..n-1} in order.\n", layer.name(), names.weightGrad(),
        layer.bias() ? ", {@code " + names.biasGrad() + " = sum_s g[s]}" : "");
    if (unrolled) {
      return unrolledParameterGradient(m);
    }
    // blocks of weight-gradient rows, each pass over the units serving them and several samples
    int rows = Math.min(Planner.BLOCKING.weightGradientRows(), layer.inputs());
    int samples = Planner.BLOCKING.weightGradientSamples();
    int tail = layer.inputs() % rows;
    String inputs = plan.inputSizeConstant();
    // the rows before the range: with them after it, JDK 25's C2 left the first layer's loops
    // scalar
    m.addStatement("$T x = $N", p.matrix, x).addStatement("$T g = $N", p.matrix, names.grad());
    if (plan.splitsRows()) {
      String blocks = rows == 1 ? inputs : inputs + " / " + rows;
      String scale = rows == 1 ? "" : " * " + rows;
      m.addParameter(int.class, "part").addParameter(int.class, "parts")
          .addJavadoc("Part {@code part} of {@code parts} takes a range of whole blocks of $L"
              + " weight rows$L, and the last part the bias gradient.\n", rows,
              tail == 0 ? "" : ", the last part also the last " + tail)
          .addStatement("int first = $T.start($L, part, parts)$L", Fields.WORKERS, blocks, scale);
      if (tail == 0) {
        m.addStatement("int last = $T.start($L, part + 1, parts)$L", Fields.WORKERS, blocks,
            scale);
      } else {
        m.addStatement("int last = part == parts - 1 ? $N : $T.start($L, part + 1, parts)$L",
            inputs, Fields.WORKERS, blocks, scale);
      }
    }
    String first = plan.splitsRows() ? "first" : "0";
    String last = plan.splitsRows() ? "last" : inputs;
    boolean vector = DenseWriter.beginVectorBranch(m, p, names.sizeConstant());
    if (vector) {
      m.addStatement("vector.weightGradient(x, g, $N, n, $L, $L)", names.weightGrad(), first,
          last);
      m.nextControlFlow("else");
    }
    weightGradientRows(m, "0", rows == 1 ? inputs : inputs + " - " + (rows - 1), rows, samples);
    if (tail != 0) {
      weightGradientRows(m, inputs + " - " + tail, inputs, 1, samples);
    }
    if (vector) {
      m.endControlFlow();
    }
    if (!layer.bias() && !layer.isPrelu()) {
      return m.build();
    }
    if (plan.splitsRows()) {
      m.beginControlFlow("if (part != parts - 1)").addStatement("return").endControlFlow();
    }
    if (layer.bias()) {
      m.addStatement("$T gb = $N[0]", p.vector, names.biasGrad());
      BlockedProduct.zero(m, p, "gb");
      m.beginControlFlow("for (int s = 0; s < n; s++)")
          .addStatement("$T dz = g[s]", p.vector)
          .beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant())
          .addStatement("gb[j] += dz[j]")
          .endControlFlow()
          .endControlFlow();
    }
    m.addCode(activation.slopeGradient(names.alphaTerms()));
    return m.build();
  }

  /**
   * The parameter gradients of an unrolled layer, sample by sample, each sum over the samples in
   * order as in the looped form: per sample, a loop over the units with a statement per input, or
   * for a one-row weight a loop over the inputs. With threads, the last part takes it all.
   */
  private MethodSpec unrolledParameterGradient(MethodSpec.Builder m) {
    if (plan.splitsRows()) {
      m.addParameter(int.class, "part").addParameter(int.class, "parts")
          .addJavadoc("Part {@code part} of {@code parts}: the last part takes every gradient.\n")
          .beginControlFlow("if (part != parts - 1)").addStatement("return").endControlFlow();
    }
    if (plan.oneRowWeight()) {
      m.addStatement("$T gw = $N[0]", p.vector, names.weightGrad());
    } else {
      for (int k = 0; k < layer.inputs(); k++) {
        m.addStatement("$T gw$L = $N[$L]", p.vector, k, names.weightGrad(), k);
      }
      if (layer.bias()) {
        m.addStatement("$T gb = $N[0]", p.vector, names.biasGrad());
      }
    }
    // sample 0 sets each sum and later samples add to it, with no pass that zeroes the rows
    // first: in a small layer those passes took longer than the sums (n >= 1)
    unrolledSample(m, "0", "=", true);
    m.beginControlFlow("for (int s = 1; s < n; s++)");
    unrolledSample(m, "s", "+=", false);
    m.endControlFlow();
    m.addCode(activation.slopeGradient(names.alphaTerms()));
    return m.build();
  }

  /**
   * Sample {@code s}'s terms of an unrolled layer's gradients, each stored with {@code op}, in
   * locals that {@code declare} declares, or else reuses.
   */
  private void unrolledSample(MethodSpec.Builder m, String s, String op, boolean declare) {
    String vector = declare ? p.vector + " " : "";
    String scalar = declare ? p.scalar + " " : "";
    m.addStatement("$Lx = $N[$L]", vector, plan.inputBuffer(), s);
    if (plan.oneRowWeight()) {
      // one unit: its bias gradient is one value
      m.addStatement("$Lg0 = $N[$L][0]", scalar, names.grad(), s);
      if (layer.bias()) {
        m.addStatement("$N[0][0] $L g0", names.biasGrad(), op);
      }
      m.beginControlFlow("for (int k = 0; k < $N; k++)", plan.inputSizeConstant())
          .addStatement("gw[k] $L x[k] * g0", op)
          .endControlFlow();
      return;
    }
    m.addStatement("$Lg = $N[$L]", vector, names.grad(), s);
    for (int k = 0; k < layer.inputs(); k++) {
      m.addStatement("$Lx$L = x[$L]", scalar, k, k);
    }
    m.beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant())
        .addStatement("$T gj = g[j]", p.scalar);
    if (layer.bias()) {
      m.addStatement("gb[j] $L gj", op);
    }
    for (int k = 0; k < layer.inputs(); k++) {
      m.addStatement("gw$L[j] $L x$L * gj", k, op, k);
    }
    m.endControlFlow();
  }

  /**
   * Rows {@code k..k+rows-1} of the weight gradient for each {@code k} from {@code start} (by
   * {@code rows}) below {@code bound}: constant bounds, which C2 needs to vectorize the loop over
   * the units, skipping the rows of other parts.
   */
  private void weightGradientRows(
      MethodSpec.Builder m, String start, String bound, int rows, int samples) {
    m.beginControlFlow("for (int k = $L; k < $L; k$L)", start, bound,
        rows == 1 ? "++" : " += " + rows);
    if (plan.splitsRows()) {
      m.beginControlFlow("if (k < first || k >= last)").addStatement("continue").endControlFlow();
    }
    for (int r = 0; r < rows; r++) {
      m.addStatement("$T gw$L = $N[$L]", p.vector, r, names.weightGrad(),
          BlockedProduct.offset("k", r));
      BlockedProduct.zero(m, p, "gw" + r);
    }
    m.addStatement("int s = 0");
    weightGradientBlock(m, rows, samples);
    if (samples > 1) {
      weightGradientBlock(m, rows, 1);
    }
    m.endControlFlow();
  }

  /**
   * {@code gw_r[j] += x[s][k+r] g[s][j] + ...} over a block of samples for each row {@code r}:
   * the same sum for a row whether it is done alone or with others.
   */
  private void weightGradientBlock(MethodSpec.Builder m, int rows, int samples) {
    BlockedProduct.blockLoop(m, "s", "n", samples);
    for (int i = 0; i < samples; i++) {
      m.addStatement("$T x$L = x[$L]", p.vector, i, BlockedProduct.offset("s", i));
      m.addStatement("$T g$L = g[$L]", p.vector, i, BlockedProduct.offset("s", i));
    }
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < samples; i++) {
        m.addStatement("$T x$Lk$L = x$L[$L]", p.scalar, i, r, i, BlockedProduct.offset("k", r));
      }
    }
    m.beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant());
    // each g value in a local before the first store: a store to gw could alias g for C2, which
    // would then load g again for the next row and vectorize less
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

}
