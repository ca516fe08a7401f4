package dev.dendrite.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dendrite.processor.model.CheckedNetwork;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.NetworkPlan;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.plan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Writes the source of a planned network, in float and, if asked, in double precision. */
public final class NetworkEmitter {

  static final String PROCESSOR = "dev.dendrite.processor.DendriteProcessor";
  static final ClassName LAYER = ClassName.get(Precision.RUNTIME, "Layer");
  static final ClassName BATCHES = ClassName.get(Precision.RUNTIME, "Batches");
  static final ClassName RNG = ClassName.get("dev.dendrite.random", "Rng");
  static final ClassName INITIALIZERS = ClassName.get("dev.dendrite.init", "Initializers");
  static final ClassName LOSS = ClassName.get("dev.dendrite.annotation", "Loss");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName WORKERS = DenseKernels.WORKERS;
  static final ClassName TASK = WORKERS.nestedClass("Task");
  static final ClassName OPTIMIZER = ClassName.get("dev.dendrite.optim", "Optimizer");
  static final ClassName TRANSPOSES = ClassName.get("dev.dendrite.kernel", "Transposes");

  /** The source files for {@code plan}: the float network, then its double twin if requested. */
  public List<JavaFile> emit(NetworkPlan plan, Element origin) {
    List<JavaFile> files = new ArrayList<>();
    files.add(new Writer(plan, Precision.FLOAT, origin).file());
    if (plan.network().doublePrecision()) {
      files.add(new Writer(plan, Precision.DOUBLE, origin).file());
    }
    return files;
  }

  /** Writes one class. */
  private static final class Writer {
    private final NetworkPlan plan;
    private final CheckedNetwork network;
    private final Precision p;
    private final Element origin;
    private final ClassName userType;
    private final String className;
    private final TypeSpec.Builder type;
    /**
     * The layer whose forward product runs in two parts of weight rows with the Vector API's
     * kernels, or {@code null}.
     */
    private final LayerPlan.DensePlan halved;

    Writer(NetworkPlan plan, Precision precision, Element origin) {
      this.plan = plan;
      this.network = plan.network();
      this.p = precision;
      this.origin = origin;
      String[] path = network.userType().split("\\.");
      this.userType = ClassName.get(network.packageName(), path[0],
          java.util.Arrays.copyOfRange(path, 1, path.length));
      this.className = network.userType().replace('.', '_') + precision.classSuffix;
      this.type = TypeSpec.classBuilder(className);
      this.halved = plan.layers().stream()
          .filter(l -> l instanceof LayerPlan.DensePlan dense
              && new DenseKernels(dense, precision).forwardInHalves())
          .map(l -> (LayerPlan.DensePlan) l)
          .findFirst().orElse(null);
    }

    /**
     * Whether a batch may be split over threads: not when a batch normalization needs the
     * statistics of the whole batch, which its kernels compute on the calling thread.
     */
    private boolean splittable() {
      return plan.layers().stream().noneMatch(l -> l instanceof LayerPlan.BatchNormPlan);
    }

    /**
     * Whether {@code Kernels.VECTOR} may compute the two parts of the layer in halves, so that the
     * plain loops' buffers and copies for its second part are needed only when it does not.
     */
    private boolean vectorParts() {
      return halved != null && new DenseKernels(halved, p).vectorParts();
    }

    /**
     * Whether a batch too small to split still shares the product of the layer in halves between
     * the threads ({@link Planner#sharesSmallBatches}).
     */
    private boolean sharesSmallBatches() {
      return halved != null
          && Planner.sharesSmallBatches(halved.layer().inputs(), halved.layer().units());
    }

    /** Whether a looped layer with an input gradient keeps its weights transposed. */
    private boolean transposes() {
      return plan.layers().stream().anyMatch(Writer::transposesWeight);
    }

    JavaFile file() {
      type.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .addSuperinterface(p.model)
          .addAnnotation(AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", PROCESSOR).build())
          .addJavadoc(classJavadoc());
      if (origin != null) {
        type.addOriginatingElement(origin);
      }
      if (p == Precision.FLOAT) {
        type.superclass(userType);
      }
      constants();
      parallelConstant();
      layerDescriptions();
      parameterFields();
      bufferFields();
      constructors();
      description();
      forward();
      transposeWeights();
      backward();
      predict();
      threading();
      ensureCapacity();
      kernels();
      return JavaFile.builder(network.packageName(), type.build())
          .skipJavaLangImports(true)
          .indent("  ")
          .build();
    }

    private CodeBlock classJavadoc() {
      CodeBlock.Builder doc = CodeBlock.builder();
      if (p == Precision.FLOAT) {
        doc.add("The network declared by {@link $T}, generated by Dendrite.\n", userType);
      } else {
        doc.add("A double-precision twin of {@code $LNet}, generated by Dendrite from {@link $T}"
            + "\nfor checking gradients against finite differences.\n",
            network.userType().replace('.', '_'), userType);
      }
      doc.add("\n<pre>\n$L</pre>\n\n", LayerTable.render(network));
      doc.add("<p>Loss: $L, the mean over the batch", network.loss());
      if (plan.output().fusedLoss()) {
        doc.add(",\nfused with the $L output in the backward pass", network.output().activation());
      }
      doc.add(new PenaltyKernels(plan, p).lossNote());
      doc.add(".\nFLOPs count a multiply-add as two and leave out activations.\n\n");
      doc.add("<p>Parameter tensors, weights stored as rows {@code [inputs][units]}:\n<ul>\n");
      for (LayerPlan layer : plan.layers()) {
        List<TensorLayout.TensorField> tensors = TensorLayout.of(layer);
        if (!tensors.isEmpty()) {
          doc.add("  <li>$L\n", tensors.stream().map(Writer::describeTensor)
              .collect(Collectors.joining(",\n      ")));
        }
      }
      doc.add("</ul>\n\n<p>An instance owns its buffers, which grow to the largest batch seen;"
          + " after that a training step\nor a prediction allocates nothing. An instance is not"
          + " safe for use by several threads at once");
      if (splittable()) {
        doc.add(";\nit splits a batch of at least {@link #PARALLEL_MIN_BATCH} samples over"
            + " {@link #threads()} threads of its own,\nwith the same results for any number of"
            + " threads.\n");
        if (sharesSmallBatches()) {
          doc.add("A smaller batch, a single prediction included, still gives the two parts of"
              + " {@code $L}'s\nproduct to two threads, each reading half of its weights, when"
              + " the other thread is awake.\n", halved.layer().name());
        }
      } else {
        doc.add(".\nIt runs every batch on the calling thread, whatever {@link #threads()} says:"
            + " batch normalization\nneeds the statistics of the whole batch.\n");
      }
      return doc.build();
    }

    /** E.g. {@code {@code hidden.weight} {@code [6, 50]} (He-uniform)}. */
    private static String describeTensor(TensorLayout.TensorField tensor) {
      List<String> notes = new ArrayList<>();
      if (tensor.initialValue() != null) {
        notes.add(tensor.initialValue());
      }
      if (!tensor.trainable()) {
        notes.add("not trained");
      }
      if (tensor.oneRow()) {
        notes.add("stored as one row");
      }
      return "{@code " + tensor.name() + "} {@code " + tensor.dims() + "}"
          + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }

    private void constants() {
      for (LayerPlan layer : plan.layers()) {
        LayerNames names = layer.names();
        type.addField(FieldSpec.builder(int.class, names.sizeConstant(),
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Values per sample after {@code $L}.\n", layer.layer().name())
            .initializer("$L", layer.layer().outputSize())
            .build());
        if (layer instanceof LayerPlan.DensePlan dense && dense.layer().hasAlpha()) {
          type.addField(FieldSpec.builder(p.scalar, names.alphaConstant(),
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The $L parameter of {@code $L}.\n",
                  dense.layer().activation(), layer.layer().name())
              .initializer("$L", p.literal(dense.layer().alpha()))
              .build());
        }
        if (layer instanceof LayerPlan.DropoutPlan dropout) {
          double rate = dropout.layer().rate();
          type.addField(FieldSpec.builder(double.class, names.rateConstant(),
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The probability that {@code $L} drops a value.\n",
                  layer.layer().name())
              .initializer("$L", Precision.DOUBLE.literal(rate))
              .build());
          type.addField(FieldSpec.builder(p.scalar, names.scaleConstant(),
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("{@code 1 / (1 - $L)}: the scale of the values {@code $L} keeps.\n",
                  names.rateConstant(), layer.layer().name())
              .initializer("$L", p.literal(1.0 / (1.0 - rate)))
              .build());
        }
        if (layer instanceof LayerPlan.BatchNormPlan norm) {
          new BatchNormKernels(norm, p).constants().forEach(type::addField);
        }
        if (layer == halved) {
          type.addField(FieldSpec.builder(int.class, names.splitRowConstant(),
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The first weight row of {@code $L} in the second part of its forward"
                  + " product.\n", layer.layer().name())
              .initializer("$L", Planner.splitRow(((LayerPlan.DensePlan) layer).layer().inputs()))
              .build());
          if (vectorParts()) {
            type.addField(FieldSpec.builder(boolean.class, names.vectorPartsConstant(),
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Whether {@code Kernels.VECTOR} computes the two parts of {@code $L}'s"
                    + " forward product: it takes\nover the product of a layer at least one vector"
                    + " wide.\n", layer.layer().name())
                .initializer("$T.VECTOR != null && $L >= $T.VECTOR.minUnits()",
                    DenseKernels.KERNELS, names.sizeConstant(), DenseKernels.KERNELS)
                .build());
          }
        }
      }
      String inputSize = plan.input().names().sizeConstant();
      if (!inputSize.equals("INPUT_SIZE")) {
        type.addField(FieldSpec.builder(int.class, "INPUT_SIZE",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Values per input sample.\n")
            .initializer("$L", inputSize)
            .build());
      }
      String outputSize = plan.output().names().sizeConstant();
      if (!outputSize.equals("OUTPUT_SIZE")) {
        type.addField(FieldSpec.builder(int.class, "OUTPUT_SIZE",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Values per output sample.\n")
            .initializer("$L", outputSize)
            .build());
      }
    }

    private void parallelConstant() {
      if (!splittable()) {
        return;
      }
      type.addField(FieldSpec.builder(int.class, "PARALLEL_MIN_BATCH",
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The smallest batch that is split over threads; smaller ones run on the"
              + " calling thread.\nResults are the same either way.\n")
          .initializer("$L", plan.parallelMinBatch())
          .build());
    }

    private void layerDescriptions() {
      CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
      for (int i = 0; i < plan.layers().size(); i++) {
        LayerPlan layer = plan.layers().get(i);
        list.add("\n$L", LayerDescription.of(layer.layer(),
            TensorLayout.parameters(layer).stream().map(TensorLayout.TensorField::name).toList(),
            TensorLayout.buffers(layer).stream().map(TensorLayout.TensorField::name).toList()));
        list.add(i + 1 < plan.layers().size() ? "," : ")");
      }
      list.unindent();
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), LAYER),
              "LAYERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The layers, input first.\n")
          .initializer(list.build())
          .build());
    }

    private boolean hasBuffers() {
      return plan.layers().stream().anyMatch(l -> !TensorLayout.buffers(l).isEmpty());
    }

    private void parameterFields() {
      for (LayerPlan layer : plan.layers()) {
        for (TensorLayout.TensorField tensor : TensorLayout.of(layer)) {
          addMatrix(tensor.values(), tensor.rows(), tensor.columns(), tensor.what());
          if (tensor.trainable()) {
            addMatrix(tensor.gradients(), tensor.rows(), tensor.columns(),
                "Gradient of " + tensor.values() + ".");
          }
        }
        if (layer instanceof LayerPlan.BatchNormPlan norm) {
          new BatchNormKernels(norm, p).unitFields().forEach(type::addField);
        }
        if (transposesWeight(layer)) {
          LayerPlan.DensePlan dense = (LayerPlan.DensePlan) layer;
          addMatrix(dense.names().weightTransposed(), dense.names().sizeConstant(),
              dense.inputSizeConstant(), "{@code " + dense.names().weight() + "} transposed,"
                  + " one row per unit: what the input gradient reads,\ncopied by each"
                  + " training forward pass.");
        }
      }
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(ClassName.get(List.class), p.tensor), "parameters",
              Modifier.PRIVATE, Modifier.FINAL)
          .build());
      if (hasBuffers()) {
        type.addField(FieldSpec.builder(
                ParameterizedTypeName.get(ClassName.get(List.class), p.tensor), "buffers",
                Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("The non-trainable tensors.\n")
            .build());
      }
    }

    /**
     * Whether {@code layer} is a looped dense layer with an input gradient, which runs on its
     * weights transposed.
     */
    private static boolean transposesWeight(LayerPlan layer) {
      return layer instanceof LayerPlan.DensePlan dense && dense.strategy() == Strategy.LOOPED
          && dense.inputGradientBuffer() != null;
    }

    private void addMatrix(String name, String rows, String cols, String doc) {
      type.addField(FieldSpec.builder(p.matrix, name, Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("$L\n", doc)
          .initializer("new $T[$L][$L]", p.scalar, rows, cols)
          .build());
    }

    /**
     * The per-sample buffers of every layer, in the order they are allocated; the second part's
     * sums of a product in halves last, allocated only when the product runs in halves.
     */
    private List<String[]> buffers() {
      List<String[]> buffers = new ArrayList<>();
      for (LayerPlan layer : plan.layers()) {
        LayerNames n = layer.names();
        String size = n.sizeConstant();
        if (layer instanceof LayerPlan.DensePlan dense) {
          if (dense.keepsPreActivation()) {
            buffers.add(new String[] {n.pre(), size, "pre-activations {@code z}"});
          }
          buffers.add(new String[] {n.out(), size, "outputs"});
          buffers.add(new String[] {n.grad(), size, "gradient of the loss"});
          if (dense.keepsLossTerms()) {
            buffers.add(new String[] {n.lossTerms(), size, "each output's term {@code log(1 +"
                + " e^-|z|)} of the loss, written with the outputs by a training pass"});
          }
          if (dense.layer().isPrelu()) {
            buffers.add(new String[] {n.alphaTerms(), size,
                "each value's term of the slope gradient"});
          }
        } else if (layer instanceof LayerPlan.DropoutPlan dropout) {
          buffers.add(new String[] {n.mask(), size, "dropout mask"});
          buffers.add(new String[] {n.out(), size, "outputs in training"});
          if (dropout.inputGradientBuffer() != null) {
            buffers.add(new String[] {n.grad(), size, "gradient of the loss"});
          }
        } else if (layer instanceof LayerPlan.BatchNormPlan norm) {
          buffers.add(new String[] {n.normalized(), size,
              "inputs normalized with the batch statistics, {@code xhat}"});
          if (norm.keepsPreActivation()) {
            buffers.add(new String[] {n.pre(), size, "{@code y = gamma xhat + beta}"});
          }
          buffers.add(new String[] {n.out(), size, "outputs"});
          buffers.add(new String[] {n.grad(), size, "gradient of the loss"});
        }
      }
      if (halved != null) {
        buffers.add(new String[] {halved.names().secondHalf(), halved.names().sizeConstant(),
            "the sums over the second part of the weight rows"});
        buffers.add(new String[] {halved.names().secondInput(),
            halved.names().splitRowConstant(),
            "the row of {@link #" + halved.names().secondPool() + "} that holds the inputs of the"
                + " second part of the weight rows, for the plain loops"});
      }
      return buffers;
    }

    private void bufferFields() {
      for (String[] buffer : buffers()) {
        type.addField(FieldSpec.builder(p.matrix, buffer[0], Modifier.PRIVATE)
            .addJavadoc("Per sample: $L.\n", buffer[2])
            .build());
      }
      type.addField(FieldSpec.builder(int.class, "capacity", Modifier.PRIVATE)
          .addJavadoc("The number of rows of every buffer.\n").build());
      type.addField(FieldSpec.builder(p.matrix, "batchInput", Modifier.PRIVATE)
          .addJavadoc("The input of the last forward pass.\n").build());
      type.addField(FieldSpec.builder(int.class, "batchSize", Modifier.PRIVATE)
          .addJavadoc("The batch size of the last forward pass.\n").build());
      type.addField(FieldSpec.builder(boolean.class, "trainingPass", Modifier.PRIVATE)
          .addJavadoc("Whether the buffers hold a training pass that backward can use.\n")
          .build());
      if (!plan.predictsInLocals()) {
        type.addField(FieldSpec.builder(p.matrix, "single", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("A batch of one row, for single-sample prediction.\n")
            .initializer("new $T[1][]", p.scalar).build());
      }
      type.addField(FieldSpec.builder(RNG, "random", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Draws dropout masks.\n").build());
      if (!splittable()) {
        type.addField(FieldSpec.builder(int.class, "threads", Modifier.PRIVATE)
            .addJavadoc("What {@link #setThreads} was given; every batch runs on the calling"
                + " thread.\n")
            .initializer("$T.defaultThreads()", WORKERS).build());
        return;
      }
      type.addField(FieldSpec.builder(int.class, "threads", Modifier.PRIVATE)
          .addJavadoc("How many threads a batch of at least {@link #PARALLEL_MIN_BATCH} samples is"
              + " split over.\n")
          .initializer("$T.defaultThreads()", WORKERS).build());
      type.addField(FieldSpec.builder(WORKERS, "workers", Modifier.PRIVATE)
          .addJavadoc("The threads, started on the first batch that is split.\n").build());
      CodeBlock forwardRows = CodeBlock.of("forwardRows($T.start(batchSize, part, parts),"
          + "$W$T.start(batchSize, part + 1, parts))", WORKERS, WORKERS);
      FieldSpec.Builder forwardTask =
          FieldSpec.builder(TASK, "forwardTask", Modifier.PRIVATE, Modifier.FINAL);
      if (transposes()) {
        forwardTask.addJavadoc("A part of the forward pass: a contiguous range of samples, and in"
                + " a training pass a share of\nthe transposed weights.\n")
            .initializer(CodeBlock.builder()
                .add("(part, parts) -> {\n$>")
                .beginControlFlow("if (trainingPass)")
                .addStatement("transposeWeights(part, parts)")
                .endControlFlow()
                .addStatement(forwardRows)
                .add("$<}")
                .build());
      } else {
        forwardTask.addJavadoc("A part of the forward pass: a contiguous range of samples.\n")
            .initializer("(part, parts) ->$W$L", forwardRows);
      }
      type.addField(forwardTask.build());
      if (halved != null) {
        type.addField(FieldSpec.builder(TASK, "forwardHalvesTask", Modifier.PRIVATE,
                Modifier.FINAL)
            .addJavadoc("A share of the two parts of {@code $L}'s forward product.\n",
                halved.layer().name())
            .initializer("this::$L", halved.names().forwardHalves()).build());
        type.addField(FieldSpec.builder(p.matrix, halved.names().secondRows(), Modifier.PRIVATE,
                Modifier.FINAL)
            .addJavadoc("The weight rows of the second part of {@code $L}'s forward product, from"
                + " row {@link #$L} on,\nfor the plain loops: {@code forward} copies the references"
                + " before each pass.\n", halved.layer().name(),
                halved.names().splitRowConstant())
            .initializer("new $T[$L][]", p.scalar, halved.names().splitRowConstant()).build());
        type.addField(FieldSpec.builder(ArrayTypeName.of(p.matrix), halved.names().secondPool(),
                Modifier.PRIVATE)
            .addJavadoc("For each range of samples a thread takes, the rows that hold $L samples'"
                + " inputs to the second\npart of {@code $L}'s forward product, for the plain"
                + " loops; grown to the number of threads.\n", Planner.PART_SLICE_SAMPLES,
                halved.layer().name())
            .initializer("new $T[0][][]", p.scalar).build());
      }
      type.addField(FieldSpec.builder(TASK, "backwardTask", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("A part of the backward pass through the layers: a contiguous range of"
              + " samples.\n")
          .initializer("(part, parts) -> backwardRows(\n$T.start(batchSize, part, parts),"
              + " $T.start(batchSize, part + 1, parts))", WORKERS, WORKERS).build());
      type.addField(FieldSpec.builder(TASK, "gradientTask", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("A part of the parameter gradients: a share of each layer's weight rows.\n")
          .initializer("this::parameterGradients").build());
    }

    private void constructors() {
      type.addMethod(MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("A network initialised from seed 0.\n")
          .addStatement("this(0L)")
          .build());
      MethodSpec.Builder c = MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addParameter(long.class, "seed")
          .addJavadoc("A network whose weights are drawn from {@code seed}, each tensor"
              + " initialised as the class\ndocumentation lists, biases 0. The same seed gives the"
              + " same weights and dropout masks.\n");
      c.addStatement("$T init = new $T(seed)", RNG, RNG);
      List<CodeBlock> parameters = new ArrayList<>();
      List<CodeBlock> buffers = new ArrayList<>();
      for (LayerPlan layer : plan.layers()) {
        for (TensorLayout.TensorField tensor : TensorLayout.of(layer)) {
          if (tensor.initializer() != null) {
            c.addStatement(tensor.initializer().statement(tensor.values(), "init"));
          }
          CodeBlock created = CodeBlock.of("new $T($S, new int[] {$L}, $L, $L)", p.tensor,
              tensor.name(), String.join(", ", tensor.shape()), tensor.values(),
              tensor.trainable() ? tensor.gradients() : "null");
          (tensor.trainable() ? parameters : buffers).add(created);
        }
      }
      c.addStatement("random = new $T(init.nextLong())", RNG);
      c.addStatement("parameters = $L", tensorList(parameters));
      if (!buffers.isEmpty()) {
        c.addStatement("buffers = $L", tensorList(buffers));
      }
      if (p == Precision.FLOAT) {
        for (int i = 0; i < plan.layers().size(); i++) {
          c.addStatement("super.$L = LAYERS.get($L)", plan.layers().get(i).layer().name(), i);
        }
      }
      c.addStatement("ensureCapacity(1)");
      type.addMethod(c.build());
    }

    /** {@code List.of(\n  new Tensor(...),\n  ...)}. */
    private static CodeBlock tensorList(List<CodeBlock> tensors) {
      CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
      for (int i = 0; i < tensors.size(); i++) {
        list.add(i == 0 ? "\n$L" : ",\n$L", tensors.get(i));
      }
      return list.add(")").unindent().build();
    }

    private void description() {
      type.addMethod(override("networkName", ClassName.get(String.class))
          .addStatement("return $S", network.userType()).build());
      type.addMethod(override("layers",
              ParameterizedTypeName.get(ClassName.get(List.class), LAYER))
          .addStatement("return LAYERS").build());
      type.addMethod(override("loss", LOSS)
          .addStatement("return $T.$L", LOSS, network.loss()).build());
      type.addMethod(override("inputSize", TypeName.INT)
          .addStatement("return INPUT_SIZE").build());
      type.addMethod(override("outputSize", TypeName.INT)
          .addStatement("return OUTPUT_SIZE").build());
      type.addMethod(override("parameters",
              ParameterizedTypeName.get(ClassName.get(List.class), p.tensor))
          .addStatement("return parameters").build());
      if (hasBuffers()) {
        type.addMethod(override("buffers",
                ParameterizedTypeName.get(ClassName.get(List.class), p.tensor))
            .addStatement("return buffers").build());
      }
      type.addMethod(override("randomState", TypeName.LONG)
          .addStatement("return random.state()").build());
      type.addMethod(override("setRandomState", TypeName.VOID)
          .addParameter(long.class, "state")
          .addStatement("random.setState(state)").build());
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
      return MethodSpec.methodBuilder(name)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(returns);
    }

    private void forward() {
      MethodSpec.Builder m = override("forward", p.matrix)
          .addParameter(p.matrix, "input")
          .addParameter(int.class, "n")
          .addParameter(boolean.class, "training")
          .addStatement("$T.requireRows(input, n, INPUT_SIZE, $S)", BATCHES, "input")
          .addStatement("ensureCapacity(n)")
          .addStatement("batchInput = input")
          .addStatement("batchSize = n")
          .addStatement("trainingPass = training");
      if (halved != null) {
        boolean vector = vectorParts();
        if (vector) {
          m.beginControlFlow("if (!$L)", halved.names().vectorPartsConstant());
        }
        m.addStatement("$T.arraycopy($L, $L, $L, 0, $L)", System.class, halved.names().weight(),
            halved.names().splitRowConstant(), halved.names().secondRows(),
            halved.names().splitRowConstant());
        m.beginControlFlow("if ($L.length < threads)", halved.names().secondPool())
            .addStatement("$L = new $T[threads][$L][$L]", halved.names().secondPool(), p.scalar,
                Planner.PART_SLICE_SAMPLES, halved.names().splitRowConstant())
            .endControlFlow();
        if (vector) {
          m.endControlFlow();
        }
      }
      boolean dropout = false;
      for (LayerPlan layer : plan.layers()) {
        if (layer instanceof LayerPlan.DropoutPlan d) {
          if (!dropout) {
            m.beginControlFlow("if (training)");
            dropout = true;
          }
          m.addStatement("$L(n)", d.names().drawMask());
        }
      }
      if (dropout) {
        m.endControlFlow();
      }
      // a network that has a product in halves splits batches: halved != null implies splittable
      if (splittable()) {
        m.beginControlFlow("if (splits(n))");
        if (halved != null) {
          m.addStatement("workers().run(forwardHalvesTask)");
        }
        m.addStatement("workers().run(forwardTask)").nextControlFlow("else");
      }
      if (transposes()) {
        m.beginControlFlow("if (training)").addStatement("transposeWeights(0, 1)").endControlFlow();
      }
      if (halved != null) {
        if (sharesSmallBatches()) {
          m.beginControlFlow("if (threads > 1)")
              .addCode("// too few samples to split, but each thread can still read its own part"
                  + " of the weights\n")
              .addStatement("workers().share(forwardHalvesTask)")
              .nextControlFlow("else")
              .addStatement("$L(0, 1)", halved.names().forwardHalves())
              .endControlFlow();
        } else {
          m.addStatement("$L(0, 1)", halved.names().forwardHalves());
        }
      }
      m.addStatement("forwardRows(0, n)");
      if (splittable()) {
        m.endControlFlow();
      }
      m.addStatement("return $L", plan.output().names().out());
      type.addMethod(m.build());

      MethodSpec.Builder rows = MethodSpec.methodBuilder("forwardRows")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "from")
          .addParameter(int.class, "to")
          .addJavadoc("Runs samples {@code from..to-1} of the current batch through every layer.\n")
          .addStatement("$T x = batchInput", p.matrix);
      for (LayerPlan layer : plan.layers()) {
        if (layer == plan.output()) {
          rows.addStatement("$L(x, from, to)", plan.output().names().forward());
        } else if (layer instanceof LayerPlan.DensePlan dense) {
          rows.addStatement("x = $L(x, from, to)", dense.names().forward());
        } else if (layer instanceof LayerPlan.DropoutPlan d) {
          rows.beginControlFlow("if (trainingPass)")
              .addStatement("x = $L(x, from, to)", d.names().forward())
              .endControlFlow();
        } else if (layer instanceof LayerPlan.BatchNormPlan norm) {
          rows.addStatement("x = trainingPass ? $L(x, batchSize) : $L(x, batchSize)",
              norm.names().forward(), norm.names().inference());
        } else if (layer instanceof LayerPlan.FlattenPlan flatten) {
          rows.addCode("// $L (Flatten): each row already holds a sample's $L values in row-major"
              + " order\n", flatten.layer().name(), flatten.layer().size());
        }
      }
      type.addMethod(rows.build());
    }

    /**
     * {@code transposeWeights(part, parts)}: a share of the rows of every weight matrix the
     * backward pass reads transposed.
     */
    private void transposeWeights() {
      if (!transposes()) {
        return;
      }
      MethodSpec.Builder m = MethodSpec.methodBuilder("transposeWeights")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "part")
          .addParameter(int.class, "parts")
          .addJavadoc("Part {@code part} of {@code parts} of the transposed weights the input"
              + " gradients read: rows\n{@code Workers.start(rows, part, parts)..} of each weight"
              + " matrix, the rows the same thread\nupdates in {@code step}. A training forward"
              + " pass writes them, so that the backward pass\nruns on the weights the forward"
              + " pass used.\n");
      for (LayerPlan layer : plan.layers()) {
        if (transposesWeight(layer)) {
          String rows = ((LayerPlan.DensePlan) layer).inputSizeConstant();
          m.addStatement("$T.transposeRows($L, $L, $T.start($L, part, parts),"
                  + " $T.start($L, part + 1, parts))", TRANSPOSES, layer.names().weight(),
              layer.names().weightTransposed(), WORKERS, rows, WORKERS, rows);
        }
      }
      type.addMethod(m.build());
    }

    private void backward() {
      MethodSpec.Builder m = override("backward", p.scalar)
          .addParameter(p.matrix, "target")
          .beginControlFlow("if (!trainingPass)")
          .addStatement("throw new $T($S)", IllegalStateException.class,
              "backward needs a forward pass with training = true first, and no prediction"
                  + " since")
          .endControlFlow()
          .addStatement("int n = batchSize")
          .addStatement("$T.requireRows(target, n, OUTPUT_SIZE, $S)", BATCHES, "target")
          .addStatement("$T loss = $L(target, n)", p.scalar, plan.output().names().loss());
      boolean locals = plan.backpropagatesInLocals();
      if (locals) {
        m.beginControlFlow("if (n == 1)").addStatement("backwardInLocals()");
      }
      if (splittable()) {
        if (locals) {
          m.nextControlFlow("else if (splits(n))");
        } else {
          m.beginControlFlow("if (splits(n))");
        }
        m.addStatement("workers().run(backwardTask)")
            .addStatement("workers().run(gradientTask)");
      }
      boolean branched = locals || splittable();
      if (branched) {
        m.nextControlFlow("else");
      }
      m.addStatement("backwardRows(0, n)")
          .addStatement("parameterGradients(0, 1)");
      if (branched) {
        m.endControlFlow();
      }
      new PenaltyKernels(plan, p).endBackward(m);
      type.addMethod(m.build());

      MethodSpec.Builder rows = MethodSpec.methodBuilder("backwardRows")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "from")
          .addParameter(int.class, "to")
          .addJavadoc("Takes the gradient of samples {@code from..to-1} back through the layers,"
              + " from the output\nto the first layer's {@code dL/dz}.\n");
      List<LayerPlan> layers = plan.layers();
      for (int i = layers.size() - 1; i > 0; i--) {
        LayerPlan layer = layers.get(i);
        if (layer instanceof LayerPlan.DensePlan dense) {
          if (new DenseKernels(dense, p).needsDerivative()) {
            rows.addStatement("$L(from, to)", dense.names().backward());
          }
          if (dense.inputGradientBuffer() != null) {
            rows.addStatement("$L(from, to)", dense.names().inputGradient());
          }
        } else if (layer instanceof LayerPlan.DropoutPlan dropout
            && dropout.inputGradientBuffer() != null) {
          rows.addStatement("$L(from, to)", dropout.names().backward());
        } else if (layer instanceof LayerPlan.BatchNormPlan norm) {
          rows.addStatement("$L(batchSize)", norm.names().backward());
          if (norm.inputGradientBuffer() != null) {
            rows.addStatement("$L(batchSize)", norm.names().inputGradient());
          }
        }
      }
      type.addMethod(rows.build());

      MethodSpec.Builder gradients = MethodSpec.methodBuilder("parameterGradients")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "part")
          .addParameter(int.class, "parts")
          .addJavadoc("Part {@code part} of {@code parts} of every parameter gradient of the"
              + " current batch.\n");
      for (LayerPlan layer : layers) {
        if (layer instanceof LayerPlan.DensePlan dense) {
          gradients.addStatement("$L(batchSize, part, parts)", dense.names().parameterGradient());
        }
      }
      type.addMethod(gradients.build());
      if (plan.backpropagatesInLocals()) {
        type.addMethod(backwardInLocals());
      }
    }

    /**
     * {@code backwardInLocals()}: the backward pass of a batch of one sample, layer after layer
     * from the output, each unit's gradient in a local variable.
     */
    private MethodSpec backwardInLocals() {
      LayerPlan.DensePlan output = plan.output();
      MethodSpec.Builder m = MethodSpec.methodBuilder("backwardInLocals")
          .addModifiers(Modifier.PRIVATE)
          .addJavadoc("Takes the gradient of a batch of one sample back through every layer with"
              + " each unit's gradient\nin a local variable: the same arithmetic as {@code"
              + " backwardRows(0, 1)} and\n{@code parameterGradients(0, 1)}, term for term,"
              + " without the gradient buffers between the\nlayers. Starts from {@code dL/d$L}"
              + " of the output, which the loss wrote to $L.\n",
              output.fusedLoss() ? "z" : "a", output.names().grad());
      // the names of each dense layer's input values: after the layer or input producing them
      List<List<String>> inputs = new ArrayList<>();
      List<LayerPlan.DensePlan> dense = new ArrayList<>();
      List<String> values = new ArrayList<>();
      String input = network.input().name();
      for (int k = 0; k < network.input().outputSize(); k++) {
        values.add(input + "_" + k);
      }
      for (LayerPlan layer : plan.layers()) {
        if (layer instanceof LayerPlan.DensePlan d) {
          dense.add(d);
          inputs.add(values);
          values = new ArrayList<>();
          for (int j = 0; j < d.layer().units(); j++) {
            values.add(d.layer().name() + "_" + j);
          }
        }
      }
      for (int i = dense.size() - 1; i >= 0; i--) {
        LayerPlan.DensePlan layer = dense.get(i);
        String below = layer.inputGradientBuffer() == null ? null
            : dense.get(i - 1).layer().name();
        new DenseKernels(layer, p)
            .singleSampleBackward(m, inputs.get(i), below, layer == output);
      }
      return m.build();
    }

    private void threading() {
      type.addMethod(override("threads", TypeName.INT)
          .addStatement("return threads").build());
      if (!splittable()) {
        type.addMethod(override("setThreads", TypeName.VOID)
            .addParameter(int.class, "threads")
            .addJavadoc("Recorded only: batch normalization needs the whole batch on one"
                + " thread.\n")
            .beginControlFlow("if (threads < 1)")
            .addStatement("throw new $T($S + threads)", IllegalArgumentException.class,
                "threads must be at least 1, was ")
            .endControlFlow()
            .addStatement("this.threads = threads")
            .build());
        return;
      }
      type.addMethod(override("setThreads", TypeName.VOID)
          .addParameter(int.class, "threads")
          .beginControlFlow("if (threads < 1)")
          .addStatement("throw new $T($S + threads)", IllegalArgumentException.class,
              "threads must be at least 1, was ")
          .endControlFlow()
          .beginControlFlow("if (threads != this.threads && workers != null)")
          .addStatement("workers.close()")
          .addStatement("workers = null")
          .endControlFlow()
          .addStatement("this.threads = threads")
          .build());
      if (p == Precision.FLOAT) {
        type.addMethod(override("step", TypeName.VOID)
            .addParameter(OPTIMIZER, "optimizer")
            .addJavadoc("Splits the step over this network's threads when the last batch was"
                + " split: each thread\nupdates the rows of every tensor whose gradients it"
                + " computed.\n")
            .beginControlFlow("if (splits(batchSize))")
            .addStatement("optimizer.step(parameters, workers())")
            .nextControlFlow("else")
            .addStatement("optimizer.step(parameters)")
            .endControlFlow()
            .build());
      }
      type.addMethod(MethodSpec.methodBuilder("splits")
          .addModifiers(Modifier.PRIVATE)
          .returns(boolean.class)
          .addParameter(int.class, "n")
          .addJavadoc("Whether a batch of {@code n} samples is split over threads.\n")
          .addStatement("return threads > 1 && n >= PARALLEL_MIN_BATCH")
          .build());
      type.addMethod(MethodSpec.methodBuilder("workers")
          .addModifiers(Modifier.PRIVATE)
          .returns(WORKERS)
          .addJavadoc("The threads, started on first use and stopped once this network is"
              + " garbage.\n")
          .beginControlFlow("if (workers == null)")
          .addStatement("workers = $T.ownedBy(this, threads)", WORKERS)
          .endControlFlow()
          .addStatement("return workers")
          .build());
    }

    private void predict() {
      type.addMethod(override("predict", TypeName.VOID)
          .addParameter(p.matrix, "input")
          .addParameter(int.class, "n")
          .addParameter(p.matrix, "output")
          .addStatement("$T.requireRows(output, n, OUTPUT_SIZE, $S)", BATCHES, "output")
          .addStatement("$T result = forward(input, n, false)", p.matrix)
          .beginControlFlow("for (int s = 0; s < n; s++)")
          .addStatement("$T.arraycopy(result[s], 0, output[s], 0, OUTPUT_SIZE)", System.class)
          .endControlFlow()
          .build());
      MethodSpec.Builder single = override("predict", TypeName.VOID)
          .addParameter(p.vector, "input")
          .addParameter(p.vector, "output")
          .addStatement("$T.requireLength(input, INPUT_SIZE, $S)", BATCHES, "input")
          .addStatement("$T.requireLength(output, OUTPUT_SIZE, $S)", BATCHES, "output");
      if (plan.predictsInLocals()) {
        predictInLocals(single);
      } else {
        single.addStatement("single[0] = input")
            .addStatement("$T result = forward(single, 1, false)", p.matrix)
            .addStatement("single[0] = null")
            .addStatement("$T.arraycopy(result[0], 0, output, 0, OUTPUT_SIZE)", System.class);
      }
      type.addMethod(single.build());
    }

    /**
     * The body of {@code predict(input, output)} for a network whose layers are all unrolled:
     * every value in a local variable, layer after layer, nothing written but {@code output}.
     */
    private void predictInLocals(MethodSpec.Builder m) {
      m.addJavadoc("Predicts one sample with every value in a local variable: the same"
          + " arithmetic as a\nforward pass over a batch of one, term for term, without its"
          + " buffers.\n");
      m.addStatement("trainingPass = false");
      String input = network.input().name();
      List<String> values = new ArrayList<>();
      for (int k = 0; k < network.input().outputSize(); k++) {
        values.add(input + "_" + k);
        m.addStatement("$T $L_$L = input[$L]", p.scalar, input, k, k);
      }
      for (LayerPlan layer : plan.layers()) {
        if (layer instanceof LayerPlan.DensePlan dense) {
          values = new DenseKernels(dense, p)
              .singleSample(m, values, dense == plan.output() ? "output" : null);
        } else if (!(layer instanceof LayerPlan.InputPlan)) {
          m.addCode("// $L: $L, its input unchanged in inference\n", layer.layer().name(),
              layer.layer().kind());
        }
      }
    }

    private void ensureCapacity() {
      MethodSpec.Builder m = MethodSpec.methodBuilder("ensureCapacity")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "n")
          .addJavadoc("Grows every buffer to {@code n} rows if it has fewer.\n")
          .beginControlFlow("if (n <= capacity)")
          .addStatement("return")
          .endControlFlow();
      for (String[] buffer : buffers()) {
        if (halved != null && buffer[0].equals(halved.names().secondInput())) {
          // references to rows of the pool, set by each pass
          boolean vector = vectorParts();
          if (vector) {
            m.beginControlFlow("if (!$L)", halved.names().vectorPartsConstant());
          }
          m.addStatement("$L = new $T[n][]", buffer[0], p.scalar);
          if (vector) {
            m.endControlFlow();
          }
        } else {
          m.addStatement("$L = new $T[n][$L]", buffer[0], p.scalar, buffer[1]);
        }
      }
      m.addStatement("capacity = n");
      type.addMethod(m.build());
    }

    private void kernels() {
      for (LayerPlan layer : plan.layers()) {
        if (layer instanceof LayerPlan.DensePlan dense) {
          DenseKernels k = new DenseKernels(dense, p);
          type.addMethod(k.forward());
          if (k.forwardInHalves()) {
            type.addMethod(k.forwardHalves());
            type.addMethod(k.forwardPart());
          }
          if (k.needsDerivative()) {
            type.addMethod(k.backward());
          }
          if (dense.inputGradientBuffer() != null) {
            type.addMethod(k.inputGradient());
          }
          k.tileMethods().forEach(type::addMethod);
          type.addMethod(k.parameterGradient());
        } else if (layer instanceof LayerPlan.DropoutPlan dropout) {
          DropoutKernels k = new DropoutKernels(dropout, p);
          type.addMethod(k.drawMask());
          type.addMethod(k.forward());
          if (dropout.inputGradientBuffer() != null) {
            type.addMethod(k.backward());
          }
        } else if (layer instanceof LayerPlan.BatchNormPlan norm) {
          BatchNormKernels k = new BatchNormKernels(norm, p);
          type.addMethod(k.forward());
          type.addMethod(k.inference());
          type.addMethod(k.backward());
          if (norm.inputGradientBuffer() != null) {
            type.addMethod(k.inputGradient());
          }
        }
      }
      type.addMethod(new DenseKernels(plan.output(), p).loss(network.loss().name()));
      new PenaltyKernels(plan, p).addTo(type);
    }
  }
}
