package dev.dendrite.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one protocol buffers message into its fields, for the tests of {@link ProtoWriter} and
 * {@link OnnxFiles}: written from the wire format's definition, independently of the writer.
 * Fails on a truncated message, an over-long varint or a wire type the writer never uses.
 */
final class ProtoReader {

  /** One field: its number, wire type and value (a {@code Long}, {@code Integer} bits or bytes). */
  record Field(int number, int wireType, Object value) {}

  private final List<Field> fields = new ArrayList<>();

  ProtoReader(byte[] bytes) {
    int[] at = {0};
    while (at[0] < bytes.length) {
      long key = varint(bytes, at);
      int number = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      if (number < 1) {
        throw new IllegalArgumentException("field number " + number);
      }
      switch (wireType) {
        case 0 -> fields.add(new Field(number, 0, varint(bytes, at)));
        case 5 -> {
          need(bytes, at[0], 4);
          int bits = 0;
          for (int i = 0; i < 4; i++) {
            bits |= (bytes[at[0] + i] & 0xFF) << (8 * i);
          }
          at[0] += 4;
          fields.add(new Field(number, 5, bits));
        }
        case 2 -> {
          long length = varint(bytes, at);
          if (length < 0 || length > bytes.length - at[0]) {
            throw new IllegalArgumentException("length " + length + " at byte " + at[0]
                + " runs past the end (" + bytes.length + ")");
          }
          fields.add(new Field(number, 2,
              Arrays.copyOfRange(bytes, at[0], at[0] + (int) length)));
          at[0] += (int) length;
        }
        default -> throw new IllegalArgumentException("wire type " + wireType);
      }
    }
  }

  /** Reads a varint at {@code at[0]} and moves past it. */
  static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      need(bytes, at[0], 1);
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes");
  }

  private static void need(byte[] bytes, int at, int count) {
    if (at + count > bytes.length) {
      throw new IllegalArgumentException("truncated at byte " + at);
    }
  }

  List<Field> fields() {
    return fields;
  }

  List<Field> all(int number) {
    return fields.stream().filter(f -> f.number() == number).toList();
  }

  private Field one(int number, int wireType) {
    List<Field> found = all(number);
    if (found.size() != 1) {
      throw new AssertionError("field " + number + " occurs " + found.size() + " times");
    }
    if (found.get(0).wireType() != wireType) {
      throw new AssertionError("field " + number + " has wire type " + found.get(0).wireType());
    }
    return found.get(0);
  }

  boolean has(int number) {
    return !all(number).isEmpty();
  }

  long varint(int number) {
    return (Long) one(number, 0).value();
  }

  float float32(int number) {
    return Float.intBitsToFloat((Integer) one(number, 5).value());
  }

  byte[] bytes(int number) {
    return (byte[]) one(number, 2).value();
  }

  String string(int number) {
    return new String(bytes(number), StandardCharsets.UTF_8);
  }

  ProtoReader message(int number) {
    return new ProtoReader(bytes(number));
  }

  List<ProtoReader> messages(int number) {
    return all(number).stream().map(f -> new ProtoReader((byte[]) f.value())).toList();
  }

  List<String> strings(int number) {
    return all(number).stream()
        .map(f -> new String((byte[]) f.value(), StandardCharsets.UTF_8)).toList();
  }

  List<Long> varints(int number) {
    return all(number).stream().map(f -> (Long) f.value()).toList();
  }
}
