package dev.dendrite.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static CsvTable read(CsvReader reader, String text) throws Exception {
    return reader.read("t.csv", text.getBytes(UTF_8));
  }

  private static String problem(CsvReader reader, String text) {
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> reader.read("t.csv", text.getBytes(UTF_8)));
    assertTrue(e.getMessage().startsWith("t.csv: "), e.getMessage());
    return e.problem();
  }

  @Test
  void readsNumbersWithAndWithoutHeader() throws Exception {
    CsvTable plain = read(CsvReader.numeric(), "1,2.5,-3\n4e2,.5,+6.\n");
    assertEquals(List.of(), plain.header());
    assertArrayEquals(new float[][] {{1, 2.5f, -3}, {400, 0.5f, 6}}, plain.rows());
    assertEquals(3, plain.columns());
    assertEquals(2, plain.rowCount());

    CsvTable named = read(CsvReader.numeric().withHeader(),
        "\uFEFFx, \"y, in m\" ,label\r\n 0.1 , \"2\" ,1\r\n\r\n  \n3,4,0");
    assertEquals(List.of("x", "y, in m", "label"), named.header());
    assertArrayEquals(new float[][] {{0.1f, 2, 1}, {3, 4, 0}}, named.rows());
    assertEquals(1, named.columnIndex("y, in m"));
    assertThrows(IllegalArgumentException.class, () -> named.columnIndex("z"));
  }

  @Test
  void acceptsOtherSeparatorsLineEndsAndEmptyFiles() throws Exception {
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}},
        read(CsvReader.numeric().withSeparator(';'), "1;2\r3;4\r").rows());
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}},
        read(CsvReader.numeric().withSeparator('\t'), "1\t2\n3\t4").rows());
    assertEquals(0, read(CsvReader.numeric(), "").rowCount());
    CsvTable onlyHeader = read(CsvReader.numeric().withHeader(), "a,b\n");
    assertEquals(2, onlyHeader.columns());
    assertEquals(0, onlyHeader.rowCount());
    assertThrows(IllegalArgumentException.class, () -> CsvReader.numeric().withSeparator('.'));
    assertThrows(IllegalArgumentException.class, () -> CsvReader.numeric().withSeparator('"'));
  }

  @Test
  void readsGzipByItsMagicNumber(@TempDir Path folder) throws Exception {
    Path path = folder.resolve("data.csv");
    Files.write(path, IdxReaderTest.gzip("1,2\n3,4\n".getBytes(UTF_8)));
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}}, CsvReader.numeric().read(path).rows());
  }

  @Test
  void rejectsWhatIsNotAFiniteNumber() {
    CsvReader reader = CsvReader.numeric();
    assertEquals("line 2: column 2: \"abc\" is not a finite decimal number",
        problem(reader, "1,2\n3,abc\n"));
    assertEquals("line 1: column 1 is empty; a number was expected", problem(reader, ",1"));
    for (String bad : List.of("NaN", "Infinity", "-inf", "0x1p3", "1f", "1d", "1e", "1e+", ".",
        "+", "--1", "1.2.3", "١")) {
      assertEquals("line 1: column 1: \"" + bad + "\" is not a finite decimal number",
          problem(reader, bad + "\n"), bad);
    }
    assertEquals("line 1: column 1: 1e39 is beyond the range of float", problem(reader, "1e39"));
    assertEquals("line 3: column 2 (\"b\"): \"x\" is not a finite decimal number",
        problem(reader.withHeader(), "a,b\n1,2\n3,x\n"));
  }

  @Test
  void rejectsRaggedRowsAndBadQuotes() {
    CsvReader reader = CsvReader.numeric();
    assertEquals("line 4: 3 fields, but line 1 has 2", problem(reader, "1,2\n3,4\n\n5,6,7\n"));
    assertEquals("line 2: 1 field, but line 1 has 2", problem(reader, "1,2\n3\n"));
    assertEquals("line 2: a quoted field is not closed before the end of the file",
        problem(reader, "1,2\n\"3,4\n5,6\n"));
    assertEquals("line 1: column 1: text after a closing quote; a quote inside a quoted field is"
        + " written \"\"", problem(reader, "\"1\"2,3"));
    assertEquals("line 1: column 2: a quote inside an unquoted field; enclose the field in"
        + " quotes", problem(reader, "1,2\"3"));
    assertEquals("line 2: column 1 (\"a\"): \"x\ny\" is not a finite decimal number",
        problem(reader.withHeader(), "a\n\"x\ny\"\n"), "the line where the record starts");
    assertEquals("line 4: 1 field, but line 1 has 2",
        problem(reader.withHeader(), "\"a\nb\",c\n1,2\n3\n"), "lines inside quotes count");
    assertEquals("the file is empty, but a header line was expected",
        problem(reader.withHeader(), "\n\n"));
  }

  @Test
  void rejectsInvalidUtf8AndGzipNamingTheFile(@TempDir Path folder) throws Exception {
    byte[] bad = {'1', ',', (byte) 0xC3, '\n'};
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> CsvReader.numeric().read("t.csv", bad));
    assertTrue(e.problem().contains("not valid UTF-8"), e.problem());
    Path path = folder.resolve("cut.csv.gz");
    byte[] gz = IdxReaderTest.gzip("1,2\n3,4\n".getBytes(UTF_8));
    Files.write(path, java.util.Arrays.copyOf(gz, gz.length - 10));
    e = assertThrows(CsvFormatException.class, () -> CsvReader.numeric().read(path));
    assertEquals(path.toString(), e.source());
    assertTrue(e.problem().startsWith("invalid or truncated gzip data"), e.problem());
    assertFalse(e.problem().contains("line"));
  }
}
