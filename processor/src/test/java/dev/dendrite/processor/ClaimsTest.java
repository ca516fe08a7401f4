package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which annotations the processor claims, and what processors that support {@code "*"} still see
 * in the same compilation. javac offers a round's unclaimed annotations to each processor in
 * turn and stops once none is left, so a universal processor placed after Dendrite misses only a
 * round whose every annotation is Dendrite's.
 */
class ClaimsTest {

  /** A universal processor that claims nothing and records each round it is called for. */
  static final class Universal extends AbstractProcessor {
    /** Per call: the round's number, the annotations offered and the root types. */
    final List<String> calls = new ArrayList<>();
    private int round;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    /** Counts rounds through a second processor ahead of everything, which sees every round. */
    void round(int number) {
      round = number;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      Set<String> offered = new TreeSet<>();
      annotations.forEach(a -> offered.add(a.getSimpleName().toString()));
      Set<String> roots = new TreeSet<>();
      for (Element root : env.getRootElements()) {
        roots.add(root.getSimpleName().toString());
      }
      calls.add(round + " " + offered + " " + roots);
      return false;
    }
  }

  /** Numbers the rounds for a {@link Universal}; first in line, it is called in every round. */
  static final class RoundCounter extends AbstractProcessor {
    private final Universal universal;
    private int round;

    RoundCounter(Universal universal) {
      this.universal = universal;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      universal.round(++round);
      return false;
    }
  }

  private static final JavaFileObject XOR = Sources.network("Xor",
      "@Network(loss = Loss.BINARY_CROSS_ENTROPY)",
      "abstract class Xor {",
      "  @Input(2) Layer bits;",
      "  @Dense(units = 4, activation = TANH) Layer hidden;",
      "  @Dense(units = 1, activation = SIGMOID) Layer parity;",
      "}");

  private static Compilation compile(List<Processor> processors, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  @Test
  void aUniversalProcessorAheadOfDendriteSeesEveryAnnotationAndEveryClass() {
    Universal universal = new Universal();
    Compilation compilation = compile(
        List.of(new RoundCounter(universal), universal, new DendriteProcessor()), XOR);
    // the universal processor claims nothing, so nothing is left unclaimed but what Dendrite
    // claims: not one warning
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.XorNet");
    assertEquals("1 [Dense, Input, Network] [Xor]", universal.calls.get(0));
    assertTrue(universal.calls.get(1).startsWith("2 [Generated, Override"),
        universal.calls.toString());
    assertTrue(universal.calls.get(1).endsWith(" [XorNet]"), universal.calls.toString());
  }

  @Test
  void aUniversalProcessorAfterDendriteIsOfferedEveryOtherAnnotationWithTheRound() {
    JavaFileObject annotated = Sources.network("Tagged",
        "@SuppressWarnings(\"serial\")",
        "@Network(loss = Loss.MSE)",
        "abstract class Tagged {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Universal universal = new Universal();
    Compilation compilation = compile(
        List.of(new RoundCounter(universal), new DendriteProcessor(), universal), annotated);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.TaggedNet");
    assertEquals("1 [SuppressWarnings] [Tagged]", universal.calls.get(0));
    // Dendrite claims the @Generated of its own classes, and leaves the rest
    assertTrue(universal.calls.get(1).startsWith("2 [Override"), universal.calls.toString());
    assertTrue(universal.calls.get(1).endsWith(" [TaggedNet]"), universal.calls.toString());
  }

  @Test
  void aUniversalProcessorAfterDendriteMissesARoundOfOnlyDendriteAnnotations() {
    // javac's rule, which a universal processor meets after any processor that claims: a round
    // whose annotations are all claimed is not offered further. From the next round on it is
    // called again, since the generated classes carry annotations Dendrite leaves unclaimed.
    Universal universal = new Universal();
    Compilation compilation = compile(
        List.of(new RoundCounter(universal), new DendriteProcessor(), universal), XOR);
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(universal.calls.get(0).startsWith("2 [Override"), universal.calls.toString());
    assertTrue(universal.calls.get(0).endsWith(" [XorNet]"), universal.calls.toString());
  }

  @Test
  void dendriteLeavesTheGeneratedOfOtherGeneratorsUnclaimed() {
    JavaFileObject other = JavaFileObjects.forSourceString("test.Other", String.join("\n",
        "package test;",
        "",
        "@javax.annotation.processing.Generated(\"some.other.Generator\")",
        "final class Other {}",
        ""));
    Universal universal = new Universal();
    Compilation compilation = compile(
        List.of(new RoundCounter(universal), new DendriteProcessor(), universal), XOR, other);
    // in that round nothing is claimed: the universal processor sees @Generated and the
    // Dendrite annotations, and javac notes that nobody claimed them
    assertThat(compilation).failed();
    assertThat(compilation).hadWarningContaining("No processor claimed any of these annotations");
    assertEquals("1 [Dense, Generated, Input, Network] [Other, Xor]", universal.calls.get(0));
  }
}
