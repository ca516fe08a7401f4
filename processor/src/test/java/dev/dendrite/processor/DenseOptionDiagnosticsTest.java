package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** PRELU, initialisers and {@code bias = false} on {@code @Dense}. */
class DenseOptionDiagnosticsTest {

  @Test
  void infinitePreluAlphaIsAnErrorOnTheAlpha() {
    JavaFileObject source = Sources.network("InfiniteSlope",
        "@Network(loss = Loss.MSE)",
        "abstract class InfiniteSlope {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = PRELU,",
        "      alpha = Double.POSITIVE_INFINITY)",
        "  Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN611] layer 'hidden' has PRELU with alpha = Infinity",
        "alpha = Double.POSITIVE_INFINITY").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void preluModeWithoutPreluIsAWarningOnTheMode() {
    JavaFileObject source = Sources.network("StraySlopeMode",
        "@Network(loss = Loss.MSE)",
        "abstract class StraySlopeMode {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = RELU,",
        "      preluMode = PreluMode.SHARED)",
        "  Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.warning(source,
        "[DN612] layer 'hidden' sets preluMode = SHARED, but its activation"
            + " is RELU, which learns no slope",
        "preluMode = PreluMode.SHARED").compilation();
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void nonPositiveScaleOfNormalOrUniformIsAnErrorOnTheScale() {
    for (String init : new String[] {"NORMAL", "UNIFORM"}) {
      JavaFileObject source = Sources.network("BadScale",
          "@Network(loss = Loss.MSE)",
          "abstract class BadScale {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 8, init = Init." + init + ",",
          "      initScale = -0.1)",
          "  Layer hidden;",
          "  @Dense(units = 1, init = Init." + init + ", initScale = 0) Layer out;",
          "}");
      Compilation compilation = Expect.error(source,
          "[DN613] layer 'hidden' has init = " + init + " with initScale ="
              + " -0.1, but the",
          "initScale = -0.1").compilation();
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation)
          .hadErrorContaining("[DN613] layer 'out' has init = " + init + " with initScale = 0.0")
          .inFile(source)
          .onLineContaining("initScale = 0)");
    }
  }

  @Test
  void aScaleForAnInitialiserThatIgnoresItIsAWarningOnTheScale() {
    JavaFileObject source = Sources.network("IgnoredScale",
        "@Network(loss = Loss.MSE)",
        "abstract class IgnoredScale {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = RELU, init = Init.HE_NORMAL,",
        "      initScale = 0.2)",
        "  Layer hidden;",
        "  @Dense(units = 1,",
        "      initScale = 0.3)",
        "  Layer out;",
        "}");
    Compilation compilation = Expect.warning(source,
        "[DN614] layer 'hidden' sets initScale = 0.2, but init = HE_NORMAL"
            + " computes its own scale and ignores it",
        "initScale = 0.2").compilation();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[DN614] layer 'out' sets initScale = 0.3, but init = DEFAULT")
        .inFile(source)
        .onLineContaining("initScale = 0.3");
  }

  @Test
  void alphaOnAnActivationWithoutOneStillNamesPrelu() {
    JavaFileObject source = Sources.network("StrayAlpha",
        "@Network(loss = Loss.MSE)",
        "abstract class StrayAlpha {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = TANH, alpha = 0.3) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.warning(source,
        "[DN405] layer 'hidden' sets alpha = 0.3, but TANH takes no alpha,"
            + " so it is ignored; remove alpha, or use LEAKY_RELU, PRELU or ELU",
        "alpha = 0.3");
  }

  @Test
  void everyOptionUsedWellCompilesWithoutWarnings() {
    Compilation compilation = Sources.compile(Sources.network("Options",
        "@Network(loss = Loss.MSE, doublePrecision = true)",
        "abstract class Options {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = PRELU) Layer a;",
        "  @Dense(units = 8, activation = PRELU, alpha = -0.5, preluMode = PreluMode.SHARED)",
        "  Layer b;",
        "  @Dense(units = 8, activation = PRELU, preluMode = PreluMode.PER_UNIT) Layer c;",
        "  @Dense(units = 8, activation = TANH, init = Init.NORMAL, initScale = 0.1) Layer d;",
        "  @Dense(units = 8, activation = TANH, init = Init.UNIFORM) Layer e;",
        "  @Dense(units = 8, activation = TANH, init = Init.GLOROT_NORMAL, bias = false) Layer f;",
        "  @Dense(units = 8, activation = RELU, init = Init.HE_NORMAL) Layer g;",
        "  @Dense(units = 1, init = Init.ZEROS) Layer out;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
