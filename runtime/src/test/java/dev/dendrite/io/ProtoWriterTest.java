package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoWriterTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void writesTheWireFormatByteForByte() {
    // Field 1 = 150: key 0x08, then 150 in two seven-bit groups, low first.
    assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtoWriter().varint(1, 150).toByteArray());
    // Field 2 = "testing": key 0x12, length 7, the UTF-8 bytes.
    assertArrayEquals(bytes(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'),
        new ProtoWriter().string(2, "testing").toByteArray());
    // Field 3 = 1.0f: key 0x1D (wire type 5), 0x3F800000 little-endian.
    assertArrayEquals(bytes(0x1D, 0x00, 0x00, 0x80, 0x3F),
        new ProtoWriter().float32(3, 1f).toByteArray());
    // Field 20 = 2: a key of two bytes (20 << 3 = 160).
    assertArrayEquals(bytes(0xA0, 0x01, 0x02), new ProtoWriter().varint(20, 2).toByteArray());
    // -1 as int64: ten bytes, all 64 bits set.
    assertArrayEquals(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
        new ProtoWriter().varint(1, -1).toByteArray());
  }

  @Test
  void varintsRoundTripAtEveryLengthBoundary() {
    long[] values = {0, 1, 127, 128, 255, 300, 16_383, 16_384, 2_097_151, 2_097_152,
        Integer.MAX_VALUE, 1L << 32, (1L << 35) - 1, 1L << 35, (1L << 56) - 1, 1L << 56,
        Long.MAX_VALUE, -1, -2, Integer.MIN_VALUE, Long.MIN_VALUE};
    ProtoWriter writer = new ProtoWriter();
    for (long v : values) {
      writer.varint(7, v);
    }
    List<Long> read = new ProtoReader(writer.toByteArray()).varints(7);
    assertEquals(values.length, read.size());
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], read.get(i), "value " + i);
    }
    // A varint takes one byte per started group of seven bits; negative numbers take ten.
    assertEquals(1 + 1, new ProtoWriter().varint(1, 127).size());
    assertEquals(1 + 2, new ProtoWriter().varint(1, 128).size());
    assertEquals(1 + 3, new ProtoWriter().varint(1, 16_384).size());
    assertEquals(1 + 9, new ProtoWriter().varint(1, Long.MAX_VALUE).size());
    assertEquals(1 + 10, new ProtoWriter().varint(1, Long.MIN_VALUE).size());
  }

  @Test
  void lengthsOfStringsBytesAndMessagesRoundTrip() {
    // 200 bytes need a two-byte length; the string has characters of two and three bytes.
    String text = "Größe €".repeat(20);
    byte[] blob = new byte[200];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) i;
    }
    ProtoWriter inner = new ProtoWriter().string(1, text).varint(2, 5).float32(3, -0.25f);
    ProtoWriter outer = new ProtoWriter()
        .bytes(4, blob)
        .message(5, inner)
        .message(5, new ProtoWriter())
        .string(6, "");
    ProtoReader read = new ProtoReader(outer.toByteArray());
    assertArrayEquals(blob, read.bytes(4));
    List<ProtoReader> messages = read.messages(5);
    assertEquals(2, messages.size());
    assertEquals(text, messages.get(0).string(1));
    assertEquals(5, messages.get(0).varint(2));
    assertEquals(-0.25f, messages.get(0).float32(3));
    assertEquals(0, messages.get(1).fields().size());
    assertEquals("", read.string(6));
    assertEquals(inner.size(), ((byte[]) read.all(5).get(0).value()).length);
  }

  @Test
  void floatsAreLittleEndianRawBytes() {
    float[] values = {1f, -2.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, -0f, 3.1415927f};
    byte[] raw = new ProtoReader(new ProtoWriter().floatsLittleEndian(9, values).toByteArray())
        .bytes(9);
    assertEquals(4 * values.length, raw.length);
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(buffer.getFloat()));
    }
    // 1.0f is 0x3F800000: the least significant byte first.
    assertArrayEquals(bytes(0x00, 0x00, 0x80, 0x3F), Arrays.copyOf(raw, 4));
  }

  @Test
  void aLargeMessageGrowsItsBuffer() {
    float[] values = new float[300_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    ProtoWriter tensor = new ProtoWriter().string(8, "w").floatsLittleEndian(9, values);
    ProtoReader read = new ProtoReader(new ProtoWriter().message(5, tensor).toByteArray())
        .message(5);
    assertEquals("w", read.string(8));
    ByteBuffer raw = ByteBuffer.wrap(read.bytes(9)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, raw.getFloat(), "value " + i);
    }
  }

  @Test
  void refusesFieldNumbersOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> new ProtoWriter().varint(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ProtoWriter().varint(1 << 29, 1));
  }
}
