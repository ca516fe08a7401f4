package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated sources of three networks, pinned as files under {@code
 * src/test/resources/golden/expected}: a single neuron and the 2-20-1 circles network of the
 * samples module, and a network with batch normalization and dropout. A change to the emitter
 * shows as a diff of these files, to be read like any other code change. Each file also keeps to
 * 100 columns and to a budget of lines.
 *
 * <p>After an intended change, rewrite them with {@code mvn -pl processor -am test
 * -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true} and review
 * the diff.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "../samples/src/main/java/dev/dendrite/samples/SingleNeuron.java, "
        + "dev.dendrite.samples.SingleNeuronNet, 150",
    "../samples/src/main/java/dev/dendrite/samples/Circles.java, dev.dendrite.samples.CirclesNet,"
        + " 450",
    "src/test/resources/golden/Tabular.java, golden.TabularNet, 700"
  })
  void generatedSourceMatchesTheGoldenFile(String declaration, String generated, int maxLines)
      throws IOException {
    Path source = Path.of(declaration);
    assertTrue(Files.isRegularFile(source), source.toAbsolutePath() + " is missing");
    JavaFileObject file = JavaFileObjects.forResource(source.toUri().toURL());
    Compilation compilation = Compiler.javac()
        .withProcessors(new DendriteProcessor())
        .withOptions(Sources.LINT)
        .compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    Optional<JavaFileObject> output = compilation.generatedSourceFile(generated);
    assertTrue(output.isPresent(), "no " + generated + " among " + compilation.generatedFiles());
    String actual = output.get().getCharContent(false).toString();
    String simpleName = generated.substring(generated.lastIndexOf('.') + 1);
    Path expectedFile = GOLDEN.resolve("expected").resolve(simpleName + ".java");
    if (UPDATE) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    List<String> wide = actual.lines().filter(line -> line.length() > 100).toList();
    assertTrue(wide.isEmpty(), "lines over 100 columns in " + generated + ": " + wide);
    long lines = actual.lines().count();
    assertTrue(lines <= maxLines, generated + " has " + lines + " lines, over its budget of "
        + maxLines);
    assertTrue(Files.isRegularFile(expectedFile), expectedFile.toAbsolutePath()
        + " is missing; write it with -Dgolden.update=true and review it");
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(firstDifference(expectedFile, expected, actual));
    }
  }

  /** Where the two texts part, with a few lines of each around it. */
  static String firstDifference(Path expectedFile, String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    int line = 0;
    while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
      line++;
    }
    StringBuilder message = new StringBuilder()
        .append("the generated source differs from ").append(expectedFile)
        .append(" from line ").append(line + 1)
        .append(" (expected ").append(want.size()).append(" lines, generated ")
        .append(got.size()).append("); if the change is intended, rerun with")
        .append(" -Dgolden.update=true and review the diff\n");
    appendLines(message, "expected", want, line);
    appendLines(message, "generated", got, line);
    return message.toString();
  }

  private static void appendLines(StringBuilder out, String label, List<String> lines, int from) {
    out.append(label).append(":\n");
    for (int i = from; i < Math.min(lines.size(), from + 5); i++) {
      out.append(String.format("%5d | %s%n", i + 1, lines.get(i)));
    }
  }
}
