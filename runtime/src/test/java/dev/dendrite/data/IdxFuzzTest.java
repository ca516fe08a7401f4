package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A coverage-guided fuzz test of the IDX reader: the only exception allowed is {@link
 * IdxFormatException}. A plain test run replays the inputs under {@code IdxFuzzTestInputs}.
 */
class IdxFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void readsOrRejects(byte[] data) {
    IdxFile file;
    try {
      file = IdxReader.read("fuzz", data);
    } catch (IdxFormatException e) {
      return;
    }
    float[][] rows = file.rows();
    assertEquals(file.count(), rows.length);
    for (float[] row : rows) {
      assertEquals(file.sampleSize(), row.length);
    }
    if (file.dimensions().length == 1 && file.type().isInteger()) {
      assertEquals(file.count(), file.labels().length);
    }
  }
}
