package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Dense(l1, l2)}: the DN408 rule and the generated penalty code. */
class PenaltyTest {

  @Test
  void negativePenaltyIsAnErrorOnItsValue() {
    JavaFileObject source = Sources.network("NegativeL2",
        "@Network(loss = Loss.MSE)",
        "abstract class NegativeL2 {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 4, activation = RELU, l2 = -0.01) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN408] layer 'hidden' has l2 = -0.01, but a weight penalty must be"
            + " finite and at least 0",
        "l2 = -0.01").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nonFinitePenaltiesAreErrors() {
    JavaFileObject source = Sources.network("NotFinite",
        "@Network(loss = Loss.MSE)",
        "abstract class NotFinite {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 4, l1 = Double.NaN) Layer hidden;",
        "  @Dense(units = 1, l1 = 0.1, l2 = 1.0 / 0.0) Layer out;",
        "}");
    Compilation compilation = Sources.compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[DN408] layer 'hidden' has l1 = NaN")
        .inFile(source)
        .onLineContaining("l1 = Double.NaN");
    assertThat(compilation)
        .hadErrorContaining("[DN408] layer 'out' has l2 = Infinity")
        .inFile(source)
        .onLineContaining("l2 = 1.0 / 0.0");
  }

  @Test
  void penaltiesGeneratePenaltyLossAndGradients() throws IOException {
    Compilation compilation = Sources.compile(Sources.network("Penalized",
        "@Network(loss = Loss.MSE, doublePrecision = true)",
        "abstract class Penalized {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 4, activation = RELU, l1 = 0.001, l2 = 0.01) Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String source = compilation.generatedSourceFile("test.PenalizedNet").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(source.contains("private static final float HIDDEN_L1 = 0.001f;"), source);
    assertTrue(source.contains("private static final float HIDDEN_L2 = 0.01f;"), source);
    assertTrue(source.contains("public float penaltyLoss() {\n"
        + "    return (float) (Penalties.penalty(hiddenWeight, HIDDEN_L1, HIDDEN_L2));"), source);
    assertTrue(source.contains("addPenaltyGradients();\n    return loss + penaltyLoss();"),
        source);
    assertTrue(source.contains("<li>{@code hidden}: l1 0.001, l2 0.01"), source);
    // the class Javadoc is wrapped at 100 columns
    assertTrue(source.replace("\n * ", " ")
        .contains("plus the weight penalties of {@link #penaltyLoss()}."), source);
    assertFalse(source.contains("OUT_L1"), "only layers with penalties get constants");
  }

  @Test
  void withoutPenaltiesNothingIsGenerated() throws IOException {
    Compilation compilation = Sources.compile(ValidNetworkTest.CIRCLES);
    String source = compilation.generatedSourceFile("test.CirclesNet").orElseThrow()
        .getCharContent(true).toString();
    assertFalse(source.contains("penalty"), source);
    assertTrue(source.contains("    return loss;\n  }"), source);
  }
}
