package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class ValidNetworkTest {

  static final JavaFileObject CIRCLES = Sources.network("Circles",
      "@Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)",
      "public abstract class Circles {",
      "  @Input(2) Layer point;",
      "  @Dense(units = 20, activation = RELU) Layer hidden;",
      "  @Dropout(0.25) Layer drop;",
      "  @Dense(units = 1, activation = SIGMOID) Layer inside;",
      "}");

  @Test
  void validNetworkCompilesWithoutWarnings() {
    Compilation compilation = Sources.compile(CIRCLES);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CirclesNet");
    assertThat(compilation).generatedSourceFile("test.CirclesNetDouble");
  }

  @Test
  void generatedSourceNamesLayersAfterFieldsAndShowsTheLayerTable() throws IOException {
    Compilation compilation = Sources.compile(CIRCLES);
    String source = compilation.generatedSourceFile("test.CirclesNet").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(source.contains("public final class CirclesNet extends Circles implements Model"),
        source);
    assertTrue(source.contains("public static final int HIDDEN_SIZE = 20;"), source);
    assertTrue(source.contains("private float[][] hiddenForward(float[][] in, int from, int to)"), source);
    assertTrue(source.contains("private float[][] dropForward(float[][] in, int from, int to)"), source);
    assertTrue(source.contains(" * hidden  Dense        20          60            80  RELU"),
        source);
    assertTrue(source.contains(" * total                            81           120"), source);
  }

  @Test
  void nestedStaticClassIsGeneratedWithItsOuterName() {
    Compilation compilation = Sources.compile(Sources.network("Outer",
        "public class Outer {",
        "  @Network(loss = Loss.MSE)",
        "  abstract static class Inner {",
        "    @Input(3) Layer in;",
        "    @Dense(units = 2) Layer out;",
        "  }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Outer_InnerNet");
  }

  @Test
  void layerNamedInputOrOutputKeepsOneSizeConstant() {
    Compilation compilation = Sources.compile(Sources.network("Named",
        "@Network(loss = Loss.MSE)",
        "abstract class Named {",
        "  @Input(3) Layer input;",
        "  @Dense(units = 4, activation = TANH) Layer output;",
        "  @Dense(units = 2) Layer result;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
