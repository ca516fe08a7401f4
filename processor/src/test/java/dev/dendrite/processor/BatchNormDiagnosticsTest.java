package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules on {@code @BatchNorm}, each pinned to the file and line at fault. */
class BatchNormDiagnosticsTest {

  @Test
  void batchNormBeforeAnyDenseLayerIsAnError() {
    JavaFileObject source = Sources.network("NormFirst",
        "@Network(loss = Loss.MSE)",
        "abstract class NormFirst {",
        "  @Input(4) Layer in;",
        "  @BatchNorm Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN601] @BatchNorm layer 'norm' comes after @Input layer 'in', but"
            + " batch normalization normalizes the units of a @Dense layer",
        "@BatchNorm Layer norm;").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchNormAsTheFirstFieldIsAnError() {
    JavaFileObject source = Sources.network("NormTop",
        "@Network(loss = Loss.MSE)",
        "abstract class NormTop {",
        "  @BatchNorm Layer norm;",
        "  @Input(4) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN601] @BatchNorm layer 'norm' is the first layer",
        "@BatchNorm Layer norm;");
  }

  @Test
  void batchNormAfterFlattenIsAnError() {
    JavaFileObject source = Sources.network("NormFlat",
        "@Network(loss = Loss.MSE)",
        "abstract class NormFlat {",
        "  @Input({2, 3}) Layer in;",
        "  @Flatten Layer flat;",
        "  @BatchNorm Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN601] @BatchNorm layer 'norm' comes after @Flatten layer 'flat'",
        "@BatchNorm Layer norm;");
  }

  @Test
  void batchNormAfterBatchNormIsAnError() {
    JavaFileObject source = Sources.network("NormTwice",
        "@Network(loss = Loss.MSE)",
        "abstract class NormTwice {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @BatchNorm Layer first;",
        "  @BatchNorm(momentum = 0.9) Layer second;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN602] @BatchNorm layer 'second' follows @BatchNorm layer 'first'",
        "@BatchNorm(momentum = 0.9) Layer second;").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchNormAfterDropoutAfterBatchNormIsAnError() {
    JavaFileObject source = Sources.network("NormDropNorm",
        "@Network(loss = Loss.MSE)",
        "abstract class NormDropNorm {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @BatchNorm Layer first;",
        "  @Dropout(0.5) Layer drop;",
        "  @BatchNorm Layer second;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN602] @BatchNorm layer 'second' follows @BatchNorm layer 'first'",
        "@BatchNorm Layer second;");
  }

  @Test
  void batchNormAfterDropoutIsAWarning() {
    JavaFileObject source = Sources.network("DropThenNorm",
        "@Network(loss = Loss.MSE)",
        "abstract class DropThenNorm {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @Dropout(0.5) Layer drop;",
        "  @BatchNorm Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.warning(source,
        "[DN603] @BatchNorm layer 'norm' comes after @Dropout layer 'drop'",
        "@BatchNorm Layer norm;").compilation();
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void momentumOutsideTheOpenUnitIntervalIsAnErrorOnTheMomentum() {
    for (String momentum : new String[] {"1.0", "0.0", "-0.5", "1.5", "Double.NaN"}) {
      JavaFileObject source = Sources.network("BadMomentum",
          "@Network(loss = Loss.MSE)",
          "abstract class BadMomentum {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 8, activation = RELU) Layer hidden;",
          "  @BatchNorm(",
          "      momentum = " + momentum + ")",
          "  Layer norm;",
          "  @Dense(units = 1) Layer out;",
          "}");
      Compilation compilation = Expect.error(source,
          "[DN604] @BatchNorm layer 'norm' has momentum = ",
          "momentum = " + momentum).compilation();
      assertThat(compilation).hadErrorCount(1);
    }
  }

  @Test
  void nonPositiveEpsilonIsAnErrorOnTheEpsilon() {
    for (String epsilon : new String[] {"0", "-1e-3", "Double.POSITIVE_INFINITY"}) {
      JavaFileObject source = Sources.network("BadEpsilon",
          "@Network(loss = Loss.MSE)",
          "abstract class BadEpsilon {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 8, activation = RELU) Layer hidden;",
          "  @BatchNorm(momentum = 0.9,",
          "      epsilon = " + epsilon + ")",
          "  Layer norm;",
          "  @Dense(units = 1) Layer out;",
          "}");
      Expect.error(source,
          "[DN605] @BatchNorm layer 'norm' has epsilon = ",
          "epsilon = " + epsilon);
    }
  }

  @Test
  void softmaxOrPreluOnBatchNormIsAnErrorOnTheActivation() {
    for (String activation : new String[] {"SOFTMAX", "PRELU"}) {
      JavaFileObject source = Sources.network("BadNormActivation",
          "@Network(loss = Loss.MSE)",
          "abstract class BadNormActivation {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 8, bias = false) Layer hidden;",
          "  @BatchNorm(momentum = 0.9,",
          "      activation = " + activation + ")",
          "  Layer norm;",
          "  @Dense(units = 1) Layer out;",
          "}");
      Compilation compilation = Expect.error(source,
          "[DN606] @BatchNorm layer 'norm' has activation = " + activation,
          "activation = " + activation).compilation();
      assertThat(compilation).hadErrorCount(1);
    }
  }

  @Test
  void anActivationOnBothTheDenseLayerAndItsBatchNormIsAWarning() {
    JavaFileObject source = Sources.network("TwoActivations",
        "@Network(loss = Loss.MSE)",
        "abstract class TwoActivations {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @BatchNorm(momentum = 0.9,",
        "      activation = TANH)",
        "  Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.warning(source,
        "[DN607] @BatchNorm layer 'norm' applies TANH after @Dense layer"
            + " 'hidden' has already applied RELU",
        "activation = TANH").compilation();
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void aLinearDenseLayerWithBiasBeforeBatchNormIsAWarningOnTheDenseLayer() {
    JavaFileObject source = Sources.network("CancelledBias",
        "@Network(loss = Loss.MSE)",
        "abstract class CancelledBias {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8) Layer hidden;",
        "  @BatchNorm(activation = RELU) Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.warning(source,
        "[DN608] @Dense layer 'hidden' is LINEAR with a bias, but"
            + " @BatchNorm layer 'norm' subtracts the batch mean",
        "@Dense(units = 8) Layer hidden;").compilation();
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void batchNormAlphaFollowsTheDenseRules() {
    JavaFileObject source = Sources.network("NormAlpha",
        "@Network(loss = Loss.MSE)",
        "abstract class NormAlpha {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 8, bias = false) Layer first;",
        "  @BatchNorm(activation = LEAKY_RELU,",
        "      alpha = 1.5)",
        "  Layer firstNorm;",
        "  @Dense(units = 8, bias = false) Layer second;",
        "  @BatchNorm(activation = TANH,",
        "      alpha = 0.3)",
        "  Layer secondNorm;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN404] @BatchNorm layer 'firstNorm' has LEAKY_RELU with alpha = 1.5",
        "alpha = 1.5").compilation();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadWarningContaining("[DN405] @BatchNorm layer 'secondNorm' sets alpha = 0.3, but TANH"
            + " takes no alpha")
        .inFile(source)
        .onLineContaining("alpha = 0.3");
  }

  @Test
  void batchNormAsTheLastLayerIsAnError() {
    JavaFileObject source = Sources.network("NormLast",
        "@Network(loss = Loss.MSE)",
        "abstract class NormLast {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2, bias = false) Layer out;",
        "  @BatchNorm Layer norm;",
        "}");
    Expect.error(source, "[DN501] the last layer 'norm' is @BatchNorm", "@BatchNorm Layer norm;");
  }

  @Test
  void batchNormBeforeAndAfterTheActivationCompileWithoutWarnings() {
    Compilation compilation = Sources.compile(Sources.network("Normalized",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)",
        "abstract class Normalized {",
        "  @Input(6) Layer in;",
        "  @Dense(units = 16, bias = false) Layer first;",
        "  @BatchNorm(activation = LEAKY_RELU, alpha = 0.1) Layer firstNorm;",
        "  @Dropout(0.2) Layer drop;",
        "  @Dense(units = 8, activation = TANH) Layer second;",
        "  @BatchNorm(momentum = 0.9, epsilon = 1e-5) Layer secondNorm;",
        "  @Dense(units = 3, activation = SOFTMAX) Layer out;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
