package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  private static void writeBytes(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(bytes)));
  }

  @Test
  void createsAndReplacesFiles(@TempDir Path folder) throws Exception {
    Path target = folder.resolve("f.bin");
    writeBytes(target, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    writeBytes(target, new byte[] {4});
    assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
    assertEquals(1, Files.list(folder).count());
  }

  @Test
  void aFailedWriteLeavesThePreviousFileAndNoTemporary(@TempDir Path folder) throws Exception {
    Path target = folder.resolve("f.bin");
    writeBytes(target, new byte[] {1, 2, 3});
    IOException failure = new IOException("disk full");
    IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, c -> {
      c.write(ByteBuffer.wrap(new byte[] {9, 9}));
      throw failure;
    }));
    assertSame(failure, thrown);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(1, Files.list(folder).count());
  }

  @Test
  void worksWithARelativePath(@TempDir Path folder) throws Exception {
    Path relative = Path.of("").toAbsolutePath().relativize(folder.resolve("r.bin"));
    writeBytes(relative, new byte[] {7});
    assertArrayEquals(new byte[] {7}, Files.readAllBytes(folder.resolve("r.bin")));
  }

  @Test
  void newFilesGetTheUsualPermissionsNotThoseOfATemporaryFile(@TempDir Path folder)
      throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = folder.resolve("plain.bin");
    Files.write(plain, new byte[] {1});
    Path atomic = folder.resolve("atomic.bin");
    writeBytes(atomic, new byte[] {1});
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertEquals(expected, Files.getPosixFilePermissions(atomic));
  }
}
