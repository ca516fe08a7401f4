package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DN301 to DN306: one input, first, with a valid shape that a {@code @Dense} layer can take. */
class InputRulesTest {

  @Test
  void dn301NoInput() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN301] network 'Mlp' has no @Input layer; declare the shape of one sample in its first"
            + " field, e.g. '@Input(784) Layer pixels;'",
        "@Network(loss = Loss.MSE)");
    Expect.pointsAt(result, "DN301", "@Network");
  }

  @Test
  void dn302SecondInput() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer hidden;",
        "  @Input(8) Layer again;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN302] layer 'again' is a second @Input after 'in', but a network has exactly one"
            + " input; remove it, or make it a @Dense layer",
        "@Input(8) Layer again;");
    // Not also reported as an input that is not first.
    Expect.count(result, "DN303", 0);
  }

  @Test
  void dn303InputNotFirst() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Dropout(0.5) Layer drop;",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN303] @Input layer 'in' comes after layer 'drop', but the input must be the first"
            + " layer; move 'in' above 'drop'",
        "@Input(2) Layer in;");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "@Input({}) | has no dimensions; give the size of one sample, e.g. @Input(784)",
      "@Input(-3) | has shape [-3], but every dimension counts values and must be at least 1",
      "@Input({28, 0}) | has shape [28, 0], but every dimension counts values",
      "@Input({65536, 65536}) | has shape [65536, 65536], 4,294,967,296 values per sample, more"
          + " than the 2,147,483,647 a Java array can hold; use a smaller input"})
  void dn304InputDimensionOutOfRange(String input, String message) {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  " + input + " Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source, "[DN304] @Input layer 'in' " + message,
        input + " Layer in;");
    assertThat(result.compilation()).hadErrorCount(1);
    Expect.pointsAt(result, "DN304", input.substring("@Input(".length()));
  }

  @Test
  void dn305OnlyAnInput() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN305] network 'Mlp' has only the @Input layer 'in'; add at least one @Dense layer"
            + " after it, e.g. '@Dense(units = 1) Layer out;'",
        "@Network(loss = Loss.MSE)");
    assertThat(result.compilation()).hadErrorCount(1);
  }

  @Test
  void dn306DenseOnAMultiDimensionalInput() {
    JavaFileObject source = Sources.network("Digits",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
        "abstract class Digits {",
        "  @Input({28, 28}) Layer image;",
        "  @Dropout(0.2) Layer noise;",
        "  @Dense(units = 64, activation = RELU) Layer hidden;",
        "  @Dense(units = 10, activation = SOFTMAX) Layer digit;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN306] layer 'hidden' is @Dense, which takes a vector of values, but its input has"
            + " shape [28, 28] (from 'image'); add '@Flatten Layer flat;' before 'hidden', which"
            + " passes each sample on as its 784 values in row-major order, or declare"
            + " @Input(784)",
        "Layer hidden;");
    // Reported once, at the first @Dense layer; the layers after it take a vector.
    Expect.count(result, "DN306", 1);
    Expect.pointsAt(result, "DN306", "@Dense(units = 64");
  }
}
