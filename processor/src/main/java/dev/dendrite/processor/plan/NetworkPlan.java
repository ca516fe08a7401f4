package dev.dendrite.processor.plan;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole generated class: one {@link LayerPlan} per layer, in order, and what the class needs
 * around them. {@link #methods()} is every method the float network declares that the user's
 * class can meet; the class writer writes exactly these.
 *
 * @param network the checked network
 * @param layers the layer plans, the input first
 * @param parallelMinBatch the smallest batch whose passes are split over threads; 0 when the
 *     network runs every batch on the calling thread and has no thread machinery at all
 */
public record NetworkPlan(CheckedNetwork network, List<LayerPlan> layers, int parallelMinBatch) {

  public NetworkPlan {
    layers = List.copyOf(layers);
  }

  /** The plan of the input layer. */
  public LayerPlan.InputPlan input() {
    return (LayerPlan.InputPlan) layers.get(0);
  }

  /** The plan of the output layer. */
  public LayerPlan.DensePlan output() {
    return (LayerPlan.DensePlan) layers.get(layers.size() - 1);
  }

  /** Whether large batches are split over threads. */
  public boolean splits() {
    return parallelMinBatch > 0;
  }

  /**
   * Whether the network keeps the batch's input rows: a dense layer that reads them computes its
   * weight gradient from them, and the threads' passes read them.
   */
  public boolean keepsBatchInput() {
    return splits() || layers.stream().anyMatch(l -> l instanceof LayerPlan.DensePlan dense
        && dense.inputBuffer().equals("batchInput"));
  }

  /**
   * Whether {@code predict(input, output)} takes one sample through the layers in local
   * variables: in a network too small to split batches over threads, where passing a sample's
   * values between layers through the batch buffers costs about as much as the arithmetic, when
   * every layer after the input is an unrolled dense layer with an element-wise activation other
   * than PRELU, and there are two or more.
   */
  public boolean predictsInLocals() {
    List<LayerPlan> dense = layers.subList(1, layers.size());
    return !splits() && dense.size() >= 2
        && dense.stream().allMatch(l -> l instanceof LayerPlan.DensePlan d
        && d.strategy() == Strategy.UNROLLED
        && d.layer().activation() != Activation.SOFTMAX
        && d.layer().activation() != Activation.PRELU);
  }

  /** Whether a dropout layer draws masks, so that the network keeps a random generator. */
  public boolean drops() {
    return layers.stream().anyMatch(l -> l instanceof LayerPlan.DropoutPlan);
  }

  /** Whether a batch normalization layer keeps running statistics: {@code buffers()}. */
  public boolean hasBuffers() {
    return layers.stream().anyMatch(l -> l instanceof LayerPlan.BatchNormPlan);
  }

  /** The dense layers with an L1 or L2 penalty on their weights. */
  public List<LayerPlan.DensePlan> penalized() {
    List<LayerPlan.DensePlan> penalized = new ArrayList<>();
    for (LayerPlan layer : layers) {
      if (layer instanceof LayerPlan.DensePlan dense && dense.layer().hasPenalty()) {
        penalized.add(dense);
      }
    }
    return penalized;
  }

  /** The dense layer whose forward product runs in halves, or {@code null}. */
  public LayerPlan.DensePlan halved() {
    for (LayerPlan layer : layers) {
      if (layer instanceof LayerPlan.DensePlan dense && dense.halves()) {
        return dense;
      }
    }
    return null;
  }

  /** The dense layers whose input gradient reads transposed weights. */
  public List<LayerPlan.DensePlan> transposed() {
    List<LayerPlan.DensePlan> transposed = new ArrayList<>();
    for (LayerPlan layer : layers) {
      if (layer instanceof LayerPlan.DensePlan dense && dense.transposes()) {
        transposed.add(dense);
      }
    }
    return transposed;
  }

  /** Every instance field the float network declares. */
  public List<GeneratedField> fields() {
    List<GeneratedField> fields = new ArrayList<>();
    for (LayerPlan layer : layers) {
      fields.addAll(layerFields(layer));
    }
    for (String name : List.of("parameters", "batchSize", "trainingPass")) {
      fields.add(GeneratedField.network(name));
    }
    if (keepsBatchInput()) {
      fields.add(GeneratedField.network("batchInput"));
    }
    if (hasBuffers()) {
      fields.add(GeneratedField.network("buffers"));
    }
    if (drops()) {
      fields.add(GeneratedField.network("random"));
    }
    if (splits()) {
      for (String name : List.of("threads", "workers", "forwardTask", "backwardTask",
          "gradientTask")) {
        fields.add(GeneratedField.network(name));
      }
      if (halved() != null) {
        fields.add(GeneratedField.network("forwardHalvesTask"));
      }
    }
    return fields;
  }

  /** The fields of one layer: its tensors and their gradients, then its per-sample buffers. */
  private static List<GeneratedField> layerFields(LayerPlan plan) {
    String l = plan.layer().name();
    LayerNames n = plan.names();
    List<GeneratedField> fields = new ArrayList<>();
    if (plan instanceof LayerPlan.DensePlan dense) {
      fields.add(GeneratedField.layer(l, n.weight(), "the weights"));
      fields.add(GeneratedField.layer(l, n.weightGrad(), "the weight gradient"));
      if (dense.layer().bias()) {
        fields.add(GeneratedField.layer(l, n.bias(), "the bias"));
        fields.add(GeneratedField.layer(l, n.biasGrad(), "the bias gradient"));
      }
      if (dense.layer().isPrelu()) {
        fields.add(GeneratedField.layer(l, n.alpha(), "the PRELU slopes"));
        fields.add(GeneratedField.layer(l, n.alphaGrad(), "the PRELU slope gradient"));
      }
      if (dense.transposes()) {
        fields.add(GeneratedField.layer(l, n.weightTransposed(), "the transposed weights"));
      }
      if (dense.halves()) {
        fields.add(GeneratedField.layer(l, n.secondRows(), "the second part's weight rows"));
        fields.add(GeneratedField.layer(l, n.secondPool(), "the second part's input pool"));
      }
    } else if (plan instanceof LayerPlan.BatchNormPlan) {
      fields.add(GeneratedField.layer(l, n.gamma(), "the scale gamma"));
      fields.add(GeneratedField.layer(l, n.gammaGrad(), "the gradient of the scale gamma"));
      fields.add(GeneratedField.layer(l, n.beta(), "the shift beta"));
      fields.add(GeneratedField.layer(l, n.betaGrad(), "the gradient of the shift beta"));
      fields.add(GeneratedField.layer(l, n.runningMean(), "the running mean"));
      fields.add(GeneratedField.layer(l, n.runningVar(), "the running variance"));
      fields.add(GeneratedField.layer(l, n.batchMean(), "the batch mean"));
      fields.add(GeneratedField.layer(l, n.invStd(), "the inverse batch standard deviation"));
      fields.add(GeneratedField.layer(l, n.inferenceScale(), "the inference scale"));
    }
    for (LayerPlan.Buffer buffer : plan.buffers()) {
      fields.add(GeneratedField.layer(l, buffer.name(), buffer.what()));
    }
    return fields;
  }

  /** Every method the float network declares, public ones of {@code Model} first. */
  public List<GeneratedMethod> methods() {
    String matrix = LayerPlan.MATRIX;
    List<GeneratedMethod> methods = new ArrayList<>(List.of(
        GeneratedMethod.model("networkName", "java.lang.String"),
        GeneratedMethod.model("layers", "java.util.List"),
        GeneratedMethod.model("loss", "dev.dendrite.annotation.Loss"),
        GeneratedMethod.model("parameters", "java.util.List")));
    if (hasBuffers()) {
      methods.add(GeneratedMethod.model("buffers", "java.util.List"));
    }
    if (drops()) {
      methods.add(GeneratedMethod.model("randomState", "long"));
      methods.add(GeneratedMethod.model("setRandomState", "void", "long"));
    }
    methods.add(GeneratedMethod.model("forward", matrix, matrix, "int", "boolean"));
    methods.add(GeneratedMethod.model("backward", "float", matrix));
    if (predictsInLocals()) {
      methods.add(GeneratedMethod.model("predict", "void", "float[]", "float[]"));
    }
    if (!penalized().isEmpty()) {
      methods.add(GeneratedMethod.model("penaltyLoss", "float"));
    }
    if (splits()) {
      String threads = "for its threads";
      methods.add(GeneratedMethod.model("threads", "int"));
      methods.add(GeneratedMethod.model("setThreads", "void", "int"));
      methods.add(GeneratedMethod.model("step", "void", "dev.dendrite.optim.Optimizer"));
      methods.add(GeneratedMethod.helper(threads, "splits", "boolean", "int"));
      methods.add(GeneratedMethod.helper(threads, "workers", "dev.dendrite.parallel.Workers"));
      String passes = "for its passes";
      methods.add(GeneratedMethod.helper(passes, "forwardRows", "void", "int", "int"));
      methods.add(GeneratedMethod.helper(passes, "backwardRows", "void", "int", "int"));
      methods.add(GeneratedMethod.helper(passes, "parameterGradients", "void", "int", "int"));
      if (!transposed().isEmpty()) {
        methods.add(GeneratedMethod.helper(passes, "transposeWeights", "void", "int", "int"));
      }
    } else if (!transposed().isEmpty()) {
      methods.add(GeneratedMethod.helper("for its passes", "transposeWeights", "void"));
    }
    methods.add(GeneratedMethod.helper("for its buffers", "ensureCapacity", "void", "int"));
    for (LayerPlan layer : layers) {
      methods.addAll(layer.methods());
    }
    if (!penalized().isEmpty()) {
      methods.add(GeneratedMethod.helper("for its passes", "addPenaltyGradients", "void"));
    }
    return methods;
  }
}
