package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.NetworkPlan;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code predict(input, output)} for a network that {@linkplain
 * NetworkPlan#predictsInLocals() predicts in locals}: one sample through every layer with unit
 * {@code j} of layer {@code x} in the local {@code x_j}, and row {@code k} of its weights in
 * {@code xW}{@code k}. Each unit's sum has the terms of the unrolled forward pass in the same
 * order, so the result is, bit for bit, the row a batch of one gives.
 */
final class LocalsPrediction {

  private final NetworkPlan plan;
  private final Precision p;
  private final Fields f;

  LocalsPrediction(NetworkPlan plan, Precision precision, Fields fields) {
    this.plan = plan;
    this.p = precision;
    this.f = fields;
  }

  MethodSpec method() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(p.vector, "input")
        .addParameter(p.vector, "output")
        .addJavadoc("Predicts one sample with unit j of layer x in the local x_j: the arithmetic"
            + " of {@code forward}\nover a batch of one, term for term, without its buffers.\n")
        .addStatement("$T.requireLength(input, INPUT_SIZE, $S)", PassWriter.BATCHES, "input")
        .addStatement("$T.requireLength(output, OUTPUT_SIZE, $S)", PassWriter.BATCHES, "output")
        .addStatement("$N = false", f.trainingPass);
    String below = plan.input().layer().name();
    int inputs = ((LayerPlan.DensePlan) plan.layers().get(1)).layer().inputs();
    for (int k = 0; k < inputs; k++) {
      m.addStatement("$T $L_$L = input[$L]", p.scalar, below, k, k);
    }
    for (LayerPlan layer : plan.layers().subList(1, plan.layers().size())) {
      LayerPlan.DensePlan dense = (LayerPlan.DensePlan) layer;
      layer(m, dense, below, dense == plan.output());
      below = dense.layer().name();
    }
    return m.build();
  }

  /** The units of {@code dense}, from the locals of layer {@code below}. */
  private void layer(MethodSpec.Builder m, LayerPlan.DensePlan dense, String below,
      boolean last) {
    CheckedLayer.DenseLayer layer = dense.layer();
    String name = layer.name();
    ActivationCode activation = new ActivationCode(dense, p);
    // LEAKY_RELU names its argument twice: the sum goes in a local first
    boolean sumFirst = layer.activation() == Activation.LEAKY_RELU;
    DenseWriter.hoistWeightRows(m, dense, p, name + "W");
    if (layer.bias()) {
      m.addStatement("$T $LB = $N[0]", p.vector, name, dense.names().bias());
    }
    for (int j = 0; j < layer.units(); j++) {
      CodeBlock sum = DenseWriter.unitSum(dense, j, name + "B", k -> below + "_" + k, name + "W");
      CodeBlock value;
      if (sumFirst) {
        m.addStatement("$T $L_z$L = $L", p.scalar, name, j, sum);
        value = activation.apply(name + "_z" + j);
      } else {
        value = activation.apply(sum);
      }
      if (last) {
        m.addStatement("output[$L] = $L", j, value);
      } else {
        m.addStatement("$T $L_$L = $L", p.scalar, name, j, value);
      }
    }
  }
}
