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
