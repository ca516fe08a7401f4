package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.plan.LayerPlan;
import java.util.List;

/**
 * Writes what one planned layer adds to the generated class: its constants and fields, its
 * methods, and its calls in the passes over the layers. The class writer and the passes ask each
 * layer's writer, so that a new kind of layer is a new writer.
 */
interface LayerWriter {

  /** The writer of {@code plan} in precision {@code p}. */
  static LayerWriter of(LayerPlan plan, Precision p) {
    if (plan instanceof LayerPlan.DensePlan dense) {
      return new DenseWriter(dense, p);
    }
    if (plan instanceof LayerPlan.DropoutPlan dropout) {
      return new DropoutWriter(dropout, p);
    }
    if (plan instanceof LayerPlan.BatchNormPlan norm) {
      return new BatchNormWriter(norm, p);
    }
    return new PassThroughWriter(plan);
  }

  /** The layer's static constants, after its size. */
  default List<FieldSpec> constants() {
    return List.of();
  }

  /** The layer's fields other than its tensors and per-sample buffers. */
  default List<FieldSpec> fields() {
    return List.of();
  }

  /** The layer's methods, in the order of {@link LayerPlan#methods()}. */
  List<MethodSpec> methods();

  /** What a training forward pass does for the layer before any layer runs; empty if nothing. */
  default CodeBlock beforeTraining() {
    return CodeBlock.of("");
  }

  /**
   * The layer's forward call over samples {@code from..to-1}, reading the rows {@code x} and
   * returning the rows it writes; {@code training} is the expression that says whether the pass
   * trains.
   */
  CodeBlock forwardCall(String x, String from, String to, String training);

  /** The layer's calls in the backward pass over samples {@code from..to-1}. */
  default CodeBlock backwardCalls(String from, String to) {
    return CodeBlock.of("");
  }

  /**
   * The call that computes the layer's parameter gradients over {@code n} samples, {@code share}
   * being {@code ""} or {@code ", part, parts"}; empty for a layer without parameter gradients of
   * its own.
   */
  default CodeBlock parameterGradientCall(String n, String share) {
    return CodeBlock.of("");
  }

  /** An input or flatten layer: no code; the rows it reads are its output. */
  record PassThroughWriter(LayerPlan plan) implements LayerWriter {
    @Override
    public List<MethodSpec> methods() {
      return List.of();
    }

    @Override
    public CodeBlock forwardCall(String x, String from, String to, String training) {
      return CodeBlock.of("");
    }
  }
}
