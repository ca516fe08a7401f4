package dev.dendrite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.dendrite.processor.check.RuleId;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of malformed declarations (src/test/resources/corpus), compiled one by one and all
 * together. Each file marks the lines where it expects a diagnostic, {@code // expect: DN401,
 * DN404} or {@code // expect: javac} for one of javac's own, and names the networks it still
 * generates, {@code // generates: corpus.FooNet}. Every expected diagnostic must be printed on
 * its line, nothing else may be, and no compilation may end in an exception or an internal error.
 *
 * <p>A file marked {@code // javac stops before annotation processing} has an annotation error
 * javac cannot recover from (a missing or mistyped value); javac then runs no processor at all,
 * for any file of the compilation. Such files are compiled alone only.
 */
class CorpusTest {

  private static final Pattern EXPECT = Pattern.compile("// expect: (.+)$");
  private static final Pattern GENERATES = Pattern.compile("^// generates: (\\S+)$");
  private static final String STOPS = "// javac stops before annotation processing";

  /**
   * One corpus file and what it should print and generate.
   *
   * @param stopsJavac whether javac stops before processing, for every file compiled with it
   */
  record Case(String name, JavaFileObject source, List<String> expected, List<String> generated,
      boolean stopsJavac) {}

  static List<Case> cases() throws IOException, URISyntaxException {
    URL root = CorpusTest.class.getClassLoader().getResource("corpus");
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        List<String> expected = new ArrayList<>();
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          Matcher expect = EXPECT.matcher(lines.get(i));
          if (expect.find()) {
            for (String id : expect.group(1).split(",\\s*")) {
              expected.add((i + 1) + ":" + id.trim());
            }
          }
          Matcher generates = GENERATES.matcher(lines.get(i));
          if (generates.find()) {
            generated.add(generates.group(1));
          }
        }
        expected.sort(null);
        cases.add(new Case(file.getFileName().toString(),
            JavaFileObjects.forResource(file.toUri().toURL()), expected, generated,
            lines.contains(STOPS)));
      }
    }
    return cases;
  }

  /** {@code line:id} for each error or warning printed in {@code source}. */
  private static List<String> printed(Sources.Result result, JavaFileObject source,
      boolean onlyDendrite) {
    List<String> printed = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : result.compilation().diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE || d.getSource() == null
          || !d.getSource().toUri().equals(source.toUri())) {
        continue;
      }
      String message = d.getMessage(null);
      boolean dendrite = message.matches("(?s)^\\[DN\\d{3}\\] .*");
      if (dendrite || !onlyDendrite) {
        printed.add(d.getLineNumber() + ":" + (dendrite ? message.substring(1, 6) : "javac"));
      }
    }
    printed.sort(null);
    return printed;
  }

  /** Diagnostics that belong to no corpus file: in generated code, or without a place. */
  private static List<String> elsewhere(Sources.Result result, List<Case> cases) {
    Set<String> corpus = new TreeSet<>();
    cases.forEach(c -> corpus.add(c.source().toUri().toString()));
    return result.compilation().diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .filter(d -> d.getSource() == null || !corpus.contains(d.getSource().toUri().toString()))
        .map(Object::toString)
        .toList();
  }

  @Test
  void theCorpusHasAtLeastThirtyDeclarationsAndTriggersEveryRule() throws Exception {
    List<Case> cases = cases();
    assertTrue(cases.stream().filter(c -> !c.stopsJavac()).count() >= 30,
        cases.size() + " files");
    Set<String> triggered = new TreeSet<>();
    cases.forEach(c -> c.expected().forEach(e -> triggered.add(e.substring(e.indexOf(':') + 1))));
    for (RuleId rule : RuleId.values()) {
      assertTrue(rule == RuleId.DN000 || triggered.contains(rule.name()),
          rule + " is not triggered by the corpus");
    }
  }

  @TestFactory
  Stream<DynamicTest> eachFileAloneReportsExactlyWhatItMarks() throws Exception {
    List<Case> cases = cases();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Sources.Result result = Sources.compileRecording(c.source());
      assertEquals(c.expected(), printed(result, c.source(), false),
          c.name() + ": " + result.compilation().diagnostics());
      assertEquals(List.of(), elsewhere(result, List.of(c)), c.name());
      assertEquals(c.generated(), result.createdSources(), c.name());
      Expect.assertNoInternalError(result);
    }));
  }

  @Test
  void allFilesTogetherReportWhatEachReportsAlone() throws Exception {
    List<Case> cases = cases().stream().filter(c -> !c.stopsJavac()).toList();
    // Together the files print more than the 100 errors javac shows by default.
    List<String> options = new ArrayList<>(Sources.LINT);
    options.addAll(List.of("-Xmaxerrs", "100000", "-Xmaxwarns", "100000"));
    Sources.Result result = Sources.compileRecording(new RecordingProcessor(), List.of(), options,
        cases.stream().map(Case::source).toArray(JavaFileObject[]::new));
    Expect.assertNoInternalError(result);
    assertEquals(List.of(), elsewhere(result, cases));
    for (Case c : cases) {
      // javac leaves out some of its own errors (unresolved names) once a processor reported
      // an error, so only the Dendrite diagnostics are compared.
      List<String> dendrite = c.expected().stream().filter(e -> !e.endsWith(":javac")).toList();
      assertEquals(dendrite, printed(result, c.source(), true), c.name());
    }
    List<String> generated = new ArrayList<>();
    cases.forEach(c -> generated.addAll(c.generated()));
    generated.sort(null);
    assertEquals(generated, result.createdSources().stream().sorted().toList());
  }

  @Test
  void expectationsNameOnlyKnownRules() throws Exception {
    Set<String> known = new TreeSet<>(Arrays.stream(RuleId.values()).map(Enum::name).toList());
    known.add("javac");
    for (Case c : cases()) {
      for (String e : c.expected()) {
        assertTrue(known.contains(e.substring(e.indexOf(':') + 1)), c.name() + " " + e);
      }
    }
  }
}
