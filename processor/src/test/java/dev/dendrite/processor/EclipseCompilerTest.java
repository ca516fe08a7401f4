package dev.dendrite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.dendrite.Model;
import dev.dendrite.annotation.Network;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor in Eclipse's compiler (ecj), run in-process as its batch compiler with the
 * processor found on its processor path, as a build would: valid networks generate and compile
 * without a single warning, and malformed ones (the corpus of {@link CorpusTest}) get each
 * Dendrite diagnostic on the line javac reports it on.
 */
class EclipseCompilerTest {

  /** A problem ecj printed. */
  record Problem(String file, int line, String severity, String message) {
    /** {@code line:DNxxx} for a Dendrite diagnostic, as {@link CorpusTest} writes expectations. */
    String dendriteId() {
      return line + ":" + message.substring(1, 6);
    }

    boolean fromDendrite() {
      return message.matches("(?s)^\\[DN\\d{3}\\] .*");
    }
  }

  /** What ecj printed and wrote. */
  record Result(int exitCode, List<Problem> problems, List<String> generated, String output) {}

  @TempDir Path work;

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** Writes each source under {@code src/} by its name and compiles them all with ecj. */
  private static Result compile(Path work, List<JavaFileObject> sources, List<String> names)
      throws Exception {
    Path src = work.resolve("src");
    List<String> args = new ArrayList<>(List.of(
        "--release", "17",
        "-encoding", "UTF-8",
        // the processor, found as a build finds it: by its service file on the processor path
        "-processorpath", String.join(File.pathSeparator, location(DendriteProcessor.class),
            location(JavaFile.class), location(Network.class)),
        "-classpath", String.join(File.pathSeparator, location(Model.class),
            location(Network.class)),
        "-s", work.resolve("generated").toString(),
        "-d", work.resolve("classes").toString()));
    for (int i = 0; i < sources.size(); i++) {
      Path file = src.resolve(names.get(i));
      Files.createDirectories(file.getParent());
      Files.writeString(file, sources.get(i).getCharContent(true));
      args.add(file.toString());
    }
    StringWriter output = new StringWriter();
    boolean ok;
    try (PrintWriter out = new PrintWriter(output)) {
      ok = BatchCompiler.compile(args.toArray(String[]::new), out, out, null);
    }
    List<String> generated = new ArrayList<>();
    Path generatedDir = work.resolve("generated");
    if (Files.isDirectory(generatedDir)) {
      try (Stream<Path> files = Files.walk(generatedDir)) {
        files.filter(p -> p.toString().endsWith(".java"))
            .map(p -> generatedDir.relativize(p).toString().replace(File.separatorChar, '.')
                .replaceAll("\\.java$", ""))
            .sorted()
            .forEach(generated::add);
      }
    }
    return new Result(ok ? 0 : 1, problems(output.toString()), generated, output.toString());
  }

  /**
   * A problem's first line: its number and severity, then its file and line ({@code in FILE (at
   * line N)}), or for a problem without a place the message itself.
   */
  private static final Pattern HEADER = Pattern.compile(
      "^\\d+\\. (ERROR|WARNING|INFO)(?: in (.+) \\(at line (\\d+)\\)|: (.*))$");

  /** ecj's last line: how many problems it printed. */
  private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) problems? \\(");

  /**
   * The problems ecj printed. One with a place is its header, the source line, a line of carets
   * under the place, then the message up to a line of dashes; one without a place is its header
   * line alone.
   */
  static List<Problem> problems(String output) {
    List<Problem> problems = new ArrayList<>();
    List<String> lines = output.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = HEADER.matcher(lines.get(i));
      if (!header.matches()) {
        continue;
      }
      if (header.group(2) == null) {
        problems.add(new Problem("", -1, header.group(1), header.group(4)));
        continue;
      }
      int end = i + 3;
      while (end < lines.size() && !lines.get(end).equals("----------")
          && !HEADER.matcher(lines.get(end)).matches()) {
        end++;
      }
      problems.add(new Problem(header.group(2), Integer.parseInt(header.group(3)),
          header.group(1), String.join("\n", lines.subList(Math.min(i + 3, end), end))));
      i = end - 1;
    }
    return problems;
  }

  private static String name(JavaFileObject source) {
    return source.getName().replaceFirst("^/+", "");
  }

  @Test
  void validNetworksGenerateAndCompileWithoutAWarning() throws Exception {
    List<JavaFileObject> sources = List.of(StrictLintTest.ACTIVATIONS, StrictLintTest.LARGE,
        StrictLintTest.IMAGES, StrictLintTest.NESTED);
    Result result = compile(work, sources, sources.stream().map(EclipseCompilerTest::name).toList());
    assertEquals(List.of(), result.problems(), result.output());
    // ecj prints nothing at all when it has nothing to report
    assertEquals("", result.output().strip());
    assertEquals(0, result.exitCode(), result.output());
    assertEquals(List.of("test.ActivationsNet", "test.ImagesNet", "test.ImagesNetDouble",
            "test.LargeNet", "test.Outer_InnerNet", "test.Outer_InnerNetDouble"),
        result.generated());
    assertTrue(Files.isRegularFile(work.resolve("classes/test/LargeNet.class")));
    assertTrue(Files.isRegularFile(work.resolve("classes/test/Outer_InnerNetDouble.class")));
  }

  /**
   * The diagnostics ecj prints without a file and line, as {@code file -> line:id}: it finds no
   * place for an annotation on a record, where javac reports DN101.
   */
  private static final Map<String, String> UNPLACED = Map.of("RecordNet.java", "8:DN101");

  @TestFactory
  Stream<DynamicTest> malformedNetworksGetEachDiagnosticOnTheLineJavacReportsItOn()
      throws Exception {
    // files on which javac stops before processing are javac's own story
    return CorpusTest.cases().stream().filter(c -> !c.stopsJavac())
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          Path dir = work.resolve(c.name());
          Result result = compile(dir, List.of(c.source()), List.of("corpus/" + c.name()));
          List<String> expected = c.expected().stream()
              .filter(e -> !e.endsWith(":javac"))
              .map(e -> e.equals(UNPLACED.get(c.name())) ? "unplaced:" + e.split(":")[1] : e)
              .sorted()
              .toList();
          List<String> printed = result.problems().stream()
              .filter(Problem::fromDendrite)
              .map(p -> p.file().endsWith(File.separator + c.name()) ? p.dendriteId()
                  : p.file().isEmpty() ? "unplaced:" + p.message().substring(1, 6)
                  : p.toString())
              .sorted()
              .toList();
          assertEquals(expected, printed, c.name() + "\n" + result.output());
          assertEquals(c.generated(), result.generated(), c.name() + "\n" + result.output());
          // every problem ecj counts was read (without problems it prints nothing)
          Matcher count = SUMMARY.matcher(result.output());
          assertEquals(count.find() ? Integer.parseInt(count.group(1)) : 0,
              result.problems().size(), result.output());
          assertTrue(!result.problems().isEmpty() || result.output().isBlank(), result.output());
          // nothing in generated code or without a place
          List<Problem> elsewhere = result.problems().stream()
              .filter(p -> !p.file().endsWith(File.separator + c.name()))
              .filter(p -> !(p.file().isEmpty() && p.fromDendrite()
                  && UNPLACED.containsKey(c.name())))
              .toList();
          assertEquals(List.of(), elsewhere, result.output());
        }));
  }
}
