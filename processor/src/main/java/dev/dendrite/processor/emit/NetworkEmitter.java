package dev.dendrite.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dendrite.processor.model.CheckedNetwork;
import dev.dendrite.processor.model.GeneratedTypes;
import dev.dendrite.processor.plan.GeneratedField;

import dev.dendrite.processor.plan.GeneratedMethod;
import dev.dendrite.processor.plan.LayerNames;
import dev.dendrite.processor.plan.LayerPlan;
import dev.dendrite.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Assembles the planned network as Java source with JavaPoet: constants, the layer descriptions,
 * parameter and buffer fields, constructors and the methods of {@code Model}, then the passes and
 * each layer's methods from its writer. Writes the float network and, if asked, its double twin
 * from the same plan, and checks that each declares exactly the methods the plan lists.
 */
public final class NetworkEmitter {

  static final String PROCESSOR = "dev.dendrite.processor.DendriteProcessor";
  static final ClassName LAYER = ClassName.get(Precision.RUNTIME, "Layer");
  static final ClassName LOSS = ClassName.get("dev.dendrite.annotation", "Loss");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /** The source files for {@code plan}: the float network, then its double twin if requested. */
  public List<JavaFile> emit(NetworkPlan plan, Element origin) {
    List<JavaFile> files = new ArrayList<>();
    files.add(new Writer(plan, Precision.FLOAT, origin).file());
    if (plan.network().doublePrecision()) {
      files.add(new Writer(plan, Precision.DOUBLE, origin).file());
    }
    return files;
  }

  /** The width of a line of generated source. */
  static final int COLUMNS = 100;

  /**
   * The source of {@code file} as the processor writes it: JavaPoet's text, with the blank line
   * between two fields that have no Javadoc taken out, so that a layer's fields read as a group,
   * and Javadoc lines wrapped at {@link #COLUMNS}, which JavaPoet leaves as written.
   */
  public static String text(JavaFile file) {
    List<String> lines = new ArrayList<>(List.of(file.toString().split("\n", -1)));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean between = line.isEmpty() && i > 0 && i + 1 < lines.size()
          && isField(lines.get(i - 1)) && isField(lines.get(i + 1));
      String oneLine = i + 2 < lines.size() ? oneLineJavadoc(line, lines.get(i + 1),
          lines.get(i + 2)) : null;
      if (oneLine != null) {
        kept.add(oneLine);
        i += 2;
      } else if (!between) {
        kept.add(line);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < kept.size(); i++) {
      wrapJavadoc(out, kept.get(i));
      out.append(i + 1 < kept.size() ? "\n" : "");
    }
    return out.toString();
  }

  /** {@code /** text *}{@code /} for a Javadoc of one short line, else {@code null}. */
  private static String oneLineJavadoc(String open, String text, String close) {
    String indent = open.substring(0, open.length() - open.stripLeading().length());
    if (!open.strip().equals("/**") || !close.strip().equals("*/")
        || !text.stripLeading().startsWith("* ")) {
      return null;
    }
    String line = indent + "/** " + text.stripLeading().substring(2) + " */";
    return line.length() <= COLUMNS ? line : null;
  }

  /** Appends {@code line}, and if it is a Javadoc line longer than {@link #COLUMNS}, wraps it. */
  private static void wrapJavadoc(StringBuilder out, String line) {
    String stripped = line.stripLeading();
    if (stripped.startsWith("* ")) {
      String prefix = line.substring(0, line.length() - stripped.length()) + "* ";
      int cut;
      while (line.length() > COLUMNS && (cut = line.lastIndexOf(' ', COLUMNS)) > prefix.length()) {
        out.append(line, 0, cut).append('\n');
        line = prefix + line.substring(cut + 1);
      }
    }
    out.append(line);
  }

  /** A field declared on one line, e.g. {@code   private float[][] hiddenOut;}. */
  private static boolean isField(String line) {
    return line.startsWith("  ") && !line.startsWith("   ") && line.endsWith(";")
        && !line.contains("(") && !line.startsWith("  return");
  }

  /** Writes one class. */
  private static final class Writer {
    private final NetworkPlan plan;
    private final CheckedNetwork network;
    private final Precision p;
    private final Element origin;
    private final ClassName userType;
    private final Fields f;
    private final TypeSpec.Builder type;

    Writer(NetworkPlan plan, Precision precision, Element origin) {
      this.plan = plan;
      this.network = plan.network();
      this.p = precision;
      this.origin = origin;
      String[] path = network.userType().split("\\.");
      this.userType = ClassName.get(network.packageName(), path[0],
          Arrays.copyOfRange(path, 1, path.length));
      this.f = new Fields(precision);
      this.type = TypeSpec.classBuilder(network.userType().replace('.', '_')
          + precision.classSuffix);
    }

    JavaFile file() {
      type.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .addSuperinterface(p.model)
          .addAnnotation(AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", PROCESSOR).build())
          .addJavadoc(ClassDoc.of(plan, p, userType));
      if (origin != null) {
        type.addOriginatingElement(origin);
      }
      if (p == Precision.FLOAT) {
        type.superclass(userType);
      }
      PassWriter passes = new PassWriter(plan, p, f);
      constants();
      tensorFields();
      bufferFields();
      passes.fields().forEach(type::addField);
      constructors();
      description();
      passes.modelMethods().forEach(type::addMethod);
      new PenaltyWriter(plan, p).addTo(type);
      passes.helperMethods().forEach(type::addMethod);
      type.addMethod(ensureCapacity());
      layerMethods();
      TypeSpec spec = type.build();
      checkAgainstPlan(spec);
      JavaFile file = JavaFile.builder(network.packageName(), spec)
          .skipJavaLangImports(true)
          .indent("  ")
          .build();
      checkImports(file);
      return file;
    }

    private FieldSpec constant(TypeName type, String name, Object value, boolean visible) {
      FieldSpec.Builder field = FieldSpec.builder(type, name, Modifier.STATIC, Modifier.FINAL)
          .addModifiers(visible ? Modifier.PUBLIC : Modifier.PRIVATE)
          .initializer("$L", value);
      return field.build();
    }

    private void constants() {
      for (LayerPlan layer : plan.layers()) {
        type.addField(constant(TypeName.INT, layer.names().sizeConstant(),
            layer.layer().outputSize(), true));
        LayerWriter.of(layer, p).constants().forEach(type::addField);
      }
      String inputSize = plan.input().names().sizeConstant();
      if (!inputSize.equals("INPUT_SIZE")) {
        type.addField(constant(TypeName.INT, "INPUT_SIZE", inputSize, true));
      }
      String outputSize = plan.output().names().sizeConstant();
      if (!outputSize.equals("OUTPUT_SIZE")) {
        type.addField(constant(TypeName.INT, "OUTPUT_SIZE", outputSize, true));
      }
      if (plan.splits()) {
        type.addField(FieldSpec.builder(int.class, "PARALLEL_MIN_BATCH",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The smallest batch that is split over threads; the results are the same"
                + " either way.\n")
            .initializer("$L", plan.parallelMinBatch())
            .build());
      }
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
          .initializer(list.build())
          .build());
    }

    private void tensorFields() {
      for (LayerPlan layer : plan.layers()) {
        for (TensorLayout.TensorField tensor : TensorLayout.of(layer)) {
          addMatrix(tensor.values(), tensor.rows(), tensor.columns());
          if (tensor.trainable()) {
            addMatrix(tensor.gradients(), tensor.rows(), tensor.columns());
          }
        }
        LayerWriter.of(layer, p).fields().forEach(type::addField);
      }
      type.addField(f.parameters);
      if (plan.hasBuffers()) {
        type.addField(f.buffers);
      }
    }

    private void addMatrix(String name, String rows, String cols) {
      type.addField(FieldSpec.builder(p.matrix, name, Modifier.PRIVATE, Modifier.FINAL)
          .initializer("$Znew $T[$L][$L]", p.scalar, rows, cols)
          .build());
    }

    /** {@code new float[rows][SIZE]}, or {@code new float[rows][]} for references to rows. */
    private CodeBlock rows(LayerPlan.Buffer buffer, String rows) {
      return buffer.sizeConstant() == null
          ? CodeBlock.of("new $T[$L][]", p.scalar, rows)
          : CodeBlock.of("new $T[$L][$N]", p.scalar, rows, buffer.sizeConstant());
    }

    /** The per-sample buffers of every layer, in allocation order. */
    private List<LayerPlan.Buffer> buffers() {
      List<LayerPlan.Buffer> buffers = new ArrayList<>();
      plan.layers().forEach(layer -> buffers.addAll(layer.buffers()));
      return buffers;
    }

    private void bufferFields() {
      for (LayerPlan.Buffer buffer : buffers()) {
        type.addField(FieldSpec.builder(p.matrix, buffer.name(), Modifier.PRIVATE)
            .initializer(rows(buffer, "1")).build());
      }
      if (plan.keepsBatchInput()) {
        type.addField(f.batchInput);
      }
      type.addField(f.batchSize);
      type.addField(f.trainingPass);
      if (plan.drops()) {
        type.addField(f.random);
      }
      if (plan.splits()) {
        type.addField(f.threads);
        type.addField(f.workers);
      }
    }

    private MethodSpec ensureCapacity() {
      MethodSpec.Builder m = MethodSpec.methodBuilder("ensureCapacity")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(int.class, "n")
          .beginControlFlow("if (n > $N.length)", buffers().get(0).name());
      for (LayerPlan.Buffer buffer : buffers()) {
        m.addStatement("$N = $L", buffer.name(), rows(buffer, "n"));
      }
      return m.endControlFlow().build();
    }

    private void constructors() {
      String name = type.build().name();
      type.addMethod(MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("A network initialised from seed 0.\n")
          .addStatement("this(0L)")
          .build());
      MethodSpec.Builder m = MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addParameter(long.class, "seed")
          .addJavadoc("A network whose weights are drawn from {@code seed}: the same seed, the same"
              + " weights$L.\n", plan.drops() ? " and dropout masks" : "");
      List<CodeBlock> inits = new ArrayList<>();
      boolean draws = plan.drops();
      for (LayerPlan layer : plan.layers()) {
        for (TensorLayout.TensorField tensor : TensorLayout.of(layer)) {
          if (tensor.initializer() != null) {
            inits.add(tensor.initializer().statement(tensor.values(), "init"));
            draws |= tensor.initializer().draws();
          }
        }
      }
      if (draws) {
        m.addStatement("$T init = new $T(seed)", Fields.RNG, Fields.RNG);
      }
      inits.forEach(m::addStatement);
      if (plan.drops()) {
        m.addStatement("$N = new $T(init.nextLong())", f.random, Fields.RNG);
      }
      m.addStatement("$N = $L", f.parameters, tensorList(true));
      if (plan.hasBuffers()) {
        m.addStatement("$N = $L", f.buffers, tensorList(false));
      }
      if (p == Precision.FLOAT) {
        for (int i = 0; i < plan.layers().size(); i++) {
          m.addStatement("super.$N = LAYERS.get($L)", plan.layers().get(i).layer().name(), i);
        }
      }
      type.addMethod(m.build());
    }

    /** {@code List.of(new Tensor("hidden.weight", new int[] {IN_SIZE, HIDDEN_SIZE}, ...))}. */
    private CodeBlock tensorList(boolean trainable) {
      CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
      boolean first = true;
      for (LayerPlan layer : plan.layers()) {
        for (TensorLayout.TensorField t : TensorLayout.of(layer)) {
          if (t.trainable() != trainable) {
            continue;
          }
          list.add(first ? "\n" : ",\n");
          first = false;
          list.add("new $T($S, new int[] {$L},$W$N, $L)", p.tensor, t.name(),
              String.join(", ", t.shape()), t.values(), trainable ? t.gradients() : "null");
        }
      }
      return list.add(")").unindent().build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
      return MethodSpec.methodBuilder(name)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(returns);
    }

    private void description() {
      type.addMethod(override("networkName", ClassName.get(String.class))
          .addStatement("return $S", network.userType()).build());
      type.addMethod(override("layers", ParameterizedTypeName.get(ClassName.get(List.class),
          LAYER)).addStatement("return LAYERS").build());
      type.addMethod(override("loss", LOSS)
          .addStatement("return $T.$L", LOSS, network.loss()).build());
      ParameterizedTypeName tensors =
          ParameterizedTypeName.get(ClassName.get(List.class), p.tensor);
      type.addMethod(override("parameters", tensors).addStatement("return $N", f.parameters)
          .build());
      if (plan.hasBuffers()) {
        type.addMethod(override("buffers", tensors).addStatement("return $N", f.buffers).build());
      }
      if (plan.drops()) {
        type.addMethod(override("randomState", TypeName.LONG)
            .addStatement("return $N.state()", f.random).build());
        type.addMethod(override("setRandomState", TypeName.VOID)
            .addParameter(long.class, "state")
            .addStatement("$N.setState(state)", f.random).build());
      }
    }

    private void layerMethods() {
      for (LayerPlan layer : plan.layers()) {
        LayerWriter.of(layer, p).methods().forEach(type::addMethod);
      }
    }

    /**
     * Fails unless the class declares exactly the methods the plan lists, which the rules on the
     * user's class were checked against.
     */
    private void checkAgainstPlan(TypeSpec spec) {
      List<String> written = spec.methodSpecs().stream()
          .filter(m -> !m.isConstructor())
          .map(m -> m.name() + m.parameters().stream()
              .map(parameter -> floatType(parameter.type().toString()))
              .collect(Collectors.joining(", ", "(", ")")))
          .sorted()
          .toList();
      List<String> planned = plan.methods().stream()
          .filter(m -> p == Precision.FLOAT || !m.name().equals("step"))
          .map(GeneratedMethod::signature)
          .sorted()
          .toList();
      List<String> writtenFields = spec.fieldSpecs().stream()
          .filter(field -> !field.modifiers().contains(Modifier.STATIC))
          .map(FieldSpec::name)
          .sorted()
          .toList();
      List<String> plannedFields = plan.fields().stream()
          .map(GeneratedField::name)
          .sorted()
          .toList();
      if (!written.equals(planned) || !writtenFields.equals(plannedFields)) {
        throw new IllegalStateException("the writer of " + spec.name() + " wrote " + written
            + " and " + writtenFields + " but the plan lists " + planned + " and "
            + plannedFields);
      }
    }

    private static String floatType(String type) {
      return type.replace("double", "float");
    }

    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);$",
        Pattern.MULTILINE);

    /** Fails if the source imports a type the rule on hidden names (DN112) does not know. */
    private static void checkImports(JavaFile file) {
      Matcher m = IMPORT.matcher(file.toString());
      while (m.find()) {
        String qualified = GeneratedTypes.TYPE_NAMES.get(m.group(2));
        if (qualified == null || !qualified.equals(m.group(1) + "." + m.group(2))) {
          throw new IllegalStateException(file.typeSpec().name() + " imports " + m.group(1) + "."
              + m.group(2) + ", which GeneratedTypes.TYPE_NAMES does not list");
        }
      }
    }
  }
}
