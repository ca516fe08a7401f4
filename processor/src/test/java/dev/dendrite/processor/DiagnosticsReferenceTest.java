package dev.dendrite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.dendrite.processor.check.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** docs/diagnostics.md lists every rule, and each example prints the message shown there. */
class DiagnosticsReferenceTest {

  @Test
  void everyRuleIsDocumentedOnceWithItsTitleAndSeverity() throws IOException {
    List<DiagnosticsReference.Entry> entries = DiagnosticsReference.read();
    assertEquals(
        Arrays.stream(RuleId.values()).map(Enum::name).sorted().toList(),
        entries.stream().map(DiagnosticsReference.Entry::id).sorted().toList());
    for (DiagnosticsReference.Entry entry : entries) {
      RuleId rule = RuleId.valueOf(entry.id());
      assertEquals(rule.title(), entry.title(), entry.id());
      assertEquals(rule.severity().name().toLowerCase(Locale.ROOT), entry.severity(), entry.id());
      assertNotNull(entry.message(), entry.id() + " shows no message");
      assertTrue(entry.message().startsWith("[" + entry.id() + "] "), entry.id());
    }
  }

  @Test
  void theRuleIndexListsEveryRuleWithItsSeverityAndTitle() throws IOException {
    String doc = Files.readString(DiagnosticsReference.PATH);
    Matcher row = Pattern
        .compile("^\\| (DN\\d{3}) \\| (error|warning) \\| (.+) \\|$", Pattern.MULTILINE)
        .matcher(doc);
    List<String> rows = new ArrayList<>();
    while (row.find()) {
      rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
    }
    assertEquals(Arrays.stream(RuleId.values())
            .map(r -> r + " " + r.severity().name().toLowerCase(Locale.ROOT) + " " + r.title())
            .toList(),
        rows);
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePrintsItsDocumentedMessageOnItsMarkedLine() throws IOException {
    return DiagnosticsReference.read().stream()
        .filter(e -> e.example() != null)
        .map(e -> DynamicTest.dynamicTest(e.id(), () -> check(e)));
  }

  private static void check(DiagnosticsReference.Entry entry) throws IOException {
    JavaFileObject source = JavaFileObjects.forSourceString(
        DiagnosticsReference.fileName(entry), DiagnosticsReference.source(entry));
    Sources.Result result = Sources.compileRecording(source);
    List<Diagnostic<? extends JavaFileObject>> printed = result.compilation().diagnostics()
        .stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .collect(Collectors.toList());
    assertEquals(1, printed.size(), entry.id() + " example printed " + printed);
    Diagnostic<? extends JavaFileObject> diagnostic = printed.get(0);
    assertEquals(entry.message(), diagnostic.getMessage(Locale.ROOT), entry.id());
    boolean error = entry.severity().equals("error");
    assertEquals(error ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING, diagnostic.getKind());
    String line = DiagnosticsReference.source(entry).lines()
        .skip(diagnostic.getLineNumber() - 1).findFirst().orElseThrow();
    assertTrue(line.contains("// " + entry.id()),
        entry.id() + " reported on '" + line + "', not on the marked line");
    assertEquals(error ? 0 : 1, result.createdSources().size(),
        entry.id() + " generated " + result.createdSources());
  }
}
