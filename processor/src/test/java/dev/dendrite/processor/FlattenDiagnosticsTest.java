package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Multi-dimensional inputs and {@code @Flatten}. */
class FlattenDiagnosticsTest {

  @Test
  void denseOnAMultiDimensionalInputAsksForFlatten() {
    JavaFileObject source = Sources.network("Unflattened",
        "@Network(loss = Loss.MSE)",
        "abstract class Unflattened {",
        "  @Input({28, 28}) Layer pixels;",
        "  @Dense(units = 10) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN306] layer 'out' is @Dense, which takes a vector of values, but"
            + " its input has shape [28, 28] (from 'pixels'); add '@Flatten Layer flat;' before"
            + " 'out', which passes each sample on as its 784 values in row-major order, or"
            + " declare @Input(784)",
        "@Dense(units = 10) Layer out;").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void dropoutDoesNotFlatten() {
    JavaFileObject source = Sources.network("DropoutOnly",
        "@Network(loss = Loss.MSE)",
        "abstract class DropoutOnly {",
        "  @Input({4, 5}) Layer pixels;",
        "  @Dropout(0.1) Layer noise;",
        "  @Dense(units = 10) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN306] layer 'out' is @Dense, which takes a vector of values, but"
            + " its input has shape [4, 5] (from 'pixels')",
        "@Dense(units = 10) Layer out;").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void flattenAfterTheFirstDenseLayerIsTooLate() {
    JavaFileObject source = Sources.network("FlatLate",
        "@Network(loss = Loss.MSE)",
        "abstract class FlatLate {",
        "  @Input({4, 5}) Layer pixels;",
        "  @Dense(units = 10, activation = RELU) Layer hidden;",
        "  @Flatten Layer flat;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN306] layer 'hidden' is @Dense, which takes a vector of values,"
            + " but its input has shape [4, 5] (from 'pixels')",
        "Layer hidden;").compilation();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[DN610] @Flatten layer 'flat' has no effect: its input is already"
            + " a vector of 10 values; remove it")
        .inFile(source)
        .onLineContaining("@Flatten Layer flat;");
  }

  @Test
  void flattenOnAVectorIsAWarning() {
    JavaFileObject source = Sources.network("FlatAlready",
        "@Network(loss = Loss.MSE)",
        "abstract class FlatAlready {",
        "  @Input(784) Layer pixels;",
        "  @Flatten Layer flat;",
        "  @Dense(units = 10, activation = RELU) Layer hidden;",
        "  @Flatten Layer again;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.warning(source,
        "[DN610] @Flatten layer 'flat' has no effect: its input is already"
            + " a vector",
        "@Flatten Layer flat;").compilation();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[DN610] @Flatten layer 'again' has no effect")
        .inFile(source)
        .onLineContaining("@Flatten Layer again;");
  }

  @Test
  void flattenAsTheLastLayerIsAnError() {
    JavaFileObject source = Sources.network("FlatLast",
        "@Network(loss = Loss.MSE)",
        "abstract class FlatLast {",
        "  @Input({2, 2}) Layer pixels;",
        "  @Flatten Layer flat;",
        "}");
    Expect.error(source, "[DN501] the last layer 'flat' is @Flatten", "@Flatten Layer flat;");
  }

  @Test
  void flattenedInputsCompileWithoutWarnings() {
    Compilation compilation = Sources.compile(Sources.network("Images",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)",
        "abstract class Images {",
        "  @Input({28, 28}) Layer pixels;",
        "  @Flatten Layer flat;",
        "  @Dense(units = 32, activation = RELU) Layer hidden;",
        "  @Dense(units = 10, activation = SOFTMAX) Layer out;",
        "}"),
        Sources.network("NoisyImages",
        "@Network(loss = Loss.MSE)",
        "abstract class NoisyImages {",
        "  @Input({2, 3, 4}) Layer voxels;",
        "  @Dropout(0.1) Layer noise;",
        "  @Flatten Layer flat;",
        "  @Dense(units = 2) Layer out;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
