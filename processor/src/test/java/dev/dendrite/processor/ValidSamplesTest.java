package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The networks of the samples module compile, generated code included, without a single warning
 * under {@code -Xlint:all -Werror}.
 */
class ValidSamplesTest {

  /** The samples' sources, relative to the processor module, where the tests run. */
  private static final Path SAMPLES = Path.of("..", "samples", "src", "main", "java");

  private static List<Path> networks() throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("@Network(");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .sorted()
          .toList();
    }
  }

  @Test
  void everySampleNetworkCompilesWarningFreeWithWerror() throws IOException {
    List<Path> networks = networks();
    assertFalse(networks.isEmpty(), "no sample networks under " + SAMPLES.toAbsolutePath());
    JavaFileObject[] sources = new JavaFileObject[networks.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = JavaFileObjects.forResource(networks.get(i).toUri().toURL());
    }
    Compilation compilation = Compiler.javac()
        .withProcessors(new DendriteProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    // At least one network per file (a file may nest several).
    assertTrue(compilation.generatedSourceFiles().size() >= networks.size(),
        "generated " + compilation.generatedSourceFiles() + " for " + networks);
  }
}
