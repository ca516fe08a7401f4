package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Valid networks compile under {@code -Xlint:all -Werror}, javac's strictest setting: no
 * unclaimed annotation in any round ({@code -Xlint:processing}), and no lint warning in the
 * generated code. Between them the networks use every layer kind and activation, small layers
 * (unrolled) and large ones (looped, split over threads), double precision and a nested class.
 */
class StrictLintTest {

  private static final String[] STRICT = {"-Xlint:all", "-Werror"};

  /** Every activation of a hidden layer, one layer each, and a softmax output after dropout. */
  static final JavaFileObject ACTIVATIONS = Sources.network("Activations",
      "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
      "public abstract class Activations {",
      "  @Input(6) Layer in;",
      "  @Dense(units = 6) Layer linear;",
      "  @Dense(units = 6, activation = RELU) Layer relu;",
      "  @Dense(units = 6, activation = LEAKY_RELU, alpha = 0.1) Layer leaky;",
      "  @Dense(units = 6, activation = PRELU) Layer prelu;",
      "  @Dense(units = 6, activation = PRELU, preluMode = PreluMode.SHARED) Layer preluShared;",
      "  @Dense(units = 6, activation = ELU) Layer elu;",
      "  @Dense(units = 6, activation = SIGMOID) Layer sigmoid;",
      "  @Dense(units = 6, activation = TANH) Layer tanh;",
      "  @Dense(units = 6, activation = SOFTPLUS) Layer softplus;",
      "  @Dense(units = 6, activation = GELU) Layer gelu;",
      "  @Dense(units = 6, activation = SWISH) Layer swish;",
      "  @Dense(units = 6, activation = MISH, l1 = 1e-4, l2 = 1e-3) Layer mish;",
      "  @Dropout(0.2) Layer drop;",
      "  @Dense(units = 3, activation = SOFTMAX) Layer out;",
      "}");

  /** Large enough for looped kernels and a batch split over threads. */
  static final JavaFileObject LARGE = Sources.network("Large",
      "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
      "public abstract class Large {",
      "  @Input(784) Layer pixels;",
      "  @Dense(units = 256, activation = RELU) Layer hidden1;",
      "  @Dropout(0.3) Layer drop1;",
      "  @Dense(units = 128, activation = RELU) Layer hidden2;",
      "  @Dense(units = 10, activation = SOFTMAX) Layer scores;",
      "}");

  /** A 2-D input flattened, batch normalization, a sigmoid output, and double precision. */
  static final JavaFileObject IMAGES = Sources.network("Images",
      "@Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)",
      "public abstract class Images {",
      "  @Input({8, 8}) Layer image;",
      "  @Flatten Layer flat;",
      "  @Dense(units = 32, bias = false, init = Init.HE_NORMAL) Layer hidden;",
      "  @BatchNorm(activation = RELU) Layer norm;",
      "  @Dense(units = 1, activation = SIGMOID) Layer out;",
      "}");

  /** A network nested in a class of its own file, with a regression output. */
  static final JavaFileObject NESTED = Sources.network("Outer",
      "public class Outer {",
      "  @Network(loss = Loss.MSE, doublePrecision = true)",
      "  public abstract static class Inner {",
      "    @Input(3) Layer in;",
      "    @Dense(units = 4, bias = false) Layer hidden;",
      "    @BatchNorm(activation = LEAKY_RELU, alpha = 0.2) Layer norm;",
      "    @Dense(units = 2) Layer out;",
      "  }",
      "}");

  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new DendriteProcessor())
        .withOptions((Object[]) STRICT)
        .compile(sources);
  }

  @Test
  void everyActivationCompilesUnderWerror() {
    Compilation compilation = compile(ACTIVATIONS);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ActivationsNet");
  }

  @Test
  void aLargeNetworkSplitOverThreadsCompilesUnderWerror() {
    Compilation compilation = compile(LARGE);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.LargeNet")
        .contentsAsUtf8String().contains("Workers.ownedBy(this, threads)");
  }

  @Test
  void flattenBatchNormAndDoublePrecisionCompileUnderWerror() {
    Compilation compilation = compile(IMAGES);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ImagesNet");
    assertThat(compilation).generatedSourceFile("test.ImagesNetDouble");
  }

  @Test
  void aNestedNetworkCompilesUnderWerror() {
    Compilation compilation = compile(NESTED);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Outer_InnerNet");
    assertThat(compilation).generatedSourceFile("test.Outer_InnerNetDouble");
  }

  @Test
  void allTogetherAndWithCodeThatUsesThemCompileUnderWerror() {
    JavaFileObject user = JavaFileObjects.forSourceString("test.User", String.join("\n",
        "package test;",
        "",
        "import dev.dendrite.Model;",
        "import java.util.List;",
        "",
        "final class User {",
        "  static List<Model> all() {",
        "    return List.of(new ActivationsNet(1), new LargeNet(2), new ImagesNet(3),",
        "        new Outer_InnerNet(4));",
        "  }",
        "}",
        ""));
    Compilation compilation = compile(ACTIVATIONS, LARGE, IMAGES, NESTED, user);
    assertThat(compilation).succeededWithoutWarnings();
  }
}
