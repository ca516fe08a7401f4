package dev.dendrite.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Random-access bytes: a file opened for reading, or an array in memory. */
abstract class ByteSource implements Closeable {

  /** The name used in messages: the file's path or the given name. */
  abstract String name();

  /** The number of bytes. */
  abstract long size() throws IOException;

  /**
   * Fills {@code target} from its position to its limit with the bytes starting at {@code
   * position}; returns false if the source ends first.
   */
  abstract boolean read(long position, ByteBuffer target) throws IOException;

  @Override
  public void close() throws IOException {}

  static ByteSource of(String name, byte[] bytes) {
    return new ByteSource() {
      @Override
      String name() {
        return name;
      }

      @Override
      long size() {
        return bytes.length;
      }

      @Override
      boolean read(long position, ByteBuffer target) {
        int count = target.remaining();
        if (position < 0 || position > bytes.length - count) {
          return false;
        }
        target.put(bytes, (int) position, count);
        return true;
      }
    };
  }

  static ByteSource open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    String name = file.toString();
    return new ByteSource() {
      @Override
      String name() {
        return name;
      }

      @Override
      long size() throws IOException {
        return channel.size();
      }

      @Override
      boolean read(long position, ByteBuffer target) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
          int read = channel.read(target, at);
          if (read < 0) {
            return false;
          }
          at += read;
        }
        return true;
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }
}
