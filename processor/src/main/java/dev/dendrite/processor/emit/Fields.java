package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import javax.lang.model.element.Modifier;

/**
 * The fields of a generated network that are not any one layer's, in one precision; the writers
 * name them through these specs.
 */
final class Fields {

  static final ClassName RNG = ClassName.get("dev.dendrite.random", "Rng");
  static final ClassName WORKERS = ClassName.get("dev.dendrite.parallel", "Workers");

  /** The input rows of the last forward pass. */
  final FieldSpec batchInput;
  /** The number of samples of the last forward pass. */
  final FieldSpec batchSize;
  /** Whether the buffers hold a training pass that {@code backward} can use. */
  final FieldSpec trainingPass;
  /** The number of rows of every per-sample buffer. */
  /** The parameter tensors. */
  final FieldSpec parameters;
  /** The non-trainable tensors. */
  final FieldSpec buffers;
  /** Draws dropout masks. */
  final FieldSpec random;
  /** How many threads a large batch is split over. */
  final FieldSpec threads;
  /** The threads, started on the first batch that is split. */
  final FieldSpec workers;

  Fields(Precision p) {
    batchInput = FieldSpec.builder(p.matrix, "batchInput", Modifier.PRIVATE).build();
    batchSize = FieldSpec.builder(int.class, "batchSize", Modifier.PRIVATE).build();
    trainingPass = FieldSpec.builder(boolean.class, "trainingPass", Modifier.PRIVATE).build();
    ParameterizedTypeName tensors =
        ParameterizedTypeName.get(ClassName.get(java.util.List.class), p.tensor);
    parameters = FieldSpec.builder(tensors, "parameters", Modifier.PRIVATE, Modifier.FINAL)
        .build();
    buffers = FieldSpec.builder(tensors, "buffers", Modifier.PRIVATE, Modifier.FINAL).build();
    random = FieldSpec.builder(RNG, "random", Modifier.PRIVATE, Modifier.FINAL).build();
    threads = FieldSpec.builder(int.class, "threads", Modifier.PRIVATE)
        .initializer("$T.defaultThreads()", WORKERS).build();
    workers = FieldSpec.builder(WORKERS, "workers", Modifier.PRIVATE).build();
  }
}
