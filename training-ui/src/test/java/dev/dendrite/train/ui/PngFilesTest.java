package dev.dendrite.train.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {

  @Test
  void aFailedWriteLeavesThePreviousFileWholeAndNoTemporaryFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("plot.png");
    PngFiles.write(file, out -> out.write(new byte[] {1, 2, 3}));
    IOException failure = assertThrows(IOException.class, () -> PngFiles.write(file, out -> {
      out.write(new byte[] {9, 9});
      throw new IOException("disk full");
    }));
    assertEquals("disk full", failure.getMessage());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aMissingFolderIsAnError(@TempDir Path dir) {
    assertThrows(IOException.class,
        () -> PngFiles.write(dir.resolve("missing/plot.png"), out -> out.write(7)));
  }

  @Test
  void newFilesGetTheDefaultPermissionsNotThoseOfATemporaryFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("plot.png");
    PngFiles.write(file, out -> out.write(7));
    Path plain = Files.write(dir.resolve("plain.bin"), new byte[] {7});
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }
  }
}
