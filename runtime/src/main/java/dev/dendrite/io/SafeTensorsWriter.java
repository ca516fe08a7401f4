package dev.dendrite.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a safetensors file: metadata and tensors are added, then {@link #write(Path)} writes them
 * atomically (see {@link AtomicFiles}).
 *
 * <p>The header lists {@code __metadata__} first (when there is any), then the tensors in the
 * order they were added, which is also the order of their data; it is padded with spaces to a
 * multiple of 8 bytes so that the data starts aligned. Tensor data is written as it is produced,
 * through a small buffer, so a large network is not copied in memory.
 */
public final class SafeTensorsWriter {

  /** Writes the elements of one tensor, row-major, to a sink. */
  @FunctionalInterface
  public interface TensorData {
    /** Writes every element of the tensor, in row-major order. */
    void writeTo(TensorSink sink) throws IOException;
  }

  private record Entry(String name, DType dtype, long[] shape, long byteCount, TensorData data) {}

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  /** Adds or replaces a metadata entry. */
  public SafeTensorsWriter metadata(String key, String value) {
    metadata.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return this;
  }

  /**
   * Adds a tensor whose elements {@code data} writes when the file is written.
   *
   * @throws IllegalArgumentException if the name is taken or reserved, or a dimension is negative
   */
  public SafeTensorsWriter add(String name, DType dtype, long[] shape, TensorData data) {
    requireNonNull(name, "name");
    requireNonNull(dtype, "dtype");
    requireNonNull(data, "data");
    if (name.equals(SafeTensorsFile.METADATA_KEY)) {
      throw new IllegalArgumentException(name + " is reserved for metadata");
    }
    if (!names.add(name)) {
      throw new IllegalArgumentException("tensor " + name + " was already added");
    }
    long count = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "tensor " + name + " has a negative dimension: " + Arrays.toString(shape));
      }
      count = Math.multiplyExact(count, d);
    }
    entries.add(new Entry(name, dtype, shape.clone(),
        Math.multiplyExact(count, (long) dtype.size()), data));
    return this;
  }

  /** Adds an F32 tensor of shape {@code shape} with {@code values} in row-major order. */
  public SafeTensorsWriter addFloats(String name, long[] shape, float[] values) {
    checkCount(name, shape, values.length);
    return add(name, DType.F32, shape, sink -> {
      for (float v : values) {
        sink.putFloat(v);
      }
    });
  }

  /** Adds an F64 tensor of shape {@code shape} with {@code values} in row-major order. */
  public SafeTensorsWriter addDoubles(String name, long[] shape, double[] values) {
    checkCount(name, shape, values.length);
    return add(name, DType.F64, shape, sink -> {
      for (double v : values) {
        sink.putDouble(v);
      }
    });
  }

  /**
   * Writes the file atomically: the previous content of {@code file}, if any, stays in place until
   * the new one is complete and on disk.
   */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, this::writeTo);
  }

  /** Writes the file to {@code channel}. */
  public void writeTo(WritableByteChannel channel) throws IOException {
    byte[] header = header();
    ByteBuffer start = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
    start.putLong(header.length).put(header).flip();
    while (start.hasRemaining()) {
      channel.write(start);
    }
    TensorSink sink = new TensorSink(channel);
    long expected = 0;
    for (Entry entry : entries) {
      entry.data().writeTo(sink);
      expected += entry.byteCount();
      if (sink.count() != expected) {
        throw new IllegalStateException("the data of tensor " + entry.name() + " has "
            + (sink.count() - expected + entry.byteCount()) + " bytes, but its shape "
            + Arrays.toString(entry.shape()) + " of " + entry.dtype() + " needs "
            + entry.byteCount());
      }
    }
    sink.flush();
  }

  /** The whole file in memory. */
  public byte[] toByteArray() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(Channels.newChannel(out));
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  private byte[] header() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      if (!metadata.isEmpty()) {
        json.writeObjectFieldStart(SafeTensorsFile.METADATA_KEY);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
          json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
      }
      long offset = 0;
      for (Entry entry : entries) {
        json.writeObjectFieldStart(entry.name());
        json.writeStringField("dtype", entry.dtype().name());
        json.writeArrayFieldStart("shape");
        for (long d : entry.shape()) {
          json.writeNumber(d);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("data_offsets");
        json.writeNumber(offset);
        json.writeNumber(offset + entry.byteCount());
        json.writeEndArray();
        json.writeEndObject();
        offset += entry.byteCount();
      }
      json.writeEndObject();
    }
    while (out.size() % 8 != 0) {
      out.write(' ');
    }
    return out.toByteArray();
  }

  private static void checkCount(String name, long[] shape, int length) {
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (count != length) {
      throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape)
          + " has " + count + " elements, but " + length + " values were given");
    }
  }

  private static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " is null");
    }
    return value;
  }
}
