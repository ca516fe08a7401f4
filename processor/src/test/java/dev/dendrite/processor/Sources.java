package dev.dendrite.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;
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

  /** The lint options of the project's own builds. */
  static final List<String> LINT = List.of("-Xlint:all", "-Xlint:-processing");

  /** A source file {@code test/<name>.java} with the usual imports and {@code body}. */
  static JavaFileObject network(String name, String... body) {
    return JavaFileObjects.forSourceString("test." + name,
        "package test;\n" + IMPORTS + String.join("\n", body) + "\n");
  }

  /**
   * A compilation, the sources the processor created in it, and the originating elements it
   * passed for each.
   */
  record Result(
      Compilation compilation, List<String> createdSources,
      Map<String, List<String>> originatingElements) {}

  /** Compiles like {@link #compile}, also recording which sources the processor created. */
  static Result compileRecording(JavaFileObject... sources) {
    return compileRecording(new RecordingProcessor(), List.of(), LINT, sources);
  }

  /**
   * Compiles {@code sources} with {@code dendrite}, then {@code others} as further processors, and
   * {@code options}.
   */
  static Result compileRecording(RecordingProcessor dendrite, List<Processor> others,
      List<String> options, JavaFileObject... sources) {
    List<Processor> processors = new ArrayList<>();
    processors.add(dendrite);
    processors.addAll(others);
    Compilation compilation = Compiler.javac()
        .withProcessors(processors)
        .withOptions(options)
        .compile(sources);
    return new Result(compilation, dendrite.createdSources(), dendrite.originatingElements());
  }

  /** Compiles {@code sources} with the Dendrite processor and all lint warnings on. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new DendriteProcessor())
        .withOptions(LINT)
        .compile(sources);
  }
}
