package dev.dendrite.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the samples write their plots and weights: a folder per sample under the directory named
 * by the system property {@value #OUTPUT_PROPERTY}, which {@code mvn exec:java} sets to the
 * samples module's {@code target} folder, or under {@code target} in the working directory.
 */
final class SampleFiles {

  /** The system property naming the directory that holds each sample's output folder. */
  static final String OUTPUT_PROPERTY = "dendrite.samples.output";

  private SampleFiles() {}

  /** The output folder of {@code sample}, created if missing, as an absolute path. */
  static Path folder(String sample) throws IOException {
    Path base = Path.of(System.getProperty(OUTPUT_PROPERTY, "target"));
    return Files.createDirectories(base.resolve(sample)).toAbsolutePath().normalize();
  }
}
