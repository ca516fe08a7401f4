package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.check.GeneratedMembers;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * {@link GeneratedMembers}, which the member rules use to predict what the generated network
 * declares, agrees with what the emitter actually writes: the same methods and instance fields,
 * and no simple type name it does not know of.
 */
class GeneratedMembersTest {

  /** A layer as a field declaration and as source text. */
  private record L(String name, LayerSpec spec, String annotation) {}

  private static L input(String name, int size) {
    return new L(name, new LayerSpec.InputSpec(new int[] {size}, SourceRef.NONE),
        "@Input(" + size + ")");
  }

  private static L dense(String name, int units, Activation activation) {
    return new L(name, new LayerSpec.DenseSpec(units, activation, Double.NaN, SourceRef.NONE),
        "@Dense(units = " + units + ", activation = " + activation + ")");
  }

  private static L penalized(String name, int units, double l1, double l2) {
    return new L(name,
        new LayerSpec.DenseSpec(units, Activation.RELU, Double.NaN, SourceRef.NONE, l1, l2),
        "@Dense(units = " + units + ", activation = RELU, l1 = " + l1 + ", l2 = " + l2 + ")");
  }

  private static L dropout(String name) {
    return new L(name, new LayerSpec.DropoutSpec(0.25, SourceRef.NONE), "@Dropout(0.25)");
  }

  private static L image(String name, int rows, int columns) {
    return new L(name, new LayerSpec.InputSpec(new int[] {rows, columns}, SourceRef.NONE),
        "@Input({" + rows + ", " + columns + "})");
  }

  private static L flatten(String name) {
    return new L(name, new LayerSpec.FlattenSpec(SourceRef.NONE), "@Flatten");
  }

  /** A dense layer with PRELU slopes of {@code mode} (or none) and with or without bias. */
  private static L dense(String name, int units, Activation activation, PreluMode mode,
      boolean bias) {
    return new L(name,
        new LayerSpec.DenseSpec(units, activation, Double.NaN, SourceRef.NONE, mode,
            Init.DEFAULT, Double.NaN, bias),
        "@Dense(units = " + units + ", activation = " + activation
            + (mode == null ? "" : ", preluMode = PreluMode." + mode) + ", bias = " + bias + ")");
  }

  private static L batchNorm(String name, Activation activation) {
    return new L(name,
        new LayerSpec.BatchNormSpec(0.99, 1e-3, activation, Double.NaN, SourceRef.NONE),
        "@BatchNorm(activation = " + activation + ")");
  }

  static Stream<Arguments> networks() {
    List<L> everyActivation = new ArrayList<>();
    everyActivation.add(input("in", 3));
    everyActivation.add(dropout("early"));
    int i = 0;
    for (Activation a : Activation.values()) {
      if (a != Activation.SOFTMAX) {
        // Alternately small (unrolled) and large (looped) layers.
        everyActivation.add(dense("h" + i++, i % 2 == 0 ? 4 : 40, a));
      }
    }
    everyActivation.add(dropout("late"));
    everyActivation.add(dense("out", 3, Activation.SOFTMAX));
    List<L> newLayers = List.of(
        image("pixels", 2, 3),
        dropout("noise"),
        flatten("flat"),
        dense("hidden", 5, Activation.LINEAR, null, false),
        batchNorm("hiddenNorm", Activation.RELU),
        dense("wide", 40, Activation.PRELU, PreluMode.PER_UNIT, true),
        batchNorm("wideNorm", Activation.LINEAR),
        dropout("drop"),
        dense("narrow", 4, Activation.PRELU, PreluMode.SHARED, false),
        dense("out", 3, Activation.SOFTMAX));
    return Stream.of(
        Arguments.of(Loss.CATEGORICAL_CROSS_ENTROPY, everyActivation),
        Arguments.of(Loss.CATEGORICAL_CROSS_ENTROPY, newLayers),
        Arguments.of(Loss.MSE, List.of(input("x", 2), dense("h", 3, Activation.TANH),
            batchNorm("n", Activation.LINEAR), dense("y", 1, Activation.LINEAR, null, false))),
        Arguments.of(Loss.BINARY_CROSS_ENTROPY,
            List.of(input("x", 300), dense("y", 2, Activation.SIGMOID))),
        Arguments.of(Loss.MSE, List.of(input("x", 2), dropout("d"), dense("y", 1,
            Activation.LINEAR))),
        Arguments.of(Loss.MSE, List.of(input("x", 30), penalized("a", 40, 0.001, 0),
            penalized("b", 3, 0, 0.01), dense("y", 1, Activation.LINEAR))));
  }

  private static Compilation compile(Loss loss, List<L> layers) {
    StringBuilder body = new StringBuilder();
    for (L l : layers) {
      body.append("  ").append(l.annotation()).append(" Layer ").append(l.name()).append(";\n");
    }
    Compilation compilation = Sources.compile(Sources.network("Mlp",
        "@Network(loss = Loss." + loss + ")",
        "abstract class Mlp {",
        body.toString(),
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static List<FieldDecl> fields(List<L> layers) {
    return layers.stream()
        .map(l -> new FieldDecl(l.name(), "dev.dendrite.Layer", false, false, false,
            List.of(l.spec()), SourceRef.NONE))
        .toList();
  }

  /** Declared methods (name and descriptor) and instance fields of a generated class file. */
  private static Map<String, Set<String>> members(Compilation compilation, String type)
      throws IOException {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        type.replace('.', '/') + ".class").orElseThrow();
    Set<String> methods = new TreeSet<>();
    Set<String> fields = new TreeSet<>();
    try (InputStream in = file.openInputStream()) {
      new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor,
            String signature, String[] exceptions) {
          if (!name.startsWith("<") && (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE))
              == 0) {
            methods.add(name + descriptor);
          }
          return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor,
            String signature, Object value) {
          if ((access & Opcodes.ACC_STATIC) == 0) {
            fields.add(name);
          }
          return null;
        }
      }, ClassReader.SKIP_CODE);
    }
    return Map.of("methods", methods, "fields", fields);
  }

  private static String descriptor(String type) {
    return switch (type) {
      case "int" -> "I";
      case "long" -> "J";
      case "float" -> "F";
      case "double" -> "D";
      case "boolean" -> "Z";
      case "void" -> "V";
      default -> type.endsWith("[]")
          ? "[" + descriptor(type.substring(0, type.length() - 2))
          : Type.getObjectType(type.replace('.', '/')).getDescriptor();
    };
  }

  @ParameterizedTest
  @MethodSource("networks")
  void predictedMethodsAndFieldsAreExactlyTheGeneratedOnes(Loss loss, List<L> layers)
      throws IOException {
    Compilation compilation = compile(loss, layers);
    Map<String, Set<String>> actual = members(compilation, "test.MlpNet");
    Set<String> methods = new TreeSet<>();
    for (GeneratedMembers.Method m : GeneratedMembers.methods(fields(layers), loss)) {
      StringBuilder d = new StringBuilder(m.name()).append('(');
      m.parameterTypes().forEach(p -> d.append(descriptor(p)));
      methods.add(d.append(')').append(descriptor(m.returnType())).toString());
    }
    Set<String> fields = new TreeSet<>();
    GeneratedMembers.fields(fields(layers), loss).forEach(f -> fields.add(f.name()));
    assertEquals(actual.get("methods"), methods);
    assertEquals(actual.get("fields"), fields);
  }

  private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);$",
      Pattern.MULTILINE);
  /**
   * A capitalised name not after a dot: a member type such as {@code Workers.Task} is reached
   * through its qualifier.
   */
  private static final Pattern CAPITALISED =
      Pattern.compile("(?<![.\\w])([A-Z]\\w*[a-z]\\w*)\\b");
  private static final Pattern QUALIFIER = Pattern.compile("\\b([A-Z]\\w*)\\.[a-z]");

  @ParameterizedTest
  @MethodSource("networks")
  void everySimpleTypeNameOfTheGeneratedSourceIsKnown(Loss loss, List<L> layers)
      throws IOException {
    Compilation compilation = compile(loss, layers);
    String source = compilation.generatedSourceFile("test.MlpNet").orElseThrow()
        .getCharContent(true).toString();
    Map<String, String> imported = new TreeMap<>();
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
    }
    for (Map.Entry<String, String> e : imported.entrySet()) {
      assertEquals(e.getValue(), GeneratedMembers.TYPE_NAMES.get(e.getKey()), e.getKey());
    }
    // The code without comments, string literals and imports.
    String code = source.replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("//[^\\n]*", "")
        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
        .replaceAll("(?m)^(import|package) .*$", "");
    Set<String> unknown = new TreeSet<>();
    Matcher names = CAPITALISED.matcher(code);
    while (names.find()) {
      String name = names.group(1);
      if (!name.equals("Mlp") && !name.equals("MlpNet")
          && !GeneratedMembers.TYPE_NAMES.containsKey(name)) {
        unknown.add(name);
      }
    }
    assertEquals(Set.of(), unknown, "simple names the member rules do not know of");
    Set<String> qualifiers = new TreeSet<>();
    Matcher calls = QUALIFIER.matcher(code);
    while (calls.find()) {
      if (!calls.group(1).equals(calls.group(1).toUpperCase())) {
        qualifiers.add(calls.group(1));
      }
    }
    assertTrue(GeneratedMembers.QUALIFIER_NAMES.containsAll(qualifiers),
        "qualifiers " + qualifiers + " not all in " + GeneratedMembers.QUALIFIER_NAMES);
  }
}
