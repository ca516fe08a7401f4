package dev.dendrite.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Builds test sources and compiles them with the processor. */
final class Sources {

  private Sources() {}

  /** The usual imports of a network declaration, so tests show only what matters. */
  static final String IMPORTS = String.join("\n",
      "import static dev.dendrite.annotation.Activation.*;",
      "import dev.dendrite.Layer;",
      "import dev.dendrite.annotation.*;",
      "");

  /** A source file {@code test/<name>.java} with the usual imports and {@code body}. */
  static JavaFileObject network(String name, String... body) {
    return JavaFileObjects.forSourceString("test." + name,
        "package test;\n" + IMPORTS + String.join("\n", body) + "\n");
  }

  /** A compilation and the sources the processor created in it. */
  record Result(Compilation compilation, java.util.List<String> createdSources) {}

  /** Compiles like {@link #compile}, also recording which sources the processor created. */
  static Result compileRecording(JavaFileObject... sources) {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Compiler.javac()
        .withProcessors(processor)
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(sources);
    return new Result(compilation, processor.createdSources());
  }

  /** Compiles {@code sources} with the Dendrite processor and all lint warnings on. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new DendriteProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(sources);
  }
}
