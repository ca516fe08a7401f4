package dev.dendrite.io;

import static dev.dendrite.io.SafeTensorsFileTest.concat;
import static dev.dendrite.io.SafeTensorsFileTest.file;
import static dev.dendrite.io.SafeTensorsFileTest.floatsLe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsWriterTest {

  @Test
  void writesTheFormatByteForByte() {
    byte[] written = new SafeTensorsWriter()
        .metadata("k", "v")
        .addFloats("w", new long[] {2, 1}, new float[] {1.5f, -2f})
        .addDoubles("d", new long[] {1}, new double[] {0.1})
        .toByteArray();
    String json = "{\"__metadata__\":{\"k\":\"v\"},"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
        + "\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
    String padded = json + " ".repeat((8 - json.length() % 8) % 8);
    byte[] expected = file(padded, concat(floatsLe(1.5f, -2f),
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).array()));
    assertArrayEquals(expected, written);
    assertEquals(0, (written.length - 16 - 8) % 8, "data starts at a multiple of 8");
  }

  @Test
  void writesWhatTheReaderReadsBack(@TempDir Path folder) throws Exception {
    float[] big = new float[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (float) Math.sin(i);
    }
    Path path = folder.resolve("x.safetensors");
    new SafeTensorsWriter()
        .metadata("name", "ünïcødé ✓")
        .addFloats("big", new long[] {1000, 100}, big)
        .addFloats("empty", new long[] {0}, new float[0])
        .add("raw", DType.U8, new long[] {3}, sink -> sink.putBytes(new byte[] {1, 2, 3}))
        .write(path);
    try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
      assertEquals(Map.of("name", "ünïcødé ✓"), f.metadata());
      assertArrayEquals(big, f.readFloats("big"));
      assertEquals(0, f.readFloats("empty").length);
      assertArrayEquals(new byte[] {1, 2, 3}, f.readBytes("raw"));
    }
    assertEquals(1, Files.list(folder).count(), "no temporary file is left");
  }

  @Test
  void rejectsBadTensors() {
    SafeTensorsWriter writer = new SafeTensorsWriter().addFloats("a", new long[] {1}, new float[1]);
    assertThrows(IllegalArgumentException.class,
        () -> writer.addFloats("a", new long[] {1}, new float[1]));
    assertThrows(IllegalArgumentException.class,
        () -> writer.addFloats("__metadata__", new long[] {1}, new float[1]));
    assertThrows(IllegalArgumentException.class,
        () -> writer.addFloats("b", new long[] {2}, new float[1]));
    assertThrows(IllegalArgumentException.class,
        () -> writer.add("c", DType.F32, new long[] {-1}, sink -> {}));
  }

  @Test
  void refusesToWriteDataOfTheWrongLengthAndKeepsThePreviousFile(@TempDir Path folder)
      throws Exception {
    Path path = folder.resolve("x.safetensors");
    Files.write(path, new byte[] {42});
    SafeTensorsWriter writer = new SafeTensorsWriter()
        .add("a", DType.F32, new long[] {2}, sink -> sink.putFloat(1f));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.write(path));
    assertEquals("the data of tensor a has 4 bytes, but its shape [2] of F32 needs 8",
        e.getMessage());
    assertArrayEquals(new byte[] {42}, Files.readAllBytes(path));
    assertEquals(1, Files.list(folder).count(), "the temporary file is deleted");
  }
}
