package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Assertions shared by the tests of the rules. */
final class Expect {

  private Expect() {}

  /**
   * Compiles {@code source} alone and asserts that it fails with an error containing
   * {@code message} on the line containing {@code line}, and that nothing was generated.
   */
  static Sources.Result error(JavaFileObject source, String message, String line) {
    Sources.Result result = Sources.compileRecording(source);
    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining(message).inFile(source)
        .onLineContaining(line);
    assertEquals(List.of(), result.createdSources(), "generated despite the error");
    assertNoInternalError(result);
    return result;
  }

  /**
   * Compiles {@code source} alone and asserts that it succeeds with a warning containing
   * {@code message} on the line containing {@code line}, and that the network was generated.
   */
  static Sources.Result warning(JavaFileObject source, String message, String line) {
    Sources.Result result = Sources.compileRecording(source);
    assertThat(result.compilation()).succeeded();
    assertThat(result.compilation()).hadWarningContaining(message).inFile(source)
        .onLineContaining(line);
    assertEquals(1, result.createdSources().size(), "network not generated");
    return result;
  }

  /**
   * Asserts that the diagnostic of rule {@code id} starts where the source text {@code text}
   * starts: at the annotation value, annotation or element it is attached to.
   */
  static void pointsAt(Sources.Result result, String id, String text) {
    Diagnostic<? extends JavaFileObject> diagnostic = find(result, id);
    try {
      String source = diagnostic.getSource().getCharContent(true).toString();
      String at = source.substring((int) diagnostic.getStartPosition());
      assertTrue(at.startsWith(text),
          id + " should start at '" + text + "' but starts at '"
              + at.substring(0, Math.min(40, at.length())) + "'");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that exactly {@code count} diagnostics of rule {@code id} were printed. */
  static void count(Sources.Result result, String id, int count) {
    long n = result.compilation().diagnostics().stream()
        .filter(d -> d.getMessage(null).startsWith("[" + id + "]"))
        .count();
    assertEquals(count, n, "diagnostics of " + id + ": " + result.compilation().diagnostics());
  }

  static Diagnostic<? extends JavaFileObject> find(Sources.Result result, String id) {
    return result.compilation().diagnostics().stream()
        .filter(d -> d.getMessage(null).startsWith("[" + id + "]"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            "no " + id + " among " + result.compilation().diagnostics()));
  }

  static void assertNoInternalError(Sources.Result result) {
    for (Diagnostic<?> d : result.compilation().diagnostics()) {
      String message = d.getMessage(null);
      assertTrue(!message.contains("[DN000]") && !message.contains("\n    at ")
          && !message.contains("\tat "), "internal error: " + message);
    }
  }
}
