package dev.dendrite.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file opened for reading, its header checked.
 *
 * <p>The format: 8 bytes, an unsigned little-endian 64-bit header length {@code N}; {@code N}
 * bytes of UTF-8 JSON, an object that maps each tensor name to {@code {"dtype": ..., "shape":
 * [...], "data_offsets": [begin, end]}} and may hold a {@code "__metadata__"} object of string
 * values; then the data buffer, where each tensor's elements lie row-major and little-endian
 * between its offsets, which count from the start of the buffer.
 *
 * <p>{@link #open} reads and checks the whole header before it returns; any problem is a {@link
 * SafeTensorsFormatException} naming the file and the problem: a file shorter than 8 bytes, a
 * header length of less than 2, above {@value #MAX_HEADER_LENGTH} bytes or past the end of the
 * file; a header that is not one JSON object of the shape above (a duplicate key, a missing or
 * unknown field, a shape or offset that is not a non-negative integer, content after the object);
 * an unknown dtype; offsets whose length differs from the shape's byte count; tensors that
 * overlap, leave a gap between them, start past 0 or end past the data; a data buffer longer
 * than its tensors, or shorter (a truncated file). Tensor data is read on request, with no other
 * copy of the file in memory, so files larger than 2 GiB open as well.
 *
 * <p>A file opened from a path keeps it open until {@link #close()}. Not safe for use by several
 * threads at once.
 */
public final class SafeTensorsFile implements Closeable {

  /** The largest header this reader accepts, 100 MB, as the reference implementation does. */
  public static final long MAX_HEADER_LENGTH = 100_000_000L;

  /** The header key of the free-form string map. */
  public static final String METADATA_KEY = "__metadata__";

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // A string may be as long as the header may be (Jackson's default stops at 20 MB).
      .streamReadConstraints(
          StreamReadConstraints.builder().maxStringLength((int) MAX_HEADER_LENGTH).build())
      .build();

  private static final int CHUNK = 1 << 16;

  private final ByteSource bytes;
  private final long dataStart;
  private final Map<String, String> metadata;
  private final Map<String, TensorInfo> tensors;

  private SafeTensorsFile(
      ByteSource bytes, long dataStart, Map<String, String> metadata,
      Map<String, TensorInfo> tensors) {
    this.bytes = bytes;
    this.dataStart = dataStart;
    this.metadata = metadata;
    this.tensors = tensors;
  }

  /**
   * Opens {@code file} and checks its header and layout.
   *
   * @throws SafeTensorsFormatException if the file breaks the format
   * @throws IOException if the file cannot be read
   */
  public static SafeTensorsFile open(Path file) throws IOException {
    ByteSource source = ByteSource.open(file);
    try {
      return read(source);
    } catch (IOException | RuntimeException | Error e) {
      source.close();
      throw e;
    }
  }

  /**
   * Reads a safetensors file held in memory.
   *
   * @param source a name for the bytes, used in messages
   * @param content the whole file; not copied, so it must not change while this object is used
   * @throws SafeTensorsFormatException if the bytes break the format
   */
  public static SafeTensorsFile of(String source, byte[] content)
      throws SafeTensorsFormatException {
    try {
      return read(ByteSource.of(source, content));
    } catch (SafeTensorsFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
  }

  /** The file's path, or the name given to bytes in memory. */
  public String source() {
    return bytes.name();
  }

  /** The {@code __metadata__} map, empty if the header has none. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The tensors in the order of their data offsets. */
  public List<TensorInfo> tensors() {
    return List.copyOf(tensors.values());
  }

  /** The names of the tensors in the order of their data offsets. */
  public List<String> names() {
    return List.copyOf(tensors.keySet());
  }

  /** The tensor named {@code name}, or null if there is none. */
  public TensorInfo tensor(String name) {
    return tensors.get(name);
  }

  /**
   * The values of tensor {@code name}, row-major, converted to float: F32 as stored, F16 and BF16
   * exactly, F64 rounded to the nearest float.
   *
   * @throws IllegalArgumentException if there is no such tensor
   * @throws IncompatibleModelFileException if its dtype is not a floating-point one or it has more
   *     elements than a Java array holds
   * @throws SafeTensorsFormatException if the file ends early (it changed since it was opened)
   */
  public float[] readFloats(String name) throws IOException {
    TensorInfo info = require(name);
    float[] out = new float[elementArrayLength(info)];
    DType dtype = info.dtype();
    readChunks(info, (chunk, at, n) -> {
      switch (dtype) {
        case F32 -> chunk.asFloatBuffer().get(out, at, n);
        case F64 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = (float) chunk.getDouble(8 * i);
          }
        }
        case F16 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = Half.toFloat(chunk.getShort(2 * i));
          }
        }
        case BF16 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = Float.intBitsToFloat(chunk.getShort(2 * i) << 16);
          }
        }
        default -> throw new AssertionError(dtype);
      }
    });
    return out;
  }

  /**
   * The values of tensor {@code name}, row-major, converted to double; every floating-point dtype
   * converts exactly.
   *
   * @throws IllegalArgumentException if there is no such tensor
   * @throws IncompatibleModelFileException if its dtype is not a floating-point one or it has more
   *     elements than a Java array holds
   * @throws SafeTensorsFormatException if the file ends early (it changed since it was opened)
   */
  public double[] readDoubles(String name) throws IOException {
    TensorInfo info = require(name);
    double[] out = new double[elementArrayLength(info)];
    DType dtype = info.dtype();
    readChunks(info, (chunk, at, n) -> {
      switch (dtype) {
        case F64 -> chunk.asDoubleBuffer().get(out, at, n);
        case F32 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = chunk.getFloat(4 * i);
          }
        }
        case F16 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = Half.toFloat(chunk.getShort(2 * i));
          }
        }
        case BF16 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = Float.intBitsToFloat(chunk.getShort(2 * i) << 16);
          }
        }
        default -> throw new AssertionError(dtype);
      }
    });
    return out;
  }

  /**
   * The stored bytes of tensor {@code name}, little-endian as in the file, whatever its dtype.
   *
   * @throws IllegalArgumentException if there is no such tensor
   * @throws IncompatibleModelFileException if it has more bytes than a Java array holds
   * @throws SafeTensorsFormatException if the file ends early (it changed since it was opened)
   */
  public byte[] readBytes(String name) throws IOException {
    TensorInfo info = require(name);
    if (info.byteCount() > Integer.MAX_VALUE - 8) {
      throw new IncompatibleModelFileException(source(), "tensor \"" + name + "\" has "
          + info.byteCount() + " bytes, more than a Java array holds");
    }
    byte[] out = new byte[(int) info.byteCount()];
    readAt(dataStart + info.begin(), ByteBuffer.wrap(out));
    return out;
  }

  @Override
  public void close() throws IOException {
    bytes.close();
  }

  @Override
  public String toString() {
    return "SafeTensorsFile(" + source() + ", " + tensors.size() + " tensors)";
  }

  // ---------------------------------------------------------------------------------------------
  // Reading values

  /** Receives the elements {@code [at, at + n)} of a tensor, little-endian from position 0. */
  @FunctionalInterface
  private interface ChunkReader {
    void read(ByteBuffer chunk, int at, int n);
  }

  private TensorInfo require(String name) {
    TensorInfo info = tensors.get(name);
    if (info == null) {
      throw new IllegalArgumentException(source() + " has no tensor \"" + name + "\"");
    }
    return info;
  }

  private int elementArrayLength(TensorInfo info) throws IncompatibleModelFileException {
    if (!info.dtype().isFloatingPoint()) {
      throw new IncompatibleModelFileException(source(), "tensor \"" + info.name()
          + "\" has dtype " + info.dtype() + "; only " + DType.floatingPointNames()
          + " convert to floating-point values");
    }
    long count = info.elementCount();
    if (count > Integer.MAX_VALUE - 8) {
      throw new IncompatibleModelFileException(source(), "tensor \"" + info.name() + "\" has "
          + count + " elements, more than a Java array holds");
    }
    return (int) count;
  }

  private void readChunks(TensorInfo info, ChunkReader reader) throws IOException {
    int size = info.dtype().size();
    int count = (int) info.elementCount();
    int perChunk = CHUNK / size;
    ByteBuffer chunk = ByteBuffer.allocate(perChunk * size).order(ByteOrder.LITTLE_ENDIAN);
    long position = dataStart + info.begin();
    for (int done = 0; done < count; ) {
      int n = Math.min(perChunk, count - done);
      chunk.clear().limit(n * size);
      readAt(position, chunk);
      chunk.flip();
      reader.read(chunk, done, n);
      position += (long) n * size;
      done += n;
    }
  }

  private void readAt(long position, ByteBuffer target) throws IOException {
    if (!bytes.read(position, target)) {
      throw new SafeTensorsFormatException(source(),
          "the file ends before byte " + (position + target.limit())
              + "; it was shortened after it was opened");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The header

  private static SafeTensorsFile read(ByteSource source) throws IOException {
    String name = source.name();
    long size = source.size();
    if (size < 8) {
      throw new SafeTensorsFormatException(name, "the file has " + size
          + " bytes, fewer than the 8 of the header length; it is truncated or not safetensors");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    if (!source.read(0, lengthBytes)) {
      throw new SafeTensorsFormatException(name, "the file ends inside the header length");
    }
    long headerLength = lengthBytes.getLong(0);
    if (headerLength < 0 || headerLength > MAX_HEADER_LENGTH) {
      throw new SafeTensorsFormatException(name, "header length "
          + Long.toUnsignedString(headerLength) + " is out of bounds (at most "
          + MAX_HEADER_LENGTH + " bytes); the file is not safetensors or is corrupt");
    }
    if (headerLength < 2) {
      throw new SafeTensorsFormatException(name, "header length " + headerLength
          + " is too small for a JSON object");
    }
    if (headerLength > size - 8) {
      throw new SafeTensorsFormatException(name, "header length " + headerLength
          + " runs past the end of the file, which has " + (size - 8)
          + " bytes after the length; the file is truncated or not safetensors");
    }
    byte[] header = new byte[(int) headerLength];
    if (!source.read(8, ByteBuffer.wrap(header))) {
      throw new SafeTensorsFormatException(name, "the file ends inside the header");
    }
    if (header[0] != '{') {
      throw new SafeTensorsFormatException(name,
          "the header does not start with '{' (byte 8 is 0x"
              + Integer.toHexString(header[0] & 0xff) + ")");
    }
    Header parsed = parseHeader(name, header);
    long dataLength = size - 8 - headerLength;
    Map<String, TensorInfo> ordered = checkLayout(name, parsed.tensors, dataLength);
    return new SafeTensorsFile(
        source, 8 + headerLength, Collections.unmodifiableMap(parsed.metadata),
        Collections.unmodifiableMap(ordered));
  }

  private record Header(Map<String, String> metadata, List<TensorInfo> tensors) {}

  private static Header parseHeader(String name, byte[] header)
      throws SafeTensorsFormatException {
    // Decoded here, strictly, because Jackson would guess UTF-16 or UTF-32 from zero bytes.
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(header))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SafeTensorsFormatException(name, "the header is not valid UTF-8", e);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<TensorInfo> tensors = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(text)) {
      expect(name, parser, JsonToken.START_OBJECT, "the header");
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        // Inside an object Jackson yields only FIELD_NAME or END_OBJECT.
        String key = parser.currentName();
        if (key.equals(METADATA_KEY)) {
          readMetadata(name, parser, metadata);
        } else {
          tensors.add(readTensor(name, parser, key));
        }
      }
      if (parser.nextToken() != null) {
        throw new SafeTensorsFormatException(name,
            "the header has content after its JSON object (only spaces may follow it)");
      }
    } catch (JsonProcessingException e) {
      throw new SafeTensorsFormatException(name, "the header is not valid JSON: "
          + e.getOriginalMessage(), e);
    } catch (SafeTensorsFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new SafeTensorsFormatException(name, "the header is not valid JSON: "
          + e.getMessage(), e);
    }
    return new Header(metadata, tensors);
  }

  private static void readMetadata(String name, JsonParser parser, Map<String, String> metadata)
      throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new SafeTensorsFormatException(name,
          "\"" + METADATA_KEY + "\" must be an object of strings, found " + describe(token));
    }
    for (token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value != JsonToken.VALUE_STRING) {
        throw new SafeTensorsFormatException(name, "\"" + METADATA_KEY + "\" entry \""
            + key + "\" must be a string, found " + describe(value));
      }
      metadata.put(key, parser.getText());
    }
  }

  private static TensorInfo readTensor(String name, JsonParser parser, String tensor)
      throws IOException {
    String what = "tensor \"" + tensor + "\"";
    JsonToken token = parser.nextToken();
    if (token != JsonToken.START_OBJECT) {
      throw new SafeTensorsFormatException(name,
          what + " must be an object with dtype, shape and data_offsets, found "
              + describe(token));
    }
    String dtypeName = null;
    long[] shape = null;
    long[] offsets = null;
    for (token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String field = parser.currentName();
      switch (field) {
        case "dtype" -> {
          JsonToken value = parser.nextToken();
          if (value != JsonToken.VALUE_STRING) {
            throw new SafeTensorsFormatException(name,
                what + ": dtype must be a string, found " + describe(value));
          }
          dtypeName = parser.getText();
        }
        case "shape" -> shape = readIntegers(name, parser, what + ": shape");
        case "data_offsets" -> offsets = readIntegers(name, parser, what + ": data_offsets");
        default -> throw new SafeTensorsFormatException(name,
            what + " has an unknown field \"" + field
                + "\"; expected dtype, shape and data_offsets");
      }
    }
    if (dtypeName == null || shape == null || offsets == null) {
      throw new SafeTensorsFormatException(name, what + " lacks "
          + (dtypeName == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
    }
    DType dtype = DType.byName(dtypeName);
    if (dtype == null) {
      throw new SafeTensorsFormatException(name, what + " has an unknown dtype \""
          + dtypeName + "\"; known: " + Arrays.toString(DType.values()));
    }
    if (offsets.length != 2) {
      throw new SafeTensorsFormatException(name,
          what + ": data_offsets must be [begin, end], found " + offsets.length + " numbers");
    }
    if (offsets[0] > offsets[1]) {
      throw new SafeTensorsFormatException(name, what + ": data_offsets [" + offsets[0] + ", "
          + offsets[1] + "] end before they begin");
    }
    long expected;
    try {
      long count = 1;
      for (long d : shape) {
        count = Math.multiplyExact(count, d);
      }
      expected = Math.multiplyExact(count, (long) dtype.size());
    } catch (ArithmeticException e) {
      throw new SafeTensorsFormatException(name,
          what + ": shape " + Arrays.toString(shape) + " has too many elements");
    }
    long actual = offsets[1] - offsets[0];
    if (actual != expected) {
      throw new SafeTensorsFormatException(name, what + ": shape " + Arrays.toString(shape)
          + " of " + dtype + " needs " + expected + " bytes but data_offsets [" + offsets[0]
          + ", " + offsets[1] + "] hold " + actual);
    }
    return new TensorInfo(tensor, dtype, shape, offsets[0], offsets[1]);
  }

  private static long[] readIntegers(String name, JsonParser parser, String what)
      throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.START_ARRAY) {
      throw new SafeTensorsFormatException(name,
          what + " must be an array of integers, found " + describe(token));
    }
    long[] values = new long[4];
    int count = 0;
    for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        throw new SafeTensorsFormatException(name,
            what + " must hold only integers, found " + describe(token));
      }
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw new SafeTensorsFormatException(name,
            what + " holds " + parser.getText() + ", which is too large");
      }
      long value = parser.getLongValue();
      if (value < 0) {
        throw new SafeTensorsFormatException(name,
            what + " holds " + value + "; it must not be negative");
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = value;
    }
    return Arrays.copyOf(values, count);
  }

  private static void expect(String name, JsonParser parser, JsonToken token, String what)
      throws IOException {
    JsonToken actual = parser.nextToken();
    if (actual != token) {
      throw new SafeTensorsFormatException(name,
          what + " must be a JSON object, found " + describe(actual));
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the header";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a non-integer number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  /**
   * Checks that the tensors tile the data buffer: sorted by offsets, the first begins at 0, each
   * begins where the previous ends, and the last ends at the end of the data.
   */
  private static Map<String, TensorInfo> checkLayout(
      String name, List<TensorInfo> tensors, long dataLength) throws SafeTensorsFormatException {
    List<TensorInfo> sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    Map<String, TensorInfo> ordered = new LinkedHashMap<>();
    long covered = 0;
    TensorInfo previous = null;
    for (TensorInfo t : sorted) {
      if (t.end() > dataLength) {
        throw new SafeTensorsFormatException(name, "tensor \"" + t.name() + "\": data_offsets ["
            + t.begin() + ", " + t.end() + ") run past the data, which has " + dataLength
            + " bytes; the file is truncated or its header is wrong");
      }
      if (t.begin() < covered) {
        throw new SafeTensorsFormatException(name, "tensor \"" + t.name() + "\" at ["
            + t.begin() + ", " + t.end() + ") overlaps tensor \"" + previous.name() + "\" at ["
            + previous.begin() + ", " + previous.end() + ")");
      }
      if (t.begin() > covered) {
        throw new SafeTensorsFormatException(name, (previous == null
            ? "the data buffer does not start with a tensor"
            : "tensor \"" + previous.name() + "\" ends at " + covered)
            + " but the next tensor, \"" + t.name() + "\", begins at " + t.begin()
            + ": the tensors do not cover the data");
      }
      covered = t.end();
      previous = t;
      ordered.put(t.name(), t);
    }
    if (covered != dataLength) {
      throw new SafeTensorsFormatException(name, "the tensors cover " + covered
          + " bytes of data but the file has " + dataLength
          + " after the header: the tensors do not cover the data");
    }
    return ordered;
  }
}
