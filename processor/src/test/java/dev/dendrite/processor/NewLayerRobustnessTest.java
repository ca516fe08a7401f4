package dev.dendrite.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Odd combinations of the new layers end in diagnostics, never in an internal error: each body
 * below is the field list of a network.
 */
class NewLayerRobustnessTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "@Input({2, 2}) Layer in; @BatchNorm Layer norm; @Dense(units = 1) Layer out;",
    "@Flatten Layer flat; @Dense(units = 1) Layer out;",
    "@Input(3) Layer in; @BatchNorm Layer norm;",
    "@Input(3) Layer in; @Dense(units = 0, activation = PRELU) Layer h; @BatchNorm Layer n;"
        + " @Dense(units = 1) Layer out;",
    "@Input({3, 0}) Layer in; @Flatten Layer flat; @Dense(units = 1) Layer out;",
    "@Input(3) Layer in; @BatchNorm @Flatten Layer both; @Dense(units = 1) Layer out;",
    "@Input(3) Layer in; @Dropout(1.5) Layer drop; @BatchNorm(momentum = 2) Layer norm;"
        + " @Dense(units = 1) Layer out;",
    "@Input({1, 1, 1, 1}) Layer in; @Flatten Layer flat; @Flatten Layer again;"
        + " @Dense(units = 1, activation = PRELU, preluMode = PreluMode.SHARED) Layer out;",
    "@Input(3) Layer in; @Dense(units = 2, init = Init.NORMAL, initScale = Double.NaN) Layer h;"
        + " @Dense(units = 1, bias = false, init = Init.ZEROS) Layer out;",
    "@Input(3) Layer in; @Dense(units = 4, bias = false) Layer h; @BatchNorm(epsilon = 0,"
        + " momentum = 0, activation = SOFTMAX, alpha = -1) Layer norm; @BatchNorm Layer again;",
    "@Input({100000, 100000}) Layer in; @Flatten Layer flat; @Dense(units = 1) Layer out;",
    "@Input({50000, 2}) Layer in; @Flatten Layer flat; @BatchNorm Layer norm;"
        + " @Dense(units = 50000) Layer out;",
  })
  void reportsWithoutInternalErrors(String fields) {
    Compilation compilation = Sources.compile(Sources.network("Odd",
        "@Network(loss = Loss.BINARY_CROSS_ENTROPY)",
        "abstract class Odd {",
        "  " + fields,
        "}"));
    String messages = compilation.diagnostics().stream()
        .map(d -> d.getKind() + ": " + d.getMessage(null))
        .collect(Collectors.joining("\n"));
    assertFalse(messages.contains("DN000"), messages);
    assertTrue(compilation.diagnostics().stream()
        .anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
            || d.getKind() == Diagnostic.Kind.WARNING), "some diagnostic for: " + fields);
  }
}
