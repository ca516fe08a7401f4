package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A coverage-guided fuzz test of the CSV reader: the only exception allowed is {@link
 * CsvFormatException}, and a table read is rectangular and finite. A plain test run replays the
 * inputs under {@code CsvFuzzTestInputs}.
 */
class CsvFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void readsOrRejects(byte[] data) {
    check(CsvReader.numeric(), data);
    check(CsvReader.numeric().withHeader(), data);
    check(CsvReader.numeric().withSeparator('\t'), data);
  }

  private static void check(CsvReader reader, byte[] data) {
    CsvTable table;
    try {
      table = reader.read("fuzz", data);
    } catch (CsvFormatException e) {
      return;
    }
    for (float[] row : table.rows()) {
      assertEquals(table.columns(), row.length);
      for (float v : row) {
        assertTrue(Float.isFinite(v), "a non-finite value was read");
      }
    }
    if (!table.header().isEmpty() && table.rowCount() > 0) {
      assertEquals(table.header().size(), table.columns());
    }
  }
}
