package dev.dendrite.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against files built byte by byte from the format's description: an unsigned
 * little-endian 64-bit header length, the JSON header, the little-endian data.
 */
class SafeTensorsFileTest {

  /** A file with header {@code json} (as UTF-8) and data {@code data}. */
  static byte[] file(String json, byte[] data) {
    return file(json.getBytes(UTF_8), data);
  }

  static byte[] file(byte[] header, byte[] data) {
    ByteBuffer out = ByteBuffer.allocate(8 + header.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(header.length).put(header).put(data);
    return out.array();
  }

  static byte[] floatsLe(float... values) {
    ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      out.putFloat(v);
    }
    return out.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String problem(byte[] bytes) {
    SafeTensorsFormatException e =
        assertThrows(SafeTensorsFormatException.class, () -> SafeTensorsFile.of("bad.st", bytes));
    assertEquals("bad.st", e.source());
    assertTrue(e.getMessage().startsWith("bad.st: "), e.getMessage());
    return e.problem();
  }

  private static void assertProblem(String expected, byte[] bytes) {
    String problem = problem(bytes);
    assertTrue(problem.contains(expected), "expected \"" + expected + "\" in: " + problem);
  }

  private static final String TWO =
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
          + "\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[16,28]}}";

  @Test
  void readsAHandBuiltFile() throws Exception {
    byte[] bytes = file(
        "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[16,28]},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}",
        floatsLe(1f, 2f, 3f, 4f, -0.5f, 0f, 1e-30f));
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", bytes)) {
      assertEquals(Map.of("format", "pt"), f.metadata());
      assertEquals(List.of("a", "b"), f.names(), "ordered by data offset");
      TensorInfo a = f.tensor("a");
      assertEquals(DType.F32, a.dtype());
      assertArrayEquals(new long[] {2, 2}, a.shape());
      assertEquals(0, a.begin());
      assertEquals(16, a.end());
      assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, f.readFloats("a"));
      assertArrayEquals(new float[] {-0.5f, 0f, 1e-30f}, f.readFloats("b"));
      assertArrayEquals(new double[] {-0.5, 0, (double) 1e-30f}, f.readDoubles("b"));
      assertArrayEquals(floatsLe(-0.5f, 0f, 1e-30f), f.readBytes("b"));
    }
  }

  @Test
  void acceptsSpacePaddingAfterTheHeaderAndEmptyFiles() throws Exception {
    byte[] bytes = file(TWO + "     ", floatsLe(1, 2, 3, 4, 5, 6, 7));
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", bytes)) {
      assertEquals(2, f.tensors().size());
    }
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", file("{}", new byte[0]))) {
      assertTrue(f.tensors().isEmpty());
      assertTrue(f.metadata().isEmpty());
    }
  }

  @Test
  void acceptsMetadataStringsLongerThanJacksonsDefaultLimit() throws Exception {
    String big = "x".repeat(21_000_000);
    byte[] bytes = file("{\"__metadata__\":{\"k\":\"" + big + "\"}}", new byte[0]);
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", bytes)) {
      assertEquals(big.length(), f.metadata().get("k").length());
    }
  }

  @Test
  void acceptsScalarsAndEmptyTensors() throws Exception {
    byte[] bytes = file(
        "{\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]},"
            + "\"e\":{\"dtype\":\"F32\",\"shape\":[0,5],\"data_offsets\":[8,8]}}",
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(2.5).array());
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", bytes)) {
      assertArrayEquals(new double[] {2.5}, f.readDoubles("s"));
      assertEquals(0, f.readFloats("e").length);
    }
  }

  @Test
  void convertsHalfAndBfloat16Exactly() throws Exception {
    short[] half = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, 0x03FF, 0x7C00, (short) 0xFC00,
        (short) 0x8000, 0x3555};
    float[] halfValues = {1f, -2f, 65504f, 0x1p-24f, 1023 * 0x1p-24f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, -0f, 0.33325195f};
    short[] bf16 = {0x3F80, 0x4049, (short) 0xBF00, 0x7F80};
    float[] bf16Values = {1f, 3.140625f, -0.5f, Float.POSITIVE_INFINITY};
    ByteBuffer data = ByteBuffer.allocate(2 * (half.length + bf16.length + 1))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (short h : half) {
      data.putShort(h);
    }
    for (short b : bf16) {
      data.putShort(b);
    }
    data.putShort((short) 0x7E00); // a half NaN
    int h = 2 * half.length;
    int b = h + 2 * bf16.length;
    byte[] bytes = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[" + half.length
        + "],\"data_offsets\":[0," + h + "]},\"b\":{\"dtype\":\"BF16\",\"shape\":[" + bf16.length
        + "],\"data_offsets\":[" + h + "," + b + "]},\"n\":{\"dtype\":\"F16\",\"shape\":[1],"
        + "\"data_offsets\":[" + b + "," + (b + 2) + "]}}", data.array());
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", bytes)) {
      float[] readHalf = f.readFloats("h");
      for (int i = 0; i < half.length; i++) {
        assertEquals(Float.floatToIntBits(halfValues[i]), Float.floatToIntBits(readHalf[i]),
            "half 0x" + Integer.toHexString(half[i] & 0xffff));
      }
      assertArrayEquals(bf16Values, f.readFloats("b"));
      assertTrue(Float.isNaN(f.readFloats("n")[0]));
    }
  }

  @Test
  void integerDtypesAreReadableAsBytesButNotAsValues() throws Exception {
    byte[] bytes = file("{\"i\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
        new byte[] {1, 0, 0, 0, -1, -1, -1, -1});
    try (SafeTensorsFile f = SafeTensorsFile.of("mem", bytes)) {
      assertArrayEquals(new byte[] {1, 0, 0, 0, -1, -1, -1, -1}, f.readBytes("i"));
      IncompatibleModelFileException e =
          assertThrows(IncompatibleModelFileException.class, () -> f.readFloats("i"));
      assertEquals("mem: tensor \"i\" has dtype I32; only F16, BF16, F32, F64 convert to"
          + " floating-point values", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> f.readFloats("nothing"));
    }
  }

  @Test
  void rejectsHeaderLengthsOutOfBounds() {
    assertProblem("has 5 bytes, fewer than the 8", new byte[5]);
    byte[] huge = file("{}", new byte[0]);
    Arrays.fill(huge, 0, 8, (byte) 0xff);
    assertProblem("header length 18446744073709551615 is out of bounds", huge);
    byte[] tooLong = file("{}", new byte[0]);
    tooLong[0] = 100;
    assertProblem("header length 100 runs past the end of the file, which has 2 bytes", tooLong);
    assertProblem("header length 100000001 is out of bounds",
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001).array());
    assertProblem("header length 0 is too small", new byte[8]);
  }

  @Test
  void rejectsHeadersThatAreNotTheExpectedJson() {
    assertProblem("does not start with '{' (byte 8 is 0x5b)", file("[]", new byte[0]));
    assertProblem("the header is not valid JSON", file("{\"a\":}", new byte[0]));
    assertProblem("the header is not valid JSON", file("{\"a\":{", new byte[0]));
    assertProblem("the header is not valid UTF-8",
        file(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, new byte[0]));
    assertProblem("the header has content after its JSON object", file("{} {}", new byte[0]));
    assertProblem("the header is not valid JSON", file("{}\0\0", new byte[0]));
    assertProblem("Duplicate field 'a'", file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[4,8]}}", new byte[8]));
    assertProblem("tensor \"a\" must be an object with dtype, shape and data_offsets, found an"
        + " array", file("{\"a\":[]}", new byte[0]));
    assertProblem("\"__metadata__\" entry \"k\" must be a string, found an integer",
        file("{\"__metadata__\":{\"k\":1}}", new byte[0]));
    assertProblem("\"__metadata__\" must be an object of strings, found a string",
        file("{\"__metadata__\":\"x\"}", new byte[0]));
  }

  @Test
  void rejectsMalformedTensorEntries() {
    assertProblem("tensor \"a\" has an unknown dtype \"F33\"",
        file("{\"a\":{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]));
    assertProblem("tensor \"a\" lacks shape",
        file("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4]));
    assertProblem("tensor \"a\" lacks data_offsets",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[4]));
    assertProblem("tensor \"a\" has an unknown field \"strides\"", file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"strides\":[1]}}",
        new byte[4]));
    assertProblem("tensor \"a\": shape holds -1; it must not be negative",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4]));
    assertProblem("tensor \"a\": shape must hold only integers, found a non-integer number",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", new byte[4]));
    assertProblem("tensor \"a\": shape holds 99999999999999999999, which is too large", file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}}",
        new byte[4]));
    assertProblem("tensor \"a\": shape [4294967296, 4294967296] has too many elements", file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}",
        new byte[4]));
    assertProblem("tensor \"a\": dtype must be a string, found an integer",
        file("{\"a\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]));
    assertProblem("tensor \"a\": data_offsets must be [begin, end], found 3 numbers",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", new byte[4]));
    assertProblem("tensor \"a\": data_offsets [4, 0] end before they begin",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", new byte[4]));
    assertProblem("tensor \"a\": shape [2, 2] of F32 needs 16 bytes but data_offsets [0, 12]"
        + " hold 12",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", new byte[12]));
  }

  @Test
  void rejectsOffsetsThatDoNotTileTheData() {
    assertProblem("tensor \"b\": data_offsets [16, 28) run past the data, which has 24 bytes",
        file(TWO, new byte[24]));
    assertProblem("tensor \"b\" at [12, 24) overlaps tensor \"a\" at [0, 16)", file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[12,24]}}", new byte[24]));
    assertProblem("tensor \"a\" ends at 16 but the next tensor, \"b\", begins at 20: the tensors"
        + " do not cover the data", file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[20,32]}}", new byte[32]));
    assertProblem("the data buffer does not start with a tensor but the next tensor, \"a\","
        + " begins at 4",
        file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]));
    assertProblem("the tensors cover 28 bytes of data but the file has 30 after the header",
        file(TWO, new byte[30]));
    assertProblem("the tensors cover 0 bytes of data but the file has 1",
        file("{}", new byte[1]));
  }

  @Test
  void reportsATruncatedFileWithItsPath(@TempDir Path folder) throws Exception {
    byte[] whole = file(TWO, floatsLe(1, 2, 3, 4, 5, 6, 7));
    Path path = folder.resolve("model.safetensors");
    for (int cut : new int[] {1, 12, whole.length - 8 - TWO.length(), whole.length - 4}) {
      Files.write(path, Arrays.copyOf(whole, cut));
      SafeTensorsFormatException e =
          assertThrows(SafeTensorsFormatException.class, () -> SafeTensorsFile.open(path));
      assertEquals(path.toString(), e.source());
      assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
      assertTrue(e.problem().contains("truncated"), e.problem());
    }
    Files.write(path, whole);
    try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
      assertArrayEquals(new float[] {5, 6, 7}, f.readFloats("b"));
    }
  }

  @Test
  void reportsAFileShortenedAfterItWasOpened(@TempDir Path folder) throws Exception {
    Path path = folder.resolve("model.safetensors");
    Files.write(path, file(TWO, floatsLe(1, 2, 3, 4, 5, 6, 7)));
    try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
      try (var channel = java.nio.channels.FileChannel.open(path,
          java.nio.file.StandardOpenOption.WRITE)) {
        channel.truncate(8 + TWO.length() + 20);
      }
      assertArrayEquals(new float[] {1, 2, 3, 4}, f.readFloats("a"));
      SafeTensorsFormatException e =
          assertThrows(SafeTensorsFormatException.class, () -> f.readFloats("b"));
      assertTrue(e.getMessage().startsWith(path + ": the file ends before byte"), e.getMessage());
    }
  }
}
