package dev.dendrite.data;

/** The element types of the IDX format, by the code in the third byte of a file. */
public enum IdxType {
  /** 0x08: unsigned byte, 0 to 255 (MNIST pixels and labels). */
  UNSIGNED_BYTE(0x08, 1),
  /** 0x09: signed byte. */
  SIGNED_BYTE(0x09, 1),
  /** 0x0B: signed 16-bit integer, big-endian. */
  SHORT(0x0B, 2),
  /** 0x0C: signed 32-bit integer, big-endian. */
  INT(0x0C, 4),
  /** 0x0D: IEEE 754 single, big-endian. */
  FLOAT(0x0D, 4),
  /** 0x0E: IEEE 754 double, big-endian. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int size;

  IdxType(int code, int size) {
    this.code = code;
    this.size = size;
  }

  /** The type code in the file. */
  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** Whether the elements are integers. */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /** The type with code {@code code}, or null if there is none. */
  static IdxType byCode(int code) {
    for (IdxType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }
}
