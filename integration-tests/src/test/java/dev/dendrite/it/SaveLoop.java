package dev.dendrite.it;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.io.AtomicFiles;
import dev.dendrite.io.ModelFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link KillDuringSaveTest}: saves to one file again and again until it is
 * killed, announcing each save on standard output.
 *
 * <p>{@code model <path>}: fills every parameter of a {@link PersistenceNets.Large} network with
 * the save number {@code i} and saves it with {@link ModelFiles#save}, printing {@code SAVING i}
 * before and {@code SAVED i} after each save, from {@code i = 0}.
 *
 * <p>{@code slow <path>}: saves the network once ({@code SAVED 0}), then replaces the file through
 * {@link AtomicFiles#write} with content written in small pieces with pauses between them, printing
 * {@code WRITING 1} once part of it is written, so that the parent can kill it mid-write.
 */
public final class SaveLoop {

  private SaveLoop() {}

  public static void main(String[] args) throws Exception {
    Path path = Path.of(args[1]);
    PrintStream out = System.out;
    Model model = new PersistenceNets_LargeNet(1);
    fill(model, 0);
    ModelFiles.save(model, path);
    say(out, "SAVED 0");
    if (args[0].equals("slow")) {
      fill(model, 1);
      byte[] content = ModelFiles.writer(model).toByteArray();
      AtomicFiles.write(path, channel -> {
        int piece = 1 << 16;
        for (int at = 0; at < content.length; at += piece) {
          channel.write(ByteBuffer.wrap(content, at, Math.min(piece, content.length - at)));
          if (at == 0) {
            channel.force(false);
            say(out, "WRITING 1");
          }
          sleep(50);
        }
      });
      say(out, "SAVED 1");
      return;
    }
    for (int i = 1; ; i++) {
      fill(model, i);
      say(out, "SAVING " + i);
      ModelFiles.save(model, path);
      say(out, "SAVED " + i);
    }
  }

  /** Sets every parameter to {@code value}. */
  static void fill(Model model, float value) {
    for (Tensor t : model.parameters()) {
      for (float[] row : t.values()) {
        Arrays.fill(row, value);
      }
    }
  }

  private static void say(PrintStream out, String line) {
    out.println(line);
    out.flush();
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
