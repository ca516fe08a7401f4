package dev.dendrite.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types of the safetensors format, by the names its header uses. Every type here is
 * understood by the reader (offsets and sizes are checked); {@link #isFloatingPoint()} tells the
 * ones whose values Dendrite converts into parameters: {@link #F32}, {@link #F64}, {@link #F16}
 * and {@link #BF16}. Sub-byte types (4- and 6-bit floats) are not supported and read as an
 * unknown dtype.
 */
public enum DType {
  /** Boolean, one byte. */
  BOOL(1, false),
  /** Unsigned 8-bit integer. */
  U8(1, false),
  /** Signed 8-bit integer. */
  I8(1, false),
  /** 8-bit float, 5 exponent bits and 2 mantissa bits. */
  F8_E5M2(1, false),
  /** 8-bit float, 4 exponent bits and 3 mantissa bits. */
  F8_E4M3(1, false),
  /** 8-bit float, exponent only (a scale). */
  F8_E8M0(1, false),
  /** Signed 16-bit integer. */
  I16(2, false),
  /** Unsigned 16-bit integer. */
  U16(2, false),
  /** IEEE 754 half precision. */
  F16(2, true),
  /** bfloat16: the upper half of an IEEE 754 single. */
  BF16(2, true),
  /** Signed 32-bit integer. */
  I32(4, false),
  /** Unsigned 32-bit integer. */
  U32(4, false),
  /** IEEE 754 single precision; what Dendrite writes for float networks. */
  F32(4, true),
  /** IEEE 754 double precision; what Dendrite writes for double networks. */
  F64(8, true),
  /** Signed 64-bit integer. */
  I64(8, false),
  /** Unsigned 64-bit integer. */
  U64(8, false),
  /** Complex number of two single-precision floats. */
  C64(8, false);

  private final int size;
  private final boolean floatingPoint;

  DType(int size, boolean floatingPoint) {
    this.size = size;
    this.floatingPoint = floatingPoint;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** Whether Dendrite converts values of this type into float or double parameters. */
  public boolean isFloatingPoint() {
    return floatingPoint;
  }

  /** The type named {@code name} in a header, or null if there is none (names are exact). */
  public static DType byName(String name) {
    for (DType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** The names of the types Dendrite reads into parameters, for messages. */
  static String floatingPointNames() {
    return Arrays.stream(values())
        .filter(DType::isFloatingPoint)
        .map(DType::name)
        .collect(Collectors.joining(", "));
  }
}
