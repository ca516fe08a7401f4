package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the passes over the layers: {@code forward}, {@code backward}, the single prediction,
 * and, for a network that splits large batches, the thread machinery: the tasks, the share of
 * each pass a thread takes, and {@code threads}, {@code setThreads}, {@code step}.
 *
 * <p>A split batch gives each thread a contiguous range of samples in the forward and backward
 * passes, and a range of weight rows in the parameter gradients, each summed over all samples
 * in order, so that results do not depend on the number of threads.
 */
final class PassWriter {

  static final ClassName BATCHES = ClassName.get(Precision.RUNTIME, "Batches");
  static final ClassName TASK = Fields.WORKERS.nestedClass("Task");
  static final ClassName OPTIMIZER = ClassName.get("dev.dendrite.optim", "Optimizer");
  static final ClassName TRANSPOSES = ClassName.get("dev.dendrite.kernel", "Transposes");

  private final NetworkPlan plan;
  private final Precision p;
  private final Fields f;
  private final FieldSpec forwardTask;
  private final FieldSpec backwardTask;
  private final FieldSpec gradientTask;
  /** The writers of the layers, the input's first. */
  private final List<LayerWriter> writers;

  PassWriter(NetworkPlan plan, Precision precision, Fields fields) {
    this.plan = plan;
    this.p = precision;
    this.f = fields;
    this.writers = plan.layers().stream().map(l -> LayerWriter.of(l, precision)).toList();
    CodeBlock rows = CodeBlock.of("$T.start($N, part, parts),$W$T.start($N, part + 1, parts)",
        Fields.WORKERS, f.batchSize, Fields.WORKERS, f.batchSize);
    CodeBlock.Builder forward = CodeBlock.builder().add("(part, parts) -> {\n$>");
    if (!plan.transposed().isEmpty()) {
      forward.beginControlFlow("if ($N)", f.trainingPass)
          .addStatement("transposeWeights(part, parts)")
          .endControlFlow();
    }
    forward.addStatement("forwardRows($L)", rows).add("$<}");
    this.forwardTask = FieldSpec.builder(TASK, "forwardTask", Modifier.PRIVATE, Modifier.FINAL)
        .initializer(forward.build()).build();
    this.backwardTask = FieldSpec.builder(TASK, "backwardTask", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("(part, parts) ->$WbackwardRows($L)", rows).build();
    this.gradientTask = FieldSpec.builder(TASK, "gradientTask", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("this::parameterGradients").build();
  }

  /** The fields the passes add: the tasks of a network that splits batches. */
  List<FieldSpec> fields() {
    if (!plan.splits()) {
      return List.of();
    }
    LayerPlan.DensePlan halved = plan.halved();
    if (halved == null) {
      return List.of(forwardTask, backwardTask, gradientTask);
    }
    FieldSpec halves = FieldSpec.builder(TASK, "forwardHalvesTask", Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("this::$N", halved.names().forwardHalves()).build();
    return List.of(forwardTask, halves, backwardTask, gradientTask);
  }

  /** The methods, in the order of {@link NetworkPlan#methods()} where they appear there. */
  List<MethodSpec> modelMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(forward());
    methods.add(backward());
    if (plan.predictsInLocals()) {
      methods.add(new LocalsPrediction(plan, p, f).method());
    }
    return methods;
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private MethodSpec forward() {
    MethodSpec.Builder m = override("forward", p.matrix)
        .addParameter(p.matrix, "input")
        .addParameter(int.class, "n")
        .addParameter(boolean.class, "training")
        .addStatement("$T.requireRows(input, n, INPUT_SIZE, $S)", BATCHES, "input")
        .addStatement("ensureCapacity(n)");
    if (plan.keepsBatchInput()) {
      m.addStatement("$N = input", f.batchInput);
    }
    m.addStatement("$N = n", f.batchSize)
        .addStatement("$N = training", f.trainingPass);
    CodeBlock.Builder before = CodeBlock.builder();
    writers.forEach(w -> before.add(w.beforeTraining()));
    if (!before.isEmpty()) {
      m.beginControlFlow("if (training)").addCode(before.build()).endControlFlow();
    }
    String output = plan.output().names().out();
    if (!plan.splits()) {
      if (!plan.transposed().isEmpty()) {
        m.beginControlFlow("if (training)").addStatement("transposeWeights()").endControlFlow();
      }
      layerCalls(m, "input", "0", "n", "training", true);
      return m.build();
    }
    LayerPlan.DensePlan halved = plan.halved();
    if (halved != null) {
      m.addCode(new HalvedProduct(halved, p).prepare(f.threads));
    }
    m.beginControlFlow("if (splits(n))");
    if (halved != null) {
      m.addStatement("workers().run(forwardHalvesTask)");
    }
    m.addStatement("workers().run($N)", forwardTask)
        .nextControlFlow("else");
    if (!plan.transposed().isEmpty()) {
      m.beginControlFlow("if (training)").addStatement("transposeWeights(0, 1)").endControlFlow();
    }
    if (halved != null && halved.sharesSmallBatches()) {
      m.beginControlFlow("if ($N > 1)", f.threads)
          .addComment("too few samples to split, but each thread can still read its own half of"
              + " the weights")
          .addStatement("workers().share(forwardHalvesTask)")
          .nextControlFlow("else")
          .addStatement("$N(0, 1)", halved.names().forwardHalves())
          .endControlFlow();
    } else if (halved != null) {
      m.addStatement("$N(0, 1)", halved.names().forwardHalves());
    }
    return m.addStatement("forwardRows(0, n)")
        .endControlFlow()
        .addStatement("return $N", output)
        .build();
  }

  /**
   * The forward calls of every layer over samples {@code from..to-1}, each reading the rows the
   * one before returned; dropout passes its input on outside training.
   */
  private void layerCalls(MethodSpec.Builder m, String input, String from, String to,
      String training, boolean returnLast) {
    String x = input;
    List<LayerPlan> layers = plan.layers();
    for (int i = 1; i < layers.size(); i++) {
      CodeBlock call = writers.get(i).forwardCall(x, from, to, training);
      if (call.isEmpty()) {
        CheckedLayer flatten = layers.get(i).layer();
        m.addCode("// $L (Flatten): each row already holds a sample's $L values in row-major"
            + " order\n", flatten.name(), flatten.outputSize());
      } else if (i == layers.size() - 1) {
        m.addStatement(returnLast ? "return $L" : "$L", call);
      } else if (x.equals(input)) {
        m.addStatement("$T x = $L", p.matrix, call);
        x = "x";
      } else {
        m.addStatement("x = $L", call);
      }
    }
  }

  private MethodSpec backward() {
    MethodSpec.Builder m = override("backward", p.scalar)
        .addParameter(p.matrix, "target")
        .addStatement("$T.requireTrainingPass($N)", BATCHES, f.trainingPass)
        .addStatement("int n = $N", f.batchSize)
        .addStatement("$T.requireRows(target, n, OUTPUT_SIZE, $S)", BATCHES, "target")
        .addStatement("$T loss = $L", p.scalar,
            new DenseWriter(plan.output(), p).loss(plan.network().loss().name()));
    if (plan.splits()) {
      m.beginControlFlow("if (splits(n))")
          .addStatement("workers().run($N)", backwardTask)
          .addStatement("workers().run($N)", gradientTask)
          .nextControlFlow("else")
          .addStatement("backwardRows(0, n)")
          .addStatement("parameterGradients(0, 1)")
          .endControlFlow();
    } else {
      backwardCalls(m, "0", "n");
      parameterGradientCalls(m, "n", "");
    }
    new PenaltyWriter(plan, p).endBackward(m);
    return m.build();
  }

  /** The backward calls of every layer, from the output down, over {@code from..to-1}. */
  private void backwardCalls(MethodSpec.Builder m, String from, String to) {
    for (int i = writers.size() - 1; i > 0; i--) {
      m.addCode(writers.get(i).backwardCalls(from, to));
    }
  }

  /** The parameter gradient calls of every layer; {@code share} is {@code , part, parts}. */
  private void parameterGradientCalls(MethodSpec.Builder m, String n, String share) {
    writers.forEach(w -> m.addCode(w.parameterGradientCall(n, share)));
  }

  /** The methods of the thread machinery and of the passes' shares, or of the transposes. */
  List<MethodSpec> helperMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (!plan.splits()) {
      if (!plan.transposed().isEmpty()) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("transposeWeights")
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc("Copies the weights the input gradients read transposed; a training"
                + " forward pass calls it, so that the backward pass runs on the weights the"
                + " forward pass used.\n");
        for (LayerPlan.DensePlan dense : plan.transposed()) {
          m.addStatement("$T.transpose($N, $N)", TRANSPOSES, dense.names().weight(),
              dense.names().weightTransposed());
        }
        methods.add(m.build());
      }
      return methods;
    }
    methods.add(override("threads", TypeName.INT).addStatement("return $N", f.threads).build());
    methods.add(override("setThreads", TypeName.VOID)
        .addParameter(int.class, "threads")
        .beginControlFlow("if (threads < 1)")
        .addStatement("throw new $T($S + threads)", IllegalArgumentException.class,
            "threads must be at least 1, was ")
        .endControlFlow()
        .beginControlFlow("if (threads != this.$N && $N != null)", f.threads, f.workers)
        .addStatement("$N.close()", f.workers)
        .addStatement("$N = null", f.workers)
        .endControlFlow()
        .addStatement("this.$N = threads", f.threads)
        .build());
    MethodSpec.Builder step = override("step", TypeName.VOID)
        .addParameter(p == Precision.FLOAT ? OPTIMIZER : OPTIMIZER, "optimizer");
    if (p == Precision.FLOAT) {
      methods.add(step
          .addJavadoc("Splits the step over this network's threads when the last batch was"
              + " split: each thread updates the rows of every tensor whose gradients it"
              + " computed.\n")
          .beginControlFlow("if (splits($N))", f.batchSize)
          .addStatement("optimizer.step($N, workers())", f.parameters)
          .nextControlFlow("else")
          .addStatement("optimizer.step($N)", f.parameters)
          .endControlFlow()
          .build());
    }
    methods.add(MethodSpec.methodBuilder("splits")
        .addModifiers(Modifier.PRIVATE)
        .returns(boolean.class)
        .addParameter(int.class, "n")
        .addStatement("return $N > 1 && n >= PARALLEL_MIN_BATCH", f.threads)
        .build());
    methods.add(MethodSpec.methodBuilder("workers")
        .addModifiers(Modifier.PRIVATE)
        .returns(Fields.WORKERS)
        .addJavadoc("The threads, started on first use and stopped once this network is"
            + " garbage.\n")
        .beginControlFlow("if ($N == null)", f.workers)
        .addStatement("$N = $T.ownedBy(this, $N)", f.workers, Fields.WORKERS, f.threads)
        .endControlFlow()
        .addStatement("return $N", f.workers)
        .build());
    MethodSpec.Builder forwardRows = rangeMethod("forwardRows",
        "Runs samples {@code from..to-1} of the current batch through every layer.\n");
    layerCalls(forwardRows, f.batchInput.name(), "from", "to", f.trainingPass.name(),
        false);
    methods.add(forwardRows.build());
    MethodSpec.Builder backwardRows = rangeMethod("backwardRows",
        "Takes the gradient of samples {@code from..to-1} back through the layers.\n");
    backwardCalls(backwardRows, "from", "to");
    methods.add(backwardRows.build());
    MethodSpec.Builder gradients = MethodSpec.methodBuilder("parameterGradients")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addJavadoc("Part {@code part} of {@code parts} of every parameter gradient of the"
            + " current batch.\n");
    parameterGradientCalls(gradients, f.batchSize.name(), ", part, parts");
    methods.add(gradients.build());
    if (!plan.transposed().isEmpty()) {
      MethodSpec.Builder m = MethodSpec.methodBuilder("transposeWeights")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "part")
          .addParameter(int.class, "parts")
          .addJavadoc("Part {@code part} of {@code parts} of the transposed weights the input"
              + " gradients read, rows {@code Workers.start(rows, part, parts)..}: those the same"
              + " thread updates in {@code step}. A training forward pass writes them, so that"
              + " the backward pass runs on the weights the forward pass used.\n");
      for (LayerPlan.DensePlan dense : plan.transposed()) {
        String rows = dense.inputSizeConstant();
        m.addStatement("$T.transposeRows($N, $N,$W$T.start($N, part, parts),"
                + "$W$T.start($N, part + 1, parts))", TRANSPOSES, dense.names().weight(),
            dense.names().weightTransposed(), Fields.WORKERS, rows, Fields.WORKERS, rows);
      }
      methods.add(m.build());
    }
    return methods;
  }

  private static MethodSpec.Builder rangeMethod(String name, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc(doc);
  }
}
