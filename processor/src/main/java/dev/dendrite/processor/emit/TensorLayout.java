package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The tensors of each layer as the generated class holds them: a field of rows per tensor (and
 * one for its gradient if it is trained), its shape, and how the constructor initialises it.
 */
final class TensorLayout {

  static final ClassName INITIALIZERS = ClassName.get("dev.dendrite.init", "Initializers");

  private TensorLayout() {}

  /**
   * One tensor of a layer.
   *
   * @param name the name users see, e.g. {@code hidden.weight}
   * @param values the field holding its values
   * @param gradients the field holding its gradient; {@code null} for a non-trainable tensor
   * @param rows the number of rows of the fields: a size constant or a literal
   * @param columns the length of each row: a size constant or a literal
   * @param shape the tensor's shape as constants or literals, e.g. {@code [IN_SIZE, HIDDEN_SIZE]}
   * @param initializer what the constructor does to initialise it; {@code null} if it stays 0
   */
  record TensorField(
      String name,
      String values,
      String gradients,
      String rows,
      String columns,
      List<String> shape,
      InitCall initializer) {

    /** Whether an optimizer trains the tensor. */
    boolean trainable() {
      return gradients != null;
    }
  }

  /**
   * A call into {@code Initializers}: {@code method(values, argument, init)} if it draws from
   * the generator, else {@code method(values, argument)}.
   *
   * @param argument a literal to pass, or {@code null} for none
   */
  record InitCall(String method, String argument, boolean draws) {

    InitCall(String method, double argument, boolean draws) {
      this(method, Precision.DOUBLE.literal(argument), draws);
    }

    /** The statement for a tensor held in {@code field}, {@code rng} the generator. */
    CodeBlock statement(String field, String rng) {
      StringBuilder args = new StringBuilder(field);
      if (argument != null) {
        args.append(", ").append(argument);
      }
      if (draws) {
        args.append(", ").append(rng);
      }
      return CodeBlock.of("$T.$L($L)", INITIALIZERS, method, args);
    }
  }

  /** The trainable tensors of {@code layer}, in the order of {@code parameters()}. */
  static List<TensorField> parameters(LayerPlan layer) {
    return of(layer).stream().filter(TensorField::trainable).toList();
  }

  /** The non-trainable tensors of {@code layer}, in the order of {@code buffers()}. */
  static List<TensorField> buffers(LayerPlan layer) {
    return of(layer).stream().filter(t -> !t.trainable()).toList();
  }

  /** Every tensor of {@code layer}. */
  static List<TensorField> of(LayerPlan layer) {
    List<TensorField> tensors = new ArrayList<>();
    LayerNames n = layer.names();
    String size = n.sizeConstant();
    InitCall one = new InitCall("constant", 1, false);
    if (layer instanceof LayerPlan.DensePlan dense) {
      CheckedLayer.DenseLayer d = dense.layer();
      String in = dense.inputSizeConstant();
      // [inputs][1] as one row [1][inputs]: the same values in the same order
      tensors.add(dense.oneRowWeight()
          ? new TensorField(n.tensorName("weight"), n.weight(), n.weightGrad(), "1", in,
              List.of(in, size), weightInit(d, d.inputs()))
          : new TensorField(n.tensorName("weight"), n.weight(), n.weightGrad(), in, size,
              List.of(in, size), weightInit(d, 0)));
      if (d.bias()) {
        tensors.add(new TensorField(n.tensorName("bias"), n.bias(), n.biasGrad(), "1", size,
            List.of(size), null));
      }
      if (d.isPrelu()) {
        String columns = d.preluMode() == PreluMode.SHARED ? "1" : size;
        tensors.add(new TensorField(n.tensorName("alpha"), n.alpha(), n.alphaGrad(), "1",
            columns, List.of(columns), new InitCall("constant", d.alpha(), false)));
      }
    } else if (layer instanceof LayerPlan.BatchNormPlan) {
      tensors.add(new TensorField(n.tensorName("gamma"), n.gamma(), n.gammaGrad(), "1", size,
          List.of(size), one));
      tensors.add(new TensorField(n.tensorName("beta"), n.beta(), n.betaGrad(), "1", size,
          List.of(size), null));
      tensors.add(new TensorField(n.tensorName("running_mean"), n.runningMean(), null, "1", size,
          List.of(size), null));
      tensors.add(new TensorField(n.tensorName("running_var"), n.runningVar(), null, "1", size,
          List.of(size), one));
    }
    return tensors;
  }

  /**
   * The weight's initialiser; {@code fanIn} is passed to the He initialisers when the rows are not
   * the inputs (one-row weights), 0 when they are. Glorot's fans are symmetric.
   */
  private static InitCall weightInit(CheckedLayer.DenseLayer dense, int fanIn) {
    String fan = fanIn == 0 ? null : Integer.toString(fanIn);
    return switch (dense.effectiveInit()) {
      case HE_UNIFORM -> new InitCall("heUniform", fan, true);
      case HE_NORMAL -> new InitCall("heNormal", fan, true);
      case GLOROT_UNIFORM -> new InitCall("glorotUniform", (String) null, true);
      case GLOROT_NORMAL -> new InitCall("glorotNormal", (String) null, true);
      case NORMAL -> new InitCall("normal", dense.initScale(), true);
      case UNIFORM -> new InitCall("uniform", dense.initScale(), true);
      case ZEROS -> new InitCall("constant", 0.0, false);
      case DEFAULT -> throw new IllegalStateException("DEFAULT is resolved by the layer");
    };
  }
}
