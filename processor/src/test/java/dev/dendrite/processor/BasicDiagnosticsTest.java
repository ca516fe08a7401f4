package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class BasicDiagnosticsTest {

  @Test
  void missingInputIsAnErrorOnTheNetworkAnnotation() {
    JavaFileObject source = Sources.network("NoInput",
        "@Network(loss = Loss.MSE)",
        "abstract class NoInput {",
        "  @Dense(units = 4) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Compilation compilation = Expect.error(source,
        "[DN301] network 'NoInput' has no @Input layer",
        "@Network(loss = Loss.MSE)").compilation();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nonPositiveUnitsIsAnErrorOnTheUnitsValue() {
    JavaFileObject source = Sources.network("ZeroUnits",
        "@Network(loss = Loss.MSE)",
        "abstract class ZeroUnits {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 0, activation = RELU) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source, "[DN401] layer 'hidden' has units = 0", "@Dense(units = 0");
  }

  @Test
  void dropoutRateOutsideTheUnitIntervalIsAnError() {
    JavaFileObject source = Sources.network("BadRate",
        "@Network(loss = Loss.MSE)",
        "abstract class BadRate {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 4, activation = RELU) Layer hidden;",
        "  @Dropout(1.0) Layer drop;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source, "[DN402] layer 'drop' has dropout rate 1.0", "@Dropout(1.0)");
  }

  @Test
  void everyProblemOfAClassIsReportedAndNothingIsGenerated() {
    JavaFileObject source = Sources.network("Many",
        "@Network(loss = Loss.MSE)",
        "abstract class Many {",
        "  @Input(3) Layer in;",
        "  @Dense(units = -2) Layer hidden;",
        "  @Dropout(-0.5) Layer drop;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Sources.compileRecording(source);
    assertThat(result.compilation()).hadErrorCount(2);
    assertThat(result.compilation()).hadErrorContaining("DN401");
    assertThat(result.compilation()).hadErrorContaining("DN402");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), result.createdSources());
  }

  @Test
  void aBrokenNetworkDoesNotStopAValidOne() {
    JavaFileObject broken = Sources.network("Broken",
        "@Network(loss = Loss.MSE)",
        "abstract class Broken {",
        "  @Dense(units = 1) Layer out;",
        "}");
    JavaFileObject user = Sources.network("UsesCircles",
        "class UsesCircles {",
        "  dev.dendrite.Model network = new CirclesNet(7);",
        "}");
    Compilation compilation = Sources.compile(broken, ValidNetworkTest.CIRCLES, user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("DN301").inFile(broken);
  }
}
