package dev.dendrite.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a reader, or the next run after a crash or power loss, sees either the
 * whole old content or the whole new one, never a mix or a truncated file.
 *
 * <p>{@link #write} writes the new content to a temporary file in the target's folder (named
 * {@code .<target name>.<random>.tmp}), forces it to the storage device, moves it over the target
 * with an atomic rename, then forces the folder so that the rename itself is durable (where the
 * platform allows a folder to be forced; elsewhere that last step is skipped). If writing fails,
 * the temporary file is deleted and the target is untouched. If the process is killed while
 * writing, the target is untouched and the temporary file stays behind; such leftovers can be
 * deleted at any time.
 */
public final class AtomicFiles {

  /** Writes a file's content to a channel open for writing at position 0. */
  @FunctionalInterface
  public interface ContentWriter {
    /** Writes the whole content to {@code channel}. */
    void write(FileChannel channel) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Atomically replaces (or creates) {@code target} with what {@code content} writes.
   *
   * @throws IOException if writing, forcing or moving fails; the target is then as before
   */
  public static void write(Path target, ContentWriter content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Path temporary = createTemporary(folder, absolute.getFileName().toString());
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        content.write(channel);
        channel.force(true);
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
    forceFolder(folder);
  }

  /** A new empty file next to the target, with the default permissions of new files. */
  private static Path createTemporary(Path folder, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
      Path candidate = folder.resolve("." + name + "." + suffix + ".tmp");
      try {
        Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return candidate;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /** Makes a rename in {@code folder} durable; a no-op where folders cannot be opened. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder as a channel; there the rename is durable once it returns.
    }
  }
}
