package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the weight penalties of the {@code @Dense} layers that declare {@code l1} or {@code
 * l2}: their constants, {@code penaltyLoss()}, which the backward pass adds to the loss, and
 * {@code addPenaltyGradients()}, which it calls after every layer's gradients are set. A network
 * without penalties gets none of these and keeps {@code Model}'s {@code penaltyLoss()} of 0.
 */
final class PenaltyWriter {

  static final ClassName PENALTIES = ClassName.get("dev.dendrite.kernel", "Penalties");
  static final String GRADIENTS = "addPenaltyGradients";

  private final List<LayerPlan.DensePlan> penalized = new ArrayList<>();
  private final Precision p;

  PenaltyWriter(NetworkPlan plan, Precision precision) {
    penalized.addAll(plan.penalized());
    this.p = precision;
  }

  /** Whether any layer has a penalty. */
  boolean any() {
    return !penalized.isEmpty();
  }

  static String l1Constant(LayerNames names) {
    return names.constantPrefix() + "_L1";
  }

  static String l2Constant(LayerNames names) {
    return names.constantPrefix() + "_L2";
  }

  /** Adds the constants, {@code penaltyLoss()} and {@code addPenaltyGradients()} to {@code type}. */
  void addTo(TypeSpec.Builder type) {
    if (!any()) {
      return;
    }
    for (LayerPlan.DensePlan dense : penalized) {
      CheckedLayer.DenseLayer layer = dense.layer();
      LayerNames names = dense.names();
      type.addField(FieldSpec.builder(p.scalar, l1Constant(names),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The L1 penalty on the weights of {@code $L}.\n", layer.name())
          .initializer("$L", p.literal(layer.l1()))
          .build());
      type.addField(FieldSpec.builder(p.scalar, l2Constant(names),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The L2 penalty on the weights of {@code $L}.\n", layer.name())
          .initializer("$L", p.literal(layer.l2()))
          .build());
    }
    type.addMethod(penaltyLoss());
    type.addMethod(penaltyGradients());
  }

  private MethodSpec penaltyLoss() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("penaltyLoss")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(p.scalar)
        .addJavadoc("The weight penalties, {@code l1 * sum |w| + l2 * sum w^2} per layer:\n")
        .addJavadoc("<ul>\n");
    for (LayerPlan.DensePlan dense : penalized) {
      m.addJavadoc("  <li>{@code $L}: l1 $L, l2 $L\n", dense.layer().name(),
          dense.layer().l1(), dense.layer().l2());
    }
    m.addJavadoc("</ul>\n");
    CodeBlock.Builder sum = CodeBlock.builder().add("return $L", p == Precision.FLOAT
        ? "(float) (" : "");
    boolean first = true;
    for (LayerPlan.DensePlan dense : penalized) {
      LayerNames names = dense.names();
      sum.add(first ? "" : "$W+ ");
      sum.add("$T.penalty($L, $L, $L)", PENALTIES, names.weight(), l1Constant(names),
          l2Constant(names));
      first = false;
    }
    sum.add(p == Precision.FLOAT ? ")" : "");
    m.addStatement(sum.build());
    return m.build();
  }

  private MethodSpec penaltyGradients() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(GRADIENTS)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Adds the gradient of {@link #penaltyLoss()}, {@code l1 * sign(w) + 2 * l2 * w},"
            + " to the weight gradients.\n");
    for (LayerPlan.DensePlan dense : penalized) {
      LayerNames names = dense.names();
      m.addStatement("$T.addGradient($L, $L, $L, $L)", PENALTIES, names.weight(),
          names.weightGrad(), l1Constant(names), l2Constant(names));
    }
    return m.build();
  }

  /** What the class Javadoc adds to its description of the loss; empty without penalties. */
  CodeBlock lossNote() {
    return any()
        ? CodeBlock.of(", plus the weight penalties of {@link #penaltyLoss()}")
        : CodeBlock.of("");
  }

  /** The last statements of {@code backward}: the penalty gradients, then the total loss. */
  void endBackward(MethodSpec.Builder backward) {
    if (any()) {
      backward.addStatement("$L()", GRADIENTS);
      backward.addStatement("return loss + penaltyLoss()");
    } else {
      backward.addStatement("return loss");
    }
  }
}
