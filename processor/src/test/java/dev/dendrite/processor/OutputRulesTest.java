package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DN501 to DN506: the output layer and the loss. */
class OutputRulesTest {

  @Test
  void dn501LastLayerNotDense() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  @Dropout(0.5) Layer drop;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN501] the last layer 'drop' is @Dropout, but a network ends with a @Dense layer that"
            + " produces its output; add a @Dense layer after 'drop'",
        "@Dropout(0.5) Layer drop;");
    Expect.pointsAt(result, "DN501", "@Dropout(0.5)");
  }

  @Test
  void dn502SoftmaxOnAHiddenLayer() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = SOFTMAX) Layer hidden;",
        "  @Dropout(0.5) Layer drop;",
        "  @Dense(units = 3, activation = SOFTMAX) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN502] layer 'hidden' is a hidden layer with SOFTMAX, but SOFTMAX turns the output of"
            + " the last layer into probabilities and belongs there only; use RELU or another"
            + " activation here",
        "Layer hidden;");
    Expect.count(result, "DN502", 1);
    Expect.pointsAt(result, "DN502", "SOFTMAX) Layer hidden");
  }

  @ParameterizedTest
  @CsvSource({"MSE", "BINARY_CROSS_ENTROPY", "CATEGORICAL_CROSS_ENTROPY"})
  void dn503SoftmaxOnASingleUnitWhateverTheLoss(String loss) {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss." + loss + ")",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1, activation = SOFTMAX) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN503] layer 'out' has 1 unit with SOFTMAX, but the softmax of a single value is"
            + " always 1, so the layer cannot learn; for two classes use units = 1 with SIGMOID"
            + " and BINARY_CROSS_ENTROPY, for more use units >= 2 with SOFTMAX and"
            + " CATEGORICAL_CROSS_ENTROPY",
        "Layer out;");
    // One message for one mistake, not a loss mismatch on top.
    assertThat(result.compilation()).hadErrorCount(1);
    Expect.pointsAt(result, "DN503", "1, activation");
  }

  @Test
  void dn504BinaryCrossEntropyOnASoftmaxOutput() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.BINARY_CROSS_ENTROPY)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 10, activation = SOFTMAX) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN504] layer 'out': BINARY_CROSS_ENTROPY needs SIGMOID outputs, each the probability of"
            + " one yes/no label, but 'out' has 10 units with SOFTMAX; for one class out of 10 use"
            + " CATEGORICAL_CROSS_ENTROPY, for independent labels activation = SIGMOID",
        "Layer out;");
    Expect.pointsAt(result, "DN504", "SOFTMAX) Layer out");
  }

  @Test
  void dn504BinaryCrossEntropyOnALinearOutput() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.BINARY_CROSS_ENTROPY)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN504] layer 'out': BINARY_CROSS_ENTROPY needs SIGMOID outputs, each the probability of"
            + " one yes/no label, but 'out' has 1 unit with LINEAR; use activation = SIGMOID",
        "Layer out;");
    // The activation is not written, so the message is on the annotation.
    Expect.pointsAt(result, "DN504", "@Dense(units = 1)");
  }

  @Test
  void binaryCrossEntropyOnSeveralSigmoidUnitsIsMultiLabelAndValid() {
    Sources.Result result = Sources.compileRecording(Sources.network("Tags",
        "@Network(loss = Loss.BINARY_CROSS_ENTROPY)",
        "abstract class Tags {",
        "  @Input(20) Layer features;",
        "  @Dense(units = 16, activation = RELU) Layer hidden;",
        "  @Dense(units = 5, activation = SIGMOID) Layer tags;",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(result.compilation()).generatedSourceFile("test.TagsNet");
  }

  @Test
  void dn505CategoricalCrossEntropyWithoutSoftmax() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 10, activation = SIGMOID) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN505] layer 'out': CATEGORICAL_CROSS_ENTROPY needs a SOFTMAX output of at least 2"
            + " units, but 'out' has 10 units with SIGMOID; use activation = SOFTMAX",
        "Layer out;");
    Expect.pointsAt(result, "DN505", "SIGMOID) Layer out");
  }

  @Test
  void dn505CategoricalCrossEntropyOnOneSigmoidUnit() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1, activation = SIGMOID) Layer out;",
        "}");
    Expect.error(source,
        "[DN505] layer 'out': CATEGORICAL_CROSS_ENTROPY needs a SOFTMAX output of at least 2"
            + " units, but 'out' has 1 unit with SIGMOID; for two classes use"
            + " BINARY_CROSS_ENTROPY with SIGMOID, or units = 2 with SOFTMAX",
        "Layer out;");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 | SIGMOID | 1 unit | BINARY_CROSS_ENTROPY",
      "4 | SOFTMAX | 4 units | CATEGORICAL_CROSS_ENTROPY"})
  void dn506MseOnASquashedOutputIsAWarning(String units, String activation, String has,
      String instead) {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = " + units + ", activation = " + activation + ") Layer out;",
        "}");
    Sources.Result result = Expect.warning(source,
        "[DN506] layer 'out' has " + has + " with " + activation + " and the loss is MSE:"
            + " squared error on " + activation + " outputs learns slowly where they saturate"
            + " near 0 and 1; for classification use " + instead + ", for regression a LINEAR"
            + " output",
        "Layer out;");
    Expect.pointsAt(result, "DN506", activation + ") Layer out");
  }

  @Test
  void warningsCanBeSuppressedByRuleIdOrAllAtOnce() {
    Sources.Result byId = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @SuppressWarnings(\"DN403\") @Dropout(0) Layer drop;",
        "  @Dense(units = 1, activation = SIGMOID) Layer out;",
        "}"));
    assertThat(byId.compilation()).hadWarningCount(1);
    assertThat(byId.compilation()).hadWarningContaining("[DN506]");
    Sources.Result all = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "@SuppressWarnings(\"dendrite\")",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dropout(0) Layer drop;",
        "  @Dense(units = 1, activation = SIGMOID) Layer out;",
        "}"));
    assertThat(all.compilation()).succeededWithoutWarnings();
  }

  @Test
  void errorsCannotBeSuppressed() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "@SuppressWarnings({\"dendrite\", \"DN401\"})",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 0) Layer out;",
        "}");
    Expect.error(source, "[DN401]", "Layer out;");
  }
}
