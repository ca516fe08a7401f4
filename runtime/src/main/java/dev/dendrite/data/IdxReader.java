package dev.dendrite.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised by
 * the gzip magic number, whatever the file name).
 *
 * <p>The format: two zero bytes; a type code ({@link IdxType}); the number of dimensions {@code
 * d >= 1}; {@code d} big-endian 32-bit dimensions; then the elements, big-endian, row-major. Any
 * deviation is an {@link IdxFormatException} naming the file and the problem: a non-zero first
 * byte pair, an unknown type code, no dimensions, a dimension of 2^31 or more, a zero dimension
 * after the first (empty samples; the sample count itself may be zero), data of more than
 * {@value #MAX_DATA_BYTES} bytes, a file that ends before its data does, bytes after the data, or
 * invalid gzip data. Memory grows with the data actually read, not with what the header claims.
 */
public final class IdxReader {

  /** The largest data this reader holds: the largest Java array. */
  public static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads {@code file}. */
  public static IdxFile read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    }
  }

  /**
   * Reads an IDX file held in memory.
   *
   * @param source a name for the bytes, used in messages
   */
  public static IdxFile read(String source, byte[] content) throws IdxFormatException {
    try {
      return read(source, new ByteArrayInputStream(content));
    } catch (IdxFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
  }

  /**
   * Reads an IDX file from {@code in}, which is read to its end and not closed.
   *
   * @param source a name for the stream, used in messages
   */
  public static IdxFile read(String source, InputStream in) throws IOException {
    try {
      return parse(source, Compression.decompressed(in));
    } catch (ZipException | EOFException e) {
      // GZIPInputStream reports corrupt or cut compressed data this way.
      throw new IdxFormatException(source, "invalid or truncated gzip data: " + e.getMessage(), e);
    }
  }

  private static IdxFile parse(String source, InputStream in) throws IOException {
    byte[] magic = new byte[4];
    int got = in.readNBytes(magic, 0, 4);
    if (got < 4) {
      throw new IdxFormatException(source, "the file has " + got
          + " bytes, fewer than the 4 of the magic number; it is truncated or not IDX");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(source, String.format(
          "not an IDX file: it must start with two zero bytes, found 0x%02x 0x%02x",
          magic[0] & 0xff, magic[1] & 0xff));
    }
    IdxType type = IdxType.byCode(magic[2] & 0xff);
    if (type == null) {
      throw new IdxFormatException(source, String.format(
          "unknown element type 0x%02x; IDX defines 0x08 (unsigned byte), 0x09 (signed byte),"
              + " 0x0B (short), 0x0C (int), 0x0D (float) and 0x0E (double)", magic[2] & 0xff));
    }
    int rank = magic[3] & 0xff;
    if (rank == 0) {
      throw new IdxFormatException(source, "the file declares no dimensions");
    }
    byte[] dimensionBytes = new byte[4 * rank];
    got = in.readNBytes(dimensionBytes, 0, dimensionBytes.length);
    if (got < dimensionBytes.length) {
      throw new IdxFormatException(source, "the file ends inside its " + rank
          + " dimensions; it is truncated");
    }
    int[] dimensions = new int[rank];
    for (int i = 0; i < rank; i++) {
      long d = ((dimensionBytes[4 * i] & 0xffL) << 24) | ((dimensionBytes[4 * i + 1] & 0xff) << 16)
          | ((dimensionBytes[4 * i + 2] & 0xff) << 8) | (dimensionBytes[4 * i + 3] & 0xff);
      if (d > Integer.MAX_VALUE) {
        throw new IdxFormatException(source, "dimension " + i + " is " + d + ", too large");
      }
      if (d == 0 && i > 0) {
        // Empty samples hold nothing to learn from, and a count of them would cost an array each.
        throw new IdxFormatException(source, "dimension " + i + " is 0: samples would have no"
            + " elements");
      }
      dimensions[i] = (int) d;
    }
    // The sample size is checked on its own too, so that it fits an int even with no samples.
    long sampleBytes = type.size();
    for (int i = 1; i < rank; i++) {
      sampleBytes = checkSize(source, sampleBytes * dimensions[i], dimensions, type);
    }
    long bytes = checkSize(source, sampleBytes * dimensions[0], dimensions, type);
    byte[] data = readExactly(source, in, (int) bytes, dimensions, type);
    if (in.read() >= 0) {
      throw new IdxFormatException(source, "the file has bytes after the " + bytes
          + " bytes of data that dimensions " + Arrays.toString(dimensions) + " of " + type
          + " declare");
    }
    return new IdxFile(type, dimensions, data);
  }

  /** Reads {@code length} bytes, growing the buffer as data arrives. */
  private static byte[] readExactly(
      String source, InputStream in, int length, int[] dimensions, IdxType type)
      throws IOException {
    byte[] data = new byte[Math.min(length, 1 << 16)];
    int filled = 0;
    while (filled < length) {
      if (filled == data.length) {
        data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
      }
      int n = in.read(data, filled, data.length - filled);
      if (n < 0) {
        throw new IdxFormatException(source, "the file is truncated: dimensions "
            + Arrays.toString(dimensions) + " of " + type + " declare " + length
            + " bytes of data, but only " + filled + " follow");
      }
      filled += n;
    }
    return data;
  }

  private static long checkSize(String source, long bytes, int[] dimensions, IdxType type)
      throws IdxFormatException {
    if (bytes > MAX_DATA_BYTES) {
      throw new IdxFormatException(source, "dimensions " + Arrays.toString(dimensions) + " of "
          + type + " need more than " + MAX_DATA_BYTES + " bytes, more than this reader holds");
    }
    return bytes;
  }
}
