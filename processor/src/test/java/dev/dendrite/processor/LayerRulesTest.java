package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DN401 to DN407: the settings of each layer. */
class LayerRulesTest {

  @ParameterizedTest
  @CsvSource({"0", "-5"})
  void dn401UnitsNotPositive(String units) {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = " + units + ", activation = RELU) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN401] layer 'hidden' has units = " + units + ", but a @Dense layer needs at least 1"
            + " unit; set units to the number of values the layer outputs, e.g. units = 64",
        "Layer hidden;");
    Expect.pointsAt(result, "DN401", units + ", activation");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.0 | 1.0 | a rate of 1 or more would drop every value",
      "2.5 | 2.5 | a rate of 1 or more would drop every value",
      "-0.1 | -0.1 | a probability cannot be negative",
      "Double.NaN | NaN | NaN is not a probability",
      "Double.POSITIVE_INFINITY | Infinity | a rate of 1 or more would drop every value"})
  void dn402DropoutRateOutOfRange(String written, String printed, String why) {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @Dropout(" + written + ") Layer drop;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN402] layer 'drop' has dropout rate " + printed + ", but the rate is the probability"
            + " of dropping a value and must lie in [0, 1) (" + why + "); e.g. @Dropout(0.5)",
        "Layer drop;");
    Expect.pointsAt(result, "DN402", written);
  }

  @Test
  void dn403DropoutRateZeroIsAWarningAndTheNetworkIsGenerated() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dropout(0) Layer drop;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.warning(source,
        "[DN403] layer 'drop' has dropout rate 0, so it drops nothing and does nothing; remove"
            + " the layer, or give a rate in (0, 1), e.g. @Dropout(0.2)",
        "@Dropout(0) Layer drop;");
    Expect.pointsAt(result, "DN403", "0)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "LEAKY_RELU | 1.0 | LEAKY_RELU with alpha = 1.0, but alpha is its slope for negative"
          + " inputs and must lie in [0, 1); typical values are 0.01 to 0.3",
      "LEAKY_RELU | -0.01 | LEAKY_RELU with alpha = -0.01, but alpha is its slope",
      "ELU | 0.0 | ELU with alpha = 0.0, but ELU's alpha is how far negative inputs saturate"
          + " below 0 and must be positive and finite; the usual value is 1.0",
      "ELU | Double.POSITIVE_INFINITY | ELU with alpha = Infinity, but ELU's alpha"})
  void dn404AlphaOutOfRange(String activation, String alpha, String message) {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = " + activation + ", alpha = " + alpha + ")",
        "  Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source, "[DN404] layer 'hidden' has " + message,
        "alpha = " + alpha);
    Expect.pointsAt(result, "DN404", alpha + ")");
  }

  @Test
  void alphaInRangeIsFine() {
    Sources.Result result = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = LEAKY_RELU, alpha = 0.0) Layer leaky;",
        "  @Dense(units = 8, activation = ELU, alpha = 0.5) Layer elu;",
        "  @Dense(units = 1) Layer out;",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
  }

  @Test
  void dn405AlphaOnAnActivationThatTakesNone() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = TANH, alpha = 0.1) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.warning(source,
        "[DN405] layer 'hidden' sets alpha = 0.1, but TANH takes no alpha, so it is ignored;"
            + " remove alpha, or use LEAKY_RELU, PRELU or ELU",
        "Layer hidden;");
    Expect.pointsAt(result, "DN405", "0.1)");
  }

  @Test
  void dn407ParameterCountBeyondTheArrayIndexRange() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input({300, 300}) Layer image;",
        "  @Dropout(0.1) Layer noise;",
        "  @Dense(units = 30_000, activation = RELU) Layer wide;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN407] layer 'wide' maps 90,000 inputs to 30,000 units, 2,700,030,000 parameters"
            + " (weights and biases), more than the 2,147,483,647 a Java array can index; use"
            + " fewer units, or fewer inputs to 'wide'",
        "Layer wide;");
    // Reported together with the other problems of the class, not after they are fixed.
    Expect.count(result, "DN306", 1);
    Expect.pointsAt(result, "DN407", "30_000");
  }

  @Test
  void dn407CountsTheBiasesToo() {
    // 46341 * 46340 = 2,147,441,940 weights fit; with 46,340 biases the layer does not.
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(46341) Layer in;",
        "  @Dense(units = 46340) Layer out;",
        "}");
    Expect.error(source, "2,147,488,280 parameters (weights and biases)", "Layer out;");
  }
}
