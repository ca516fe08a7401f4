package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.check.NetworkChecker;
import dev.dendrite.processor.emit.NetworkEmitter;
import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.MemberDecl;
import dev.dendrite.processor.model.MethodDecl;
import dev.dendrite.processor.model.NetworkDecl;
import dev.dendrite.processor.model.SourceRef;
import dev.dendrite.processor.plan.Planner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Random declarations, seeded so that a failure repeats. The rules never throw, a declaration
 * without errors always plans and emits, and one whose checks pass compiles, generated code
 * included, without a warning.
 */
class RandomDeclarationsTest {

  private static final int[] EXTREME_INTS = {
      Integer.MIN_VALUE, -1, 0, 1, 2, 3, 46_341, 65_536, 1_000_000, Integer.MAX_VALUE};
  private static final double[] EXTREME_DOUBLES = {
      Double.NaN, Double.NEGATIVE_INFINITY, -1, -0.0, 0, 1e-300, 0.01, 0.5, 0.999_999, 1, 2,
      Double.POSITIVE_INFINITY};

  /** Layer names that the generated code could trip over. */
  private static final List<String> NAMES = List.of(
      "a", "aWeight", "aBias", "aWeightGrad", "aOut", "x", "xGrad", "input", "output", "INPUT",
      "OUTPUT", "hidden_a", "hiddenA", "hidden_a_2", "hidden_a_3", "random", "capacity",
      "parameters", "batchInput", "batchSize", "single", "n", "s", "k", "w", "b", "z", "in",
      "x0", "w0", "init", "seed", "loss", "layers", "forward", "LAYERS", "INPUT_SIZE",
      "target", "result", "trainingPass", "données", "$d", "Layer", "Model", "Tensor");

  private static int anInt(Random r) {
    return r.nextInt(3) == 0 ? EXTREME_INTS[r.nextInt(EXTREME_INTS.length)] : r.nextInt(50) - 5;
  }

  private static double aDouble(Random r) {
    return r.nextInt(2) == 0
        ? EXTREME_DOUBLES[r.nextInt(EXTREME_DOUBLES.length)]
        : r.nextDouble() * 1.4 - 0.2;
  }

  private static <E extends Enum<E>> E anEnum(Random r, Class<E> type) {
    E[] values = type.getEnumConstants();
    return values[r.nextInt(values.length)];
  }

  private static LayerSpec aSpec(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> {
        int[] shape = new int[r.nextInt(4)];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = anInt(r);
        }
        yield new LayerSpec.InputSpec(shape, SourceRef.NONE);
      }
      case 1 -> new LayerSpec.DenseSpec(anInt(r), anEnum(r, Activation.class),
          r.nextBoolean() ? Double.NaN : aDouble(r), SourceRef.NONE,
          r.nextBoolean() ? null : anEnum(r, PreluMode.class), anEnum(r, Init.class),
          r.nextBoolean() ? Double.NaN : aDouble(r), r.nextBoolean());
      case 2 -> new LayerSpec.BatchNormSpec(aDouble(r), aDouble(r), anEnum(r, Activation.class),
          r.nextBoolean() ? Double.NaN : aDouble(r), SourceRef.NONE);
      case 3 -> new LayerSpec.FlattenSpec(SourceRef.NONE);
      default -> new LayerSpec.DropoutSpec(aDouble(r), SourceRef.NONE);
    };
  }

  /** A layer that fits where it is, after {@code previous} (or first), most of the time. */
  private static LayerSpec aLikelySpec(Random r, int index, int count, Loss loss,
      LayerSpec previous) {
    if (r.nextInt(8) == 0) {
      return aSpec(r);
    }
    if (index == 0) {
      return new LayerSpec.InputSpec(new int[] {1 + r.nextInt(9)}, SourceRef.NONE);
    }
    if (index == count - 1) {
      Activation out = switch (loss) {
        case MSE -> Activation.LINEAR;
        case BINARY_CROSS_ENTROPY -> Activation.SIGMOID;
        case CATEGORICAL_CROSS_ENTROPY -> Activation.SOFTMAX;
      };
      return new LayerSpec.DenseSpec(2 + r.nextInt(5), out, Double.NaN, SourceRef.NONE);
    }
    if (r.nextInt(3) == 0) {
      return new LayerSpec.DropoutSpec(r.nextDouble() * 0.9 + 0.01, SourceRef.NONE);
    }
    // Every activation but SOFTMAX, the last.
    Activation a = Activation.values()[r.nextInt(Activation.values().length - 1)];
    double alpha = (a == Activation.LEAKY_RELU || a == Activation.ELU) && r.nextBoolean()
        ? 0.1 + r.nextDouble() * 0.8
        : Double.NaN;
    if (previous instanceof LayerSpec.DenseSpec && r.nextInt(3) == 0) {
      return new LayerSpec.BatchNormSpec(0.5 + r.nextDouble() * 0.49, 1e-5 + r.nextDouble(),
          a == Activation.PRELU ? Activation.RELU : a, alpha, SourceRef.NONE);
    }
    if (r.nextInt(12) == 0) {
      return new LayerSpec.FlattenSpec(SourceRef.NONE); // a warning on a vector, no error
    }
    Init init = anEnum(r, Init.class);
    double scale = (init == Init.NORMAL || init == Init.UNIFORM) && r.nextBoolean()
        ? 0.01 + r.nextDouble() * 0.2
        : Double.NaN;
    return new LayerSpec.DenseSpec(1 + r.nextInt(300), a, alpha, SourceRef.NONE,
        a == Activation.PRELU && r.nextBoolean() ? anEnum(r, PreluMode.class) : null, init, scale,
        r.nextInt(4) > 0);
  }

  private static NetworkDecl aDeclaration(Random r) {
    List<FieldDecl> fields = new ArrayList<>();
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, r);
    Loss loss = Loss.values()[r.nextInt(Loss.values().length)];
    int count = r.nextInt(7);
    for (int i = 0; i < count; i++) {
      List<LayerSpec> specs = new ArrayList<>();
      LayerSpec previous = i == 0 ? null : fields.get(i - 1).layers().get(0);
      specs.add(aLikelySpec(r, i, count, loss, previous));
      if (r.nextInt(10) == 0) {
        specs.add(aSpec(r));
      }
      fields.add(new FieldDecl(names.get(i),
          r.nextInt(10) == 0 ? (r.nextBoolean() ? null : "java.lang.Object") : "dev.dendrite.Layer",
          r.nextInt(15) == 0, r.nextInt(15) == 0, r.nextInt(15) == 0, specs, SourceRef.NONE));
    }
    List<MethodDecl> methods = new ArrayList<>();
    if (r.nextInt(5) == 0) {
      methods.add(new MethodDecl(r.nextBoolean() ? "forward" : names.get(0) + "Forward",
          List.of("float[][]", "int"), "float[][]", r.nextBoolean(), r.nextBoolean(), false,
          "test.Mlp", r.nextBoolean(), SourceRef.NONE));
    }
    List<MemberDecl> members = new ArrayList<>();
    if (r.nextInt(5) == 0) {
      members.add(new MemberDecl(MemberDecl.Kind.values()[r.nextInt(2)],
          List.of("List", "Math", "Other").get(r.nextInt(3)), "test.Mlp", r.nextBoolean(),
          SourceRef.NONE));
    }
    ClassDecl type = new ClassDecl("test", "Mlp", r.nextInt(8) == 0 ? "Outer.Mlp" : "Mlp",
        r.nextInt(10) == 0 ? ClassDecl.Kind.values()[r.nextInt(5)] : ClassDecl.Kind.CLASS,
        r.nextInt(20) == 0, r.nextInt(20) == 0, r.nextInt(20) == 0 ? "Mlp" : null,
        false, r.nextInt(20) == 0 ? List.of("T") : List.of(), r.nextInt(20) > 0, List.of(),
        methods, members, SourceRef.NONE);
    return new NetworkDecl(type, loss, r.nextBoolean(), fields, SourceRef.NONE);
  }

  @Test
  void theRulesNeverThrowAndAnErrorFreeDeclarationAlwaysPlansAndEmits() {
    Random random = new Random(20_261_123);
    int valid = 0;
    for (int i = 0; i < 5_000; i++) {
      NetworkDecl declaration = aDeclaration(random);
      NetworkChecker.Result result;
      try {
        result = new NetworkChecker().check(declaration);
      } catch (RuntimeException e) {
        throw new AssertionError("rules threw on " + declaration, e);
      }
      assertTrue(result.network().isPresent() || result.problems().stream()
          .anyMatch(p -> p.severity() == dev.dendrite.processor.check.Problem.Severity.ERROR));
      if (result.network().isPresent()) {
        valid++;
        List<JavaFile> files =
            new NetworkEmitter().emit(new Planner().plan(result.network().get()), null);
        assertFalse(files.isEmpty());
      }
    }
    // The generator must reach the planner and emitter often enough to mean something.
    assertTrue(valid > 300, valid + " valid declarations");
  }

  /** Source of a mostly valid network with awkward layer names. */
  private static String aNetwork(Random r, String name) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, r);
    Loss loss = Loss.values()[r.nextInt(Loss.values().length)];
    StringBuilder s = new StringBuilder();
    s.append("@Network(loss = Loss.").append(loss).append(", doublePrecision = ")
        .append(r.nextInt(4) == 0).append(")\n");
    s.append("abstract class ").append(name).append(" {\n");
    boolean image = r.nextInt(4) == 0;
    s.append("  @Input(").append(image ? "{2, 3}" : String.valueOf(1 + r.nextInt(30)))
        .append(") Layer ").append(names.get(0)).append(";\n");
    int hidden = r.nextInt(5);
    boolean afterDense = false;
    for (int i = 1; i <= hidden; i++) {
      boolean dense = false;
      if (i == 1 && image && r.nextInt(4) > 0) {
        s.append("  @Flatten Layer ");
      } else if (r.nextInt(3) == 0) {
        s.append("  @Dropout(").append(r.nextInt(9) / 10.0).append(") Layer ");
      } else if (afterDense && r.nextBoolean()) {
        Activation a = Activation.values()[r.nextInt(Activation.values().length - 1)];
        s.append("  @BatchNorm(momentum = ").append(r.nextInt(9) / 10.0 + 0.05)
            .append(", activation = ").append(a == Activation.PRELU ? Activation.TANH : a)
            .append(") Layer ");
      } else if (r.nextInt(3) == 0) {
        dense = true;
        s.append("  @Dense(units = ").append(1 + r.nextInt(40))
            .append(", activation = PRELU, preluMode = PreluMode.")
            .append(anEnum(r, PreluMode.class)).append(", bias = ").append(r.nextBoolean())
            .append(", init = Init.").append(anEnum(r, Init.class)).append(") Layer ");
      } else {
        dense = true;
        Activation a = Activation.values()[r.nextInt(Activation.values().length - 1)];
        s.append("  @Dense(units = ").append(1 + r.nextInt(40)).append(", activation = ")
            .append(a).append(") Layer ");
      }
      s.append(names.get(i)).append(";\n");
      afterDense = dense;
    }
    String output = switch (loss) {
      case MSE -> r.nextBoolean() ? "LINEAR" : "TANH";
      case BINARY_CROSS_ENTROPY -> "SIGMOID";
      case CATEGORICAL_CROSS_ENTROPY -> "SOFTMAX";
    };
    int units = loss == Loss.CATEGORICAL_CROSS_ENTROPY ? 2 + r.nextInt(5) : 1 + r.nextInt(5);
    s.append("  @Dense(units = ").append(units).append(", activation = ").append(output)
        .append(") Layer ").append(names.get(hidden + 1)).append(";\n}\n");
    return s.toString();
  }

  @Test
  void whatPassesTheChecksCompilesWithoutAWarning() {
    Random random = new Random(7);
    int compiled = 0;
    for (int batch = 0; batch < 2; batch++) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String name = "Net" + batch + "x" + i;
        sources.add(Sources.network(name, aNetwork(random, name)));
      }
      Compilation first = Sources.compile(sources.toArray(JavaFileObject[]::new));
      Set<String> broken = new TreeSet<>();
      for (Diagnostic<? extends JavaFileObject> d : first.errors()) {
        assertTrue(d.getMessage(null).startsWith("[DN"), "not a Dendrite error: " + d);
        assertFalse(d.getMessage(null).startsWith("[DN000]"), d.toString());
        broken.add(d.getSource().toUri().toString());
      }
      List<JavaFileObject> clean = sources.stream()
          .filter(s -> !broken.contains(s.toUri().toString()))
          .toList();
      Compilation second = Sources.compile(clean.toArray(JavaFileObject[]::new));
      assertThat(second).succeeded();
      for (Diagnostic<? extends JavaFileObject> d : second.warnings()) {
        assertTrue(d.getMessage(null).startsWith("[DN"), "warning in generated code: " + d);
      }
      compiled += clean.size();
    }
    assertTrue(compiled >= 12, compiled + " networks compiled");
  }
}
