package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.Planner;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the forward product of a halved dense layer ({@link LayerPlan.DensePlan#halves}): two
 * parts of fixed weight rows, rows {@code 0..F_SPLIT_ROW-1} into the pre-activations from the bias
 * and the rest into {@code fSecondHalf} from zero; the layer's forward method then adds the second
 * part to the first and applies the activation.
 *
 * <p>On the plain loops a part reads arrays whose rows start at index 0: the first part the batch
 * and the weights, the second references to the weight rows from {@code F_SPLIT_ROW} on
 * ({@code fSecondRows}, refreshed before each pass) and its inputs copied, {@link #SLICE} samples
 * at a time, to rows of a pool of the thread's range of samples. HotSpot's C2 compiled the inner
 * loop of a part to scalar code whenever the part's first row was added to the row index, or each
 * part had a method of its own.
 */
final class HalvedProduct {

  /**
   * The samples per call of a part on the plain loops: each call passes every tile of the part's
   * weight rows over the slice, whose sums stay in the cache next to a tile.
   */
  static final int SLICE = 128;

  private final LayerPlan.DensePlan plan;
  private final CheckedLayer.DenseLayer layer;
  private final LayerNames names;
  private final Precision p;

  HalvedProduct(LayerPlan.DensePlan plan, Precision precision) {
    this.plan = plan;
    this.layer = plan.layer();
    this.names = plan.names();
    this.p = precision;
  }

  /** Whether the Vector API's kernels may take the parts: only in the float network. */
  private boolean vector() {
    return p == Precision.FLOAT;
  }

  /** The buffer the first part writes: the pre-activations, or the outputs of a linear layer. */
  private String first() {
    return plan.keepsPreActivation() ? names.pre() : names.out();
  }

  List<FieldSpec> constants() {
    List<FieldSpec> constants = new ArrayList<>();
    constants.add(FieldSpec.builder(int.class, names.splitRowConstant(), Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", plan.splitRow()).build());
    if (vector()) {
      constants.add(FieldSpec.builder(boolean.class, names.vectorPartsConstant(),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.VECTOR != null$W&& $N >= $T.VECTOR.minUnits()", DenseWriter.KERNELS,
              names.sizeConstant(), DenseWriter.KERNELS)
          .build());
    }
    return constants;
  }

  List<FieldSpec> fields() {
    return List.of(
        FieldSpec.builder(p.matrix, names.secondRows(), Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T[$N][]", p.scalar, names.splitRowConstant()).build(),
        FieldSpec.builder(TypeName.get(p == Precision.FLOAT ? float[][][].class
                : double[][][].class), names.secondPool(), Modifier.PRIVATE)
            .initializer("new $T[0][][]", p.scalar).build());
  }

  /**
   * What {@code forward} does before the parts run, {@code threads} the field of the thread
   * count: on the plain loops, the second part's weight rows and a pool for each thread.
   */
  CodeBlock prepare(FieldSpec threads) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (vector()) {
      code.beginControlFlow("if (!$N)", names.vectorPartsConstant());
    }
    code.addStatement("$T.arraycopy($N, $N,$W$N, 0, $N)", System.class, names.weight(),
            names.splitRowConstant(), names.secondRows(), names.splitRowConstant())
        .beginControlFlow("if ($N.length < $N)", names.secondPool(), threads)
        .addStatement("$N = new $T[$N][$L][$N]", names.secondPool(), p.scalar, threads, SLICE,
            names.splitRowConstant())
        .endControlFlow();
    if (vector()) {
      code.endControlFlow();
    }
    return code.build();
  }

  /**
   * The layer's forward method: adds the second part's sums to the first's for samples {@code
   * from..to-1}, then {@code finish} (the activation, after {@code setup}) on each row.
   */
  MethodSpec forward(String describe, CodeBlock setup, BlockedProduct.Finish finish) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forward())
        .addModifiers(Modifier.PRIVATE)
        .returns(p.matrix)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("$L: {@link #$N} has summed {@code x · $N$L} in two parts of weight rows;"
            + " this adds the second to the first$L for samples {@code from..to-1}.\n",
            describe, names.forwardHalves(), names.weight(),
            layer.bias() ? " + " + names.bias() : "",
            plan.keepsPreActivation() ? " and applies " + layer.activation() : "")
        .addCode(setup)
        .beginControlFlow("for (int s = from; s < to; s++)")
        .addStatement("$T z0 = $N[s]", p.vector, first())
        .addStatement("$T h = $N[s]", p.vector, names.secondHalf())
        .beginControlFlow("for (int j = 0; j < $N; j++)", names.sizeConstant())
        .addStatement("z0[j] += h[j]")
        .endControlFlow();
    if (finish != null) {
      finish.write(m, 0, "z0", "s");
    }
    return m.endControlFlow().addStatement("return $N", names.out()).build();
  }

  /**
   * {@code fForwardHalves(part, parts)}: two parts of the product times {@code parts} ranges of
   * samples, part {@code p} taking items {@code 2p} and {@code 2p + 1}, so that on two threads
   * each thread computes one part for the whole batch.
   */
  MethodSpec halves() {
    String split = names.splitRowConstant();
    MethodSpec.Builder m = MethodSpec.methodBuilder(names.forwardHalves())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addJavadoc("The product of {@code $L} in two parts of weight rows: rows {@code 0..$L-1}"
            + " into $L from the bias, the rest into $L from zero. Item {@code i} of {@code 2 *"
            + " parts} is part {@code i / parts} over range {@code i % parts} of the samples;"
            + " part {@code p} takes items {@code 2p} and {@code 2p + 1}, so that on two threads"
            + " each reads only the half of the weights whose gradients it computes and which it"
            + " updates in {@code step}. Every value is the same for any number of threads.\n",
            layer.name(), split, first(), names.secondHalf());
    if (vector()) {
      m.addStatement("$T vector = $T.VECTOR", DenseWriter.MATRIX_KERNELS, DenseWriter.KERNELS);
    }
    m.beginControlFlow("for (int item = 2 * part; item < 2 * part + 2; item++)")
        .addStatement("int range = item % parts")
        .addStatement("int from = $T.start(batchSize, range, parts)", Fields.WORKERS)
        .addStatement("int to = $T.start(batchSize, range + 1, parts)", Fields.WORKERS);
    if (vector()) {
      m.beginControlFlow("if ($N)", names.vectorPartsConstant())
          .beginControlFlow("if (item < parts)")
          .addStatement("vector.forwardPart(batchInput, $N, 0, $N,$W$L, $N, from, to)",
              names.weight(), split, layer.bias() ? names.bias() + "[0]" : "null", first())
          .nextControlFlow("else")
          .addStatement("vector.forwardPart(batchInput, $N, $N, $N,$Wnull, $N, from, to)",
              names.weight(), split, plan.inputSizeConstant(), names.secondHalf())
          .endControlFlow()
          .nextControlFlow("else if (item < parts)");
    } else {
      m.beginControlFlow("if (item < parts)");
    }
    m.beginControlFlow("for (int s = from; s < to; s++)");
    if (layer.bias()) {
      m.addStatement("$T.arraycopy($N[0], 0, $N[s], 0, $N)", System.class, names.bias(), first(),
          names.sizeConstant());
    } else {
      BlockedProduct.zero(m, p, first() + "[s]");
    }
    m.endControlFlow()
        .addComment("$L samples at a time, whose sums stay in the cache while the tiles pass",
            SLICE)
        .beginControlFlow("for (int start = from; start < to; start += $L)", SLICE)
        .addStatement("$N(batchInput, $N, $N, start,$W$T.min(to, start + $L))",
            names.forwardPart(), names.weight(), first(), Math.class, SLICE)
        .endControlFlow()
        .nextControlFlow("else")
        .addStatement("$T pool = $N[range]", p.matrix, names.secondPool())
        .addComment("$L samples at a time, their inputs copied to this range's rows of the pool",
            SLICE)
        .beginControlFlow("for (int start = from; start < to; start += $L)", SLICE)
        .addStatement("int end = $T.min(to, start + $L)", Math.class, SLICE)
        .beginControlFlow("for (int s = start; s < end; s++)")
        .addStatement("$T x = pool[s - start]", p.vector)
        .addStatement("$T.arraycopy(batchInput[s], $N,$Wx, 0, $N)", System.class, split, split)
        .addStatement("$N[s] = x", names.secondInput())
        .addStatement("$T h = $N[s]", p.vector, names.secondHalf());
    BlockedProduct.zero(m, p, "h");
    m.endControlFlow()
        .addStatement("$N($N, $N,$W$N, start, end)", names.forwardPart(), names.secondInput(),
            names.secondRows(), names.secondHalf())
        .endControlFlow()
        .endControlFlow()
        .endControlFlow();
    return m.build();
  }

  /** {@code fForwardPart(in, w, out, from, to)}: one part on the plain loops. */
  MethodSpec part() {
    BlockedProduct product = new BlockedProduct(p, Planner.BLOCKING, new BlockedProduct.Operands(
        "in", "w", "out", plan.splitRow(), names.splitRowConstant(), names.sizeConstant(), false,
        "x", "z", "w", "k", "j"), layer.units(), null, names.forwardPart());
    return product.partMethod(names.forwardPart(), "One part of the forward product of {@code "
        + layer.name() + "}, on rows that start at index 0:");
  }
}
