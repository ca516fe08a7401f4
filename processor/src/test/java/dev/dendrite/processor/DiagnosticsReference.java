package dev.dendrite.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules as docs/diagnostics.md documents them: per rule its id, title, severity, example and
 * the message the example prints.
 */
final class DiagnosticsReference {

  /** The reference, read relative to the processor module, where the tests run. */
  static final Path PATH = Path.of("..", "docs", "diagnostics.md");

  /** The package the examples are compiled in. */
  static final String PACKAGE = "app";

  /**
   * One documented rule.
   *
   * @param example the Java example, or {@code null} if the rule has none
   * @param message the first line of the documented message
   */
  record Entry(String id, String title, String severity, String example, String message) {}

  private static final Pattern HEADING =
      Pattern.compile("^### (DN\\d{3}): (.+) \\((error|warning)\\)$", Pattern.MULTILINE);
  private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TEXT = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);

  private DiagnosticsReference() {}

  static List<Entry> read() throws IOException {
    String doc = Files.readString(PATH);
    List<Entry> entries = new ArrayList<>();
    Matcher heading = HEADING.matcher(doc);
    List<int[]> starts = new ArrayList<>();
    List<String[]> heads = new ArrayList<>();
    while (heading.find()) {
      starts.add(new int[] {heading.start(), heading.end()});
      heads.add(new String[] {heading.group(1), heading.group(2), heading.group(3)});
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : doc.length();
      String section = doc.substring(starts.get(i)[1], end);
      int nextSection = section.indexOf("\n## ");
      if (nextSection >= 0) {
        section = section.substring(0, nextSection);
      }
      Matcher java = JAVA.matcher(section);
      Matcher text = TEXT.matcher(section);
      entries.add(new Entry(heads.get(i)[0], heads.get(i)[1], heads.get(i)[2],
          java.find() ? java.group(1) : null,
          text.find() ? text.group(1).lines().findFirst().orElse("") : null));
    }
    return entries;
  }

  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile("^(?:[a-z]+ )*(?:class|interface|enum|record) (\\w+)", Pattern.MULTILINE);

  /**
   * The name of the file the example is compiled as: its first top-level type, so that javac
   * does not warn about auxiliary classes.
   */
  static String fileName(Entry entry) {
    Matcher type = TOP_LEVEL_TYPE.matcher(entry.example());
    if (!type.find()) {
      throw new IllegalArgumentException(entry.id() + " example declares no top-level type");
    }
    return PACKAGE + "." + type.group(1);
  }

  /** The example of {@code entry} as a compilation unit in package {@code app}. */
  static String source(Entry entry) {
    return "package " + PACKAGE + ";\n" + Sources.IMPORTS + entry.example();
  }
}
