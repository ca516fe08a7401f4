package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  /** An IDX file of type {@code code} with {@code dimensions} and {@code data}. */
  static byte[] idx(int code, int[] dimensions, byte[] data) {
    ByteBuffer out = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    out.put((byte) 0).put((byte) 0).put((byte) code).put((byte) dimensions.length);
    for (int d : dimensions) {
      out.putInt(d);
    }
    return out.put(data).array();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static String problem(byte[] bytes) {
    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> IdxReader.read("bad.idx", bytes));
    assertTrue(e.getMessage().startsWith("bad.idx: "), e.getMessage());
    return e.problem();
  }

  @Test
  void readsImagesAsRowsAndLabels() throws Exception {
    // Two 2x3 "images" of unsigned bytes, as in MNIST's image files.
    byte[] pixels = {0, 1, 2, (byte) 255, (byte) 128, 3, 4, 5, 6, 7, 8, 9};
    IdxFile images = IdxReader.read("images", idx(0x08, new int[] {2, 2, 3}, pixels));
    assertEquals(IdxType.UNSIGNED_BYTE, images.type());
    assertArrayEquals(new int[] {2, 2, 3}, images.dimensions());
    assertEquals(2, images.count());
    assertEquals(6, images.sampleSize());
    assertArrayEquals(new float[][] {{0, 1, 2, 255, 128, 3}, {4, 5, 6, 7, 8, 9}}, images.rows());
    assertEquals(1f, images.rows(1 / 255f)[0][3]);
    IdxFile labels = IdxReader.read("labels", idx(0x08, new int[] {3}, new byte[] {7, 0, 9}));
    assertArrayEquals(new int[] {7, 0, 9}, labels.labels());
    assertThrows(IllegalStateException.class, images::labels);
  }

  @Test
  void readsEveryElementTypeBigEndian() throws Exception {
    assertArrayEquals(new float[][] {{-1, 127}}, IdxReader.read("s",
        idx(0x09, new int[] {1, 2}, new byte[] {-1, 127})).rows());
    assertArrayEquals(new float[][] {{-2, 258}}, IdxReader.read("s",
        idx(0x0B, new int[] {1, 2}, ByteBuffer.allocate(4).putShort((short) -2)
            .putShort((short) 258).array())).rows());
    assertArrayEquals(new int[] {-5, 1 << 20}, IdxReader.read("s", idx(0x0C, new int[] {2},
        ByteBuffer.allocate(8).putInt(-5).putInt(1 << 20).array())).labels());
    assertArrayEquals(new float[][] {{1.5f}, {-0.25f}}, IdxReader.read("s", idx(0x0D,
        new int[] {2, 1}, ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.25f).array())).rows());
    IdxFile doubles = IdxReader.read("s", idx(0x0E, new int[] {1},
        ByteBuffer.allocate(8).putDouble(0.1).array()));
    assertEquals(0.1, doubles.value(0));
    assertThrows(IllegalStateException.class, doubles::labels);
  }

  @Test
  void readsGzipByItsMagicNumber(@TempDir Path folder) throws Exception {
    byte[] plain = idx(0x08, new int[] {2, 2}, new byte[] {1, 2, 3, 4});
    Path path = folder.resolve("any-name.idx");
    Files.write(path, gzip(plain));
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}}, IdxReader.read(path).rows());
    Files.write(path, plain);
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}}, IdxReader.read(path).rows());
  }

  @Test
  void readsALargeFile() throws Exception {
    byte[] pixels = new byte[1000 * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 31);
    }
    IdxFile file = IdxReader.read("big", gzip(idx(0x08, new int[] {1000, 28, 28}, pixels)));
    assertEquals(1000, file.rows().length);
    assertEquals((byte) (999 * 784 * 31 + 783 * 31) & 0xff, (int) file.rows()[999][783]);
  }

  @Test
  void rejectsMalformedHeaders() throws Exception {
    assertEquals("the file has 3 bytes, fewer than the 4 of the magic number; it is truncated or"
        + " not IDX", problem(new byte[] {0, 0, 8}));
    assertEquals("not an IDX file: it must start with two zero bytes, found 0x50 0x4b",
        problem(new byte[] {'P', 'K', 3, 4, 0, 0}));
    assertTrue(problem(idx(0x0A, new int[] {1}, new byte[1]))
        .startsWith("unknown element type 0x0a; IDX defines 0x08"));
    assertEquals("the file declares no dimensions", problem(idx(0x08, new int[0], new byte[1])));
    assertEquals("the file ends inside its 3 dimensions; it is truncated",
        problem(Arrays.copyOf(idx(0x08, new int[] {1, 1, 1}, new byte[1]), 10)));
    assertEquals("dimension 1 is 0: samples would have no elements",
        problem(idx(0x08, new int[] {Integer.MAX_VALUE, 0}, new byte[0])));
    assertEquals(0, IdxReader.read("empty", idx(0x08, new int[] {0, 28, 28}, new byte[0]))
        .rows().length);
    assertEquals("dimension 0 is 4294967295, too large",
        problem(idx(0x08, new int[] {-1}, new byte[0])));
    assertEquals("dimensions [65536, 65536] of UNSIGNED_BYTE need more than 2147483639 bytes,"
        + " more than this reader holds", problem(idx(0x08, new int[] {65536, 65536}, new byte[0])));
    assertEquals("dimensions [0, 65536, 65536] of UNSIGNED_BYTE need more than 2147483639 bytes,"
        + " more than this reader holds",
        problem(idx(0x08, new int[] {0, 65536, 65536}, new byte[0])));
  }

  @Test
  void rejectsTruncatedAndOverlongData(@TempDir Path folder) throws Exception {
    byte[] whole = idx(0x0C, new int[] {2, 2}, new byte[16]);
    assertEquals("the file is truncated: dimensions [2, 2] of INT declare 16 bytes of data, but"
        + " only 15 follow", problem(Arrays.copyOf(whole, whole.length - 1)));
    assertEquals("the file has bytes after the 16 bytes of data that dimensions [2, 2] of INT"
        + " declare", problem(Arrays.copyOf(whole, whole.length + 1)));
    assertEquals("the file is truncated: dimensions [2, 2] of INT declare 16 bytes of data, but"
        + " only 15 follow", problem(gzip(Arrays.copyOf(whole, whole.length - 1))));
    byte[] gz = gzip(whole);
    assertTrue(problem(Arrays.copyOf(gz, gz.length - 12))
        .startsWith("invalid or truncated gzip data"));
    Path path = folder.resolve("cut.idx.gz");
    Files.write(path, Arrays.copyOf(gz, 12));
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(path));
    assertEquals(path.toString(), e.source());
  }
}
