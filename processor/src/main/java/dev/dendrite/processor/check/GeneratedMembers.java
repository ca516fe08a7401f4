package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.plan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the generated float network {@code <Name>Net} declares, as far as the annotated class can
 * get in its way: its methods, its instance fields, and the simple names its source uses. A test
 * compares this with the generated class files, so that it follows the emitter.
 */
public final class GeneratedMembers {

  private GeneratedMembers() {}

  /** The runtime interface whose methods the generated network implements. */
  public static final String MODEL = "dev.dendrite.Model";

  /**
   * A generated method.
   *
   * @param name its name
   * @param parameterTypes its erased parameter types, as {@link dev.dendrite.processor.model
   *     .MethodDecl} writes them
   * @param returnType its erased return type
   * @param implementsModel whether it is a public method of {@link #MODEL}; the others are private
   * @param layer the layer it belongs to, or {@code null}
   */
  public record Method(
      String name, List<String> parameterTypes, String returnType, boolean implementsModel,
      String layer) {}

  /**
   * A generated instance field.
   *
   * @param name its name
   * @param layer the layer it belongs to, or {@code null}
   * @param purpose what it holds, for messages, e.g. {@code the weight gradient of 'a'}
   */
  public record Field(String name, String layer, String purpose) {}

  /**
   * The simple type names the source of the generated network uses, with the types they stand for.
   * An inherited member type of the same name would be found first.
   */
  public static final Map<String, String> TYPE_NAMES = Map.ofEntries(
      Map.entry("Activation", "dev.dendrite.annotation.Activation"),
      Map.entry("Activations", "dev.dendrite.kernel.Activations"),
      Map.entry("Arrays", "java.util.Arrays"),
      Map.entry("Batches", "dev.dendrite.Batches"),
      Map.entry("Double", "java.lang.Double"),
      Map.entry("Generated", "javax.annotation.processing.Generated"),
      Map.entry("IllegalArgumentException", "java.lang.IllegalArgumentException"),
      Map.entry("IllegalStateException", "java.lang.IllegalStateException"),
      Map.entry("Initializers", "dev.dendrite.init.Initializers"),
      Map.entry("Kernels", "dev.dendrite.kernel.Kernels"),
      Map.entry("Layer", "dev.dendrite.Layer"),
      Map.entry("LayerSettings", "dev.dendrite.LayerSettings"),
      Map.entry("List", "java.util.List"),
      Map.entry("Loss", "dev.dendrite.annotation.Loss"),
      Map.entry("LossKernels", "dev.dendrite.kernel.LossKernels"),
      Map.entry("Math", "java.lang.Math"),
      Map.entry("MatrixKernels", "dev.dendrite.kernel.MatrixKernels"),
      Map.entry("Model", "dev.dendrite.Model"),
      Map.entry("Optimizer", "dev.dendrite.optim.Optimizer"),
      Map.entry("Override", "java.lang.Override"),
      Map.entry("Penalties", "dev.dendrite.kernel.Penalties"),
      Map.entry("PreluMode", "dev.dendrite.annotation.PreluMode"),
      Map.entry("Rng", "dev.dendrite.random.Rng"),
      Map.entry("String", "java.lang.String"),
      Map.entry("System", "java.lang.System"),
      Map.entry("Tensor", "dev.dendrite.Tensor"),
      Map.entry("Workers", "dev.dendrite.parallel.Workers"));

  /**
   * The type names the generated network calls static methods on, e.g. {@code Math.max(..)}. In
   * such an expression an inherited field of the same name would be found before the type.
   */
  public static final Set<String> QUALIFIER_NAMES = Set.of(
      "Activation", "Activations", "Arrays", "Batches", "Double", "Initializers", "Kernels",
      "LayerSettings", "List", "Loss", "LossKernels", "Math", "Penalties", "PreluMode", "System",
      "Workers");

  private static final String MATRIX = "float[][]";
  private static final String VECTOR = "float[]";

  /** The methods of {@link #MODEL} that the generated network implements. */
  public static List<Method> modelMethods() {
    return List.of(
        model("networkName", "java.lang.String"),
        model("layers", "java.util.List"),
        model("loss", "dev.dendrite.annotation.Loss"),
        model("inputSize", "int"),
        model("outputSize", "int"),
        model("parameters", "java.util.List"),
        model("randomState", "long"),
        model("setRandomState", "void", "long"),
        model("forward", MATRIX, MATRIX, "int", "boolean"),
        model("backward", "float", MATRIX),
        model("predict", "void", MATRIX, "int", MATRIX),
        model("predict", "void", VECTOR, VECTOR),
        model("threads", "int"),
        model("setThreads", "void", "int"));
  }

  /** The values per sample after a layer {@code spec} whose input has {@code size} values. */
  private static long sizeAfter(LayerSpec spec, long size) {
    if (spec instanceof LayerSpec.DenseSpec dense) {
      return dense.units();
    }
    if (spec instanceof LayerSpec.InputSpec input) {
      long values = 1;
      for (int d : input.shape()) {
        values *= d;
      }
      return values;
    }
    return size;
  }

  /**
   * Every method the generated network of loss {@code loss} declares for the layers in {@code
   * fields}: those of {@link #MODEL} it always implements, {@code buffers()} when a layer has
   * non-trainable tensors, the passes over a range of samples, the thread pool's when batches may
   * be split, and the private kernels of each layer.
   */
  public static List<Method> methods(List<FieldDecl> fields, Loss loss) {
    List<Method> methods = new ArrayList<>(modelMethods());
    if (hasBuffers(fields)) {
      methods.add(model("buffers", "java.util.List"));
    }
    methods.add(new Method("ensureCapacity", List.of("int"), "void", false, null));
    methods.add(new Method("forwardRows", List.of("int", "int"), "void", false, null));
    methods.add(new Method("backwardRows", List.of("int", "int"), "void", false, null));
    methods.add(new Method("parameterGradients", List.of("int", "int"), "void", false, null));
    if (backpropagatesInLocals(fields, loss)) {
      methods.add(new Method("backwardInLocals", List.of(), "void", false, null));
    }
    if (!hasBuffers(fields)) {
      methods.add(model("step", "void", "dev.dendrite.optim.Optimizer"));
      methods.add(new Method("splits", List.of("int"), "boolean", false, null));
      methods.add(new Method("workers", List.of(), "dev.dendrite.parallel.Workers", false, null));
    }
    // Whether a layer with parameters comes before: only then does a layer pass a gradient back.
    boolean trainableBefore = false;
    boolean penalties = false;
    boolean transposes = false;
    long size = 0;
    for (int i = 0; i < fields.size(); i++) {
      FieldDecl field = fields.get(i);
      LayerNames names = LayerNames.of(field.name(), "");
      LayerSpec spec = field.layers().get(0);
      String layer = field.name();
      boolean last = i == fields.size() - 1;
      if (spec instanceof LayerSpec.DenseSpec dense) {
        boolean looped = Planner.strategy(size, dense.units()) == Strategy.LOOPED;
        methods.add(kernel(names.forward(), MATRIX, layer, MATRIX, "int", "int"));
        if (forwardInHalves(fields, i, size, dense)) {
          methods.add(kernel(names.forwardHalves(), "void", layer, "int", "int"));
          methods.add(kernel(names.forwardPart(), "void", layer, MATRIX, MATRIX, MATRIX, "int",
              "int"));
        }
        if (looped && Planner.BLOCKING.tiles(size, dense.units())
            && !forwardInHalves(fields, i, size, dense)) {
          methods.add(kernel(names.forwardTiles(), "void", layer, MATRIX, "int", "int"));
        }
        if (dense.activation() != Activation.LINEAR
            && !(last && Planner.fused(loss, dense.activation()))) {
          methods.add(kernel(names.backward(), "void", layer, "int", "int"));
        }
        if (trainableBefore) {
          transposes |= looped;
          methods.add(kernel(names.inputGradient(), "void", layer, "int", "int"));
          if (looped && Planner.BLOCKING.tiles(dense.units(), size)) {
            methods.add(kernel(names.inputGradientTiles(), "void", layer, MATRIX, "int", "int"));
          }
        }
        methods.add(kernel(names.parameterGradient(), "void", layer, "int", "int", "int"));
        if (last) {
          methods.add(kernel(names.loss(), "float", layer, MATRIX, "int"));
        }
        trainableBefore = true;
        penalties |= dense.l1() != 0 || dense.l2() != 0;
      } else if (spec instanceof LayerSpec.DropoutSpec) {
        methods.add(kernel(names.drawMask(), "void", layer, "int"));
        methods.add(kernel(names.forward(), MATRIX, layer, MATRIX, "int", "int"));
        if (trainableBefore) {
          methods.add(kernel(names.backward(), "void", layer, "int", "int"));
        }
      } else if (spec instanceof LayerSpec.BatchNormSpec) {
        methods.add(kernel(names.forward(), MATRIX, layer, MATRIX, "int"));
        methods.add(kernel(names.inference(), MATRIX, layer, MATRIX, "int"));
        methods.add(kernel(names.backward(), "void", layer, "int"));
        if (trainableBefore) {
          methods.add(kernel(names.inputGradient(), "void", layer, "int"));
        }
        trainableBefore = true;
      }
      // @Input and @Flatten have no kernels.
      size = sizeAfter(spec, size);
    }
    if (transposes) {
      methods.add(new Method("transposeWeights", List.of("int", "int"), "void", false, null));
    }
    if (penalties) {
      methods.add(model("penaltyLoss", "float"));
      methods.add(new Method("addPenaltyGradients", List.of(), "void", false, null));
    }
    return methods;
  }

  /**
   * Every instance field the generated network of loss {@code loss} declares for the layers in
   * {@code fields}.
   */
  public static List<Field> fields(List<FieldDecl> fields, Loss loss) {
    List<Field> result = new ArrayList<>();
    for (String name : List.of(
        "parameters", "capacity", "batchInput", "batchSize", "trainingPass", "random",
        "threads")) {
      result.add(new Field(name, null, "the network's '" + name + "'"));
    }
    if (!predictsInLocals(fields)) {
      result.add(new Field("single", null, "the network's 'single'"));
    }
    if (hasBuffers(fields)) {
      result.add(new Field("buffers", null, "the network's 'buffers'"));
    } else {
      for (String name : List.of("workers", "forwardTask", "backwardTask", "gradientTask")) {
        result.add(new Field(name, null, "the network's '" + name + "'"));
      }
    }
    boolean trainableBefore = false;
    long size = 0;
    for (int i = 0; i < fields.size(); i++) {
      FieldDecl field = fields.get(i);
      boolean last = i == fields.size() - 1;
      LayerNames n = LayerNames.of(field.name(), "");
      LayerSpec spec = field.layers().get(0);
      String l = field.name();
      if (spec instanceof LayerSpec.DenseSpec dense) {
        result.add(new Field(n.weight(), l, "the weights of '" + l + "'"));
        result.add(new Field(n.weightGrad(), l, "the weight gradient of '" + l + "'"));
        if (dense.bias()) {
          result.add(new Field(n.bias(), l, "the bias of '" + l + "'"));
          result.add(new Field(n.biasGrad(), l, "the bias gradient of '" + l + "'"));
        }
        if (dense.activation() == Activation.PRELU) {
          result.add(new Field(n.alpha(), l, "the PRELU slopes of '" + l + "'"));
          result.add(new Field(n.alphaGrad(), l, "the PRELU slope gradient of '" + l + "'"));
        }
        if (dense.activation() != Activation.LINEAR) {
          result.add(new Field(n.pre(), l, "the pre-activations of '" + l + "'"));
        }
        result.add(new Field(n.out(), l, "the outputs of '" + l + "'"));
        result.add(new Field(n.grad(), l, "the output gradient of '" + l + "'"));
        if (last && loss == Loss.BINARY_CROSS_ENTROPY
            && dense.activation() == Activation.SIGMOID) {
          result.add(new Field(n.lossTerms(), l, "the loss terms of '" + l + "'"));
        }
        if (dense.activation() == Activation.PRELU) {
          result.add(new Field(n.alphaTerms(), l, "the PRELU slope gradient terms of '" + l
              + "'"));
        }
        if (forwardInHalves(fields, i, size, dense)) {
          result.add(new Field(n.secondHalf(), l, "the second half's sums of '" + l + "'"));
          result.add(new Field(n.secondInput(), l, "the second half's inputs of '" + l + "'"));
          result.add(new Field(n.secondRows(), l, "the second half's weight rows of '" + l
              + "'"));
          result.add(new Field(n.secondPool(), l, "the second half's input rows of '" + l
              + "'"));
          result.add(new Field("forwardHalvesTask", null, "the network's 'forwardHalvesTask'"));
        }
        if (trainableBefore && Planner.strategy(size, dense.units()) == Strategy.LOOPED) {
          result.add(new Field(n.weightTransposed(), l, "the transposed weights of '" + l
              + "'"));
        }
        trainableBefore = true;
      } else if (spec instanceof LayerSpec.DropoutSpec) {
        result.add(new Field(n.mask(), l, "the dropout mask of '" + l + "'"));
        result.add(new Field(n.out(), l, "the outputs of '" + l + "'"));
        if (trainableBefore) {
          result.add(new Field(n.grad(), l, "the output gradient of '" + l + "'"));
        }
      } else if (spec instanceof LayerSpec.BatchNormSpec norm) {
        result.add(new Field(n.gamma(), l, "the scale gamma of '" + l + "'"));
        result.add(new Field(n.gammaGrad(), l, "the gradient of the scale gamma of '" + l + "'"));
        result.add(new Field(n.beta(), l, "the shift beta of '" + l + "'"));
        result.add(new Field(n.betaGrad(), l, "the gradient of the shift beta of '" + l + "'"));
        result.add(new Field(n.runningMean(), l, "the running mean of '" + l + "'"));
        result.add(new Field(n.runningVar(), l, "the running variance of '" + l + "'"));
        result.add(new Field(n.batchMean(), l, "the batch mean of '" + l + "'"));
        result.add(new Field(n.invStd(), l, "the inverse batch standard deviation of '" + l
            + "'"));
        result.add(new Field(n.inferenceScale(), l, "the inference scale of '" + l + "'"));
        result.add(new Field(n.normalized(), l, "the normalized inputs of '" + l + "'"));
        if (norm.activation() != Activation.LINEAR) {
          result.add(new Field(n.pre(), l, "the pre-activations of '" + l + "'"));
        }
        result.add(new Field(n.out(), l, "the outputs of '" + l + "'"));
        result.add(new Field(n.grad(), l, "the output gradient of '" + l + "'"));
        trainableBefore = true;
      }
      size = sizeAfter(spec, size);
    }
    return result;
  }

  /**
   * Whether the network of {@code fields} predicts a single sample in local variables, without
   * the one-row batch {@code single}: as {@link Planner#predictsInLocals} decides.
   */
  private static boolean predictsInLocals(List<FieldDecl> fields) {
    return Planner.predictsInLocals(inputValues(fields), denseShapes(fields), hasBuffers(fields));
  }

  /**
   * Whether the network of {@code fields} takes a single sample's backward pass in local
   * variables, in {@code backwardInLocals()}: as {@link Planner#backpropagatesInLocals} decides.
   */
  private static boolean backpropagatesInLocals(List<FieldDecl> fields, Loss loss) {
    boolean dropout = fields.stream()
        .anyMatch(f -> !f.layers().isEmpty() && f.layers().get(0) instanceof LayerSpec.DropoutSpec);
    return Planner.backpropagatesInLocals(
        inputValues(fields), denseShapes(fields), hasBuffers(fields), dropout, loss);
  }

  private static long inputValues(List<FieldDecl> fields) {
    for (FieldDecl field : fields) {
      if (field.layers().get(0) instanceof LayerSpec.InputSpec input) {
        return sizeAfter(input, 0);
      }
    }
    return 0;
  }

  private static List<Planner.DenseShape> denseShapes(List<FieldDecl> fields) {
    List<Planner.DenseShape> dense = new ArrayList<>();
    long size = 0;
    for (FieldDecl field : fields) {
      LayerSpec spec = field.layers().get(0);
      if (spec instanceof LayerSpec.DenseSpec d) {
        dense.add(new Planner.DenseShape(size, d.units(), d.bias(), d.activation()));
      }
      size = sizeAfter(spec, size);
    }
    return dense;
  }

  /**
   * Whether the dense layer in field {@code index}, whose input has {@code size} values, computes
   * its forward product in two parts ({@link Planner#forwardInHalves}): only Input and Flatten
   * layers come before it.
   */
  private static boolean forwardInHalves(List<FieldDecl> fields, int index, long size,
      LayerSpec.DenseSpec dense) {
    for (int i = 0; i < index; i++) {
      LayerSpec before = fields.get(i).layers().get(0);
      if (!(before instanceof LayerSpec.InputSpec) && !(before instanceof LayerSpec.FlattenSpec)) {
        return false;
      }
    }
    return Planner.forwardInHalves(true, Planner.strategy(size, dense.units()), size,
        hasBuffers(fields));
  }

  /**
   * Whether a layer of {@code fields} has non-trainable tensors, which {@code buffers()} lists: a
   * batch normalization, which also keeps the network from splitting batches over threads.
   */
  private static boolean hasBuffers(List<FieldDecl> fields) {
    return fields.stream().anyMatch(
        f -> !f.layers().isEmpty() && f.layers().get(0) instanceof LayerSpec.BatchNormSpec);
  }

  private static Method model(String name, String returnType, String... parameters) {
    return new Method(name, List.of(parameters), returnType, true, null);
  }

  private static Method kernel(String name, String returnType, String layer,
      String... parameters) {
    return new Method(name, List.of(parameters), returnType, false, layer);
  }
}
