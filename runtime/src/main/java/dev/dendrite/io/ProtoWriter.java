package dev.dendrite.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one protocol buffers message in the wire format, field by field, into memory: enough
 * for the few ONNX messages {@link OnnxFiles} writes. A field is its key, the varint {@code
 * (number << 3) | wire type}, then its value: a varint (wire type 0), four little-endian bytes
 * (wire type 5, a float) or a varint length followed by that many bytes (wire type 2: strings,
 * bytes and embedded messages). Repeated fields are written as one field per value, which every
 * parser accepts for packed and unpacked fields alike.
 */
final class ProtoWriter {

  static final int VARINT = 0;
  static final int FIXED32 = 5;
  static final int LENGTH_DELIMITED = 2;

  /** The largest message protocol buffers parsers accept: 2 GiB - 1. */
  static final int MAX_SIZE = Integer.MAX_VALUE;

  private byte[] bytes = new byte[64];
  private int size;

  /** A {@code int64}, {@code int32} or enum field; negative values take ten bytes. */
  ProtoWriter varint(int field, long value) {
    key(field, VARINT);
    rawVarint(value);
    return this;
  }

  /** A {@code float} field. */
  ProtoWriter float32(int field, float value) {
    key(field, FIXED32);
    int bits = Float.floatToRawIntBits(value);
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[size++] = (byte) (bits >>> (8 * i));
    }
    return this;
  }

  /** A {@code string} field, in UTF-8. */
  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code bytes} field. */
  ProtoWriter bytes(int field, byte[] value) {
    key(field, LENGTH_DELIMITED);
    rawVarint(value.length);
    append(value, value.length);
    return this;
  }

  /** An embedded message field. */
  ProtoWriter message(int field, ProtoWriter message) {
    key(field, LENGTH_DELIMITED);
    rawVarint(message.size);
    append(message.bytes, message.size);
    return this;
  }

  /** A {@code bytes} field holding {@code values} as little-endian IEEE 754 floats. */
  ProtoWriter floatsLittleEndian(int field, float[] values) {
    long length = 4L * values.length;
    checkRoom(length + 20);
    key(field, LENGTH_DELIMITED);
    rawVarint(length);
    ensure((int) length);
    ByteBuffer.wrap(bytes, size, (int) length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
        .put(values);
    size += (int) length;
    return this;
  }

  /** The number of bytes written. */
  int size() {
    return size;
  }

  /** A copy of the bytes written. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void key(int field, int wireType) {
    if (field < 1 || field > (1 << 29) - 1) {
      throw new IllegalArgumentException("field number " + field + " outside [1, 2^29 - 1]");
    }
    rawVarint(((long) field << 3) | wireType);
  }

  /** Seven bits a byte, least significant first, the high bit set on every byte but the last. */
  private void rawVarint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  private void append(byte[] source, int length) {
    ensure(length);
    System.arraycopy(source, 0, bytes, size, length);
    size += length;
  }

  private void ensure(int more) {
    checkRoom(more);
    if (size + more > bytes.length) {
      long grown = Math.max((long) bytes.length * 2, (long) size + more);
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, MAX_SIZE - 8));
    }
  }

  private void checkRoom(long more) {
    if (size + more > MAX_SIZE - 8) {
      throw new IllegalStateException("the message would exceed 2 GiB, the largest protocol"
          + " buffers message");
    }
  }
}
