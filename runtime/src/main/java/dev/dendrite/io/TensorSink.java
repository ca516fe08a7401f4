package dev.dendrite.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Where {@link SafeTensorsWriter} receives the elements of one tensor, row-major, and writes them
 * little-endian through a small buffer.
 */
public final class TensorSink {

  private final WritableByteChannel channel;
  private final ByteBuffer buffer =
      ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  TensorSink(WritableByteChannel channel) {
    this.channel = channel;
  }

  /** Writes one F32 element. */
  public void putFloat(float value) throws IOException {
    if (buffer.remaining() < Float.BYTES) {
      flush();
    }
    buffer.putFloat(value);
  }

  /** Writes one F64 element. */
  public void putDouble(double value) throws IOException {
    if (buffer.remaining() < Double.BYTES) {
      flush();
    }
    buffer.putDouble(value);
  }

  /** Writes {@code length} F32 elements of {@code values} from {@code offset}. */
  public void putFloats(float[] values, int offset, int length) throws IOException {
    int at = offset;
    int end = offset + length;
    while (at < end) {
      if (buffer.remaining() < Float.BYTES) {
        flush();
      }
      int n = Math.min(end - at, buffer.remaining() / Float.BYTES);
      buffer.asFloatBuffer().put(values, at, n);
      buffer.position(buffer.position() + n * Float.BYTES);
      at += n;
    }
  }

  /** Writes {@code length} F64 elements of {@code values} from {@code offset}. */
  public void putDoubles(double[] values, int offset, int length) throws IOException {
    int at = offset;
    int end = offset + length;
    while (at < end) {
      if (buffer.remaining() < Double.BYTES) {
        flush();
      }
      int n = Math.min(end - at, buffer.remaining() / Double.BYTES);
      buffer.asDoubleBuffer().put(values, at, n);
      buffer.position(buffer.position() + n * Double.BYTES);
      at += n;
    }
  }

  /** Writes bytes as they are, for elements already encoded little-endian. */
  public void putBytes(byte[] bytes) throws IOException {
    for (int at = 0; at < bytes.length; ) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int n = Math.min(buffer.remaining(), bytes.length - at);
      buffer.put(bytes, at, n);
      at += n;
    }
  }

  /** The number of bytes received so far, written or buffered. */
  long count() {
    return written + buffer.position();
  }

  void flush() throws IOException {
    buffer.flip();
    written += buffer.remaining();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }
}
