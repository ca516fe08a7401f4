package dev.dendrite.benchmarks;

import dev.dendrite.processor.DendriteProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What annotation processing adds to compiling a 784 -> 1024 -> 1024 -> 10 network: javac on the
 * annotated class with the Dendrite processor (which also compiles the generated network) against
 * javac on the same class with {@code -proc:none}. Each operation is one whole javac run in this
 * JVM, as a build tool runs it; the difference of the two is the processor's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class ProcessorBenchmark {

  static final String SOURCE = String.join("\n",
      "package bench;",
      "import static dev.dendrite.annotation.Activation.*;",
      "import dev.dendrite.Layer;",
      "import dev.dendrite.annotation.*;",
      "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
      "public abstract class Wide {",
      "  @Input(784) Layer pixels;",
      "  @Dense(units = 1024, activation = RELU) Layer hidden1;",
      "  @Dense(units = 1024, activation = RELU) Layer hidden2;",
      "  @Dense(units = 10, activation = SOFTMAX) Layer scores;",
      "}",
      "");

  private Path directory;
  private Path source;
  private JavaCompiler javac;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("dendrite-processor-benchmark");
    source = directory.resolve("Wide.java");
    Files.writeString(source, SOURCE);
    javac = ToolProvider.getSystemJavaCompiler();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public boolean compileWithProcessor() throws IOException {
    return compile(true);
  }

  @Benchmark
  public boolean compileWithoutProcessor() throws IOException {
    return compile(false);
  }

  private boolean compile(boolean process) throws IOException {
    Path out = Files.createTempDirectory(directory, process ? "with" : "without");
    List<String> options = new ArrayList<>(List.of(
        "-d", out.toString(), "-classpath", System.getProperty("java.class.path")));
    if (!process) {
      options.add("-proc:none");
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null,
          files.getJavaFileObjects(source));
      if (process) {
        task.setProcessors(List.of(new DendriteProcessor()));
      }
      boolean ok = task.call();
      if (!ok) {
        throw new IllegalStateException("compilation failed");
      }
      if (process && !Files.exists(out.resolve("bench/WideNet.class"))) {
        throw new IllegalStateException("the processor generated no network");
      }
      return ok;
    }
  }
}
