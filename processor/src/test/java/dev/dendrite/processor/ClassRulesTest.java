package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DN101 to DN108: the annotated type must be a class the generated network can extend. */
class ClassRulesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "interface Shapes { @Input(2) Layer in = null; @Dense(units = 1) Layer out = null; }"
          + "| the interface 'Shapes'",
      "enum Shapes { ONE; @Input(2) Layer in; @Dense(units = 1) Layer out; }| the enum 'Shapes'",
      "record Shapes(@Input(2) Layer in, @Dense(units = 1) Layer out) {}| the record 'Shapes'",
      "@interface Shapes {}| the annotation type 'Shapes'"})
  void dn101NetworkOnATypeThatIsNotAClass(String declaration, String kind) {
    JavaFileObject source = Sources.network("Shapes",
        "@Network(loss = Loss.MSE)",
        declaration);
    Sources.Result result = Expect.error(source,
        "[DN101] @Network is on " + kind + ", but the generated 'ShapesNet' is a subclass of the"
            + " annotated type, which must be a class; declare 'abstract class Shapes' with the"
            + " layers as fields",
        "@Network(loss = Loss.MSE)");
    Expect.count(result, "DN101", 1);
    // What the kind implies for its fields (static, final, private) is not reported on top.
    Expect.count(result, "DN202", 0);
    Expect.count(result, "DN203", 0);
    Expect.count(result, "DN204", 0);
  }

  @Test
  void dn102FinalClass() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "final class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN102] class 'Mlp' is final, but the generated 'MlpNet' extends it; remove 'final'",
        "final class Mlp {");
  }

  @Test
  void dn103PrivateClass() {
    JavaFileObject source = Sources.network("Outer",
        "class Outer {",
        "  @Network(loss = Loss.MSE)",
        "  private abstract static class Mlp {",
        "    @Input(2) Layer in;",
        "    @Dense(units = 1) Layer out;",
        "  }",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN103] class 'Outer.Mlp' is private, so the generated 'Outer_MlpNet', a top-level"
            + " class in the same package, cannot extend it; make 'Outer.Mlp' package-private or"
            + " public",
        "private abstract static class Mlp {");
    // Its implicit constructor is private too, which is the same mistake, not a second one.
    Expect.count(result, "DN106", 0);
  }

  @Test
  void dn103ClassInsideAPrivateClass() {
    JavaFileObject source = Sources.network("Outer",
        "class Outer {",
        "  private static class Hidden {",
        "    @Network(loss = Loss.MSE)",
        "    abstract static class Mlp {",
        "      @Input(2) Layer in;",
        "      @Dense(units = 1) Layer out;",
        "    }",
        "  }",
        "}");
    Expect.error(source,
        "[DN103] class 'Outer.Hidden.Mlp' is inside the private class 'Outer.Hidden', so the"
            + " generated 'Outer_Hidden_MlpNet', a top-level class in the same package, cannot"
            + " extend it; make 'Outer.Hidden' package-private or public",
        "abstract static class Mlp {");
  }

  @Test
  void dn104InnerClass() {
    JavaFileObject source = Sources.network("Outer",
        "class Outer {",
        "  @Network(loss = Loss.MSE)",
        "  abstract class Mlp {",
        "    @Input(2) Layer in;",
        "    @Dense(units = 1) Layer out;",
        "  }",
        "}");
    Expect.error(source,
        "[DN104] class 'Outer.Mlp' is an inner class: it is not static, so each instance needs"
            + " an enclosing 'Outer' instance, which the generated 'Outer_MlpNet' does not have;"
            + " declare it 'static'",
        "abstract class Mlp {");
  }

  @Test
  void classNestedInAnInterfaceIsImplicitlyStaticAndValid() {
    Sources.Result result = Sources.compileRecording(Sources.network("Outer",
        "interface Outer {",
        "  @Network(loss = Loss.MSE)",
        "  abstract class Mlp {",
        "    @Input(2) Layer in;",
        "    @Dense(units = 1) Layer out;",
        "  }",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(result.compilation()).generatedSourceFile("test.Outer_MlpNet");
  }

  @Test
  void dn105GenericClass() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp<T, U extends Number> {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN105] class 'Mlp' has type parameters <T, U>, but the generated 'MlpNet' is one plain"
            + " class with fixed shapes and types; remove the type parameters",
        "abstract class Mlp<T, U extends Number> {");
  }

  @Test
  void dn106NoConstructorWithoutParameters() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  Mlp(int width) {}",
        "  private Mlp() {}",
        "}");
    Expect.error(source,
        "[DN106] class 'Mlp' has no constructor the generated 'MlpNet' can call: it needs a"
            + " non-private constructor without parameters that throws no checked exception, but"
            + " 'Mlp' has only Mlp(int width), private Mlp(); add 'Mlp() {}'",
        "abstract class Mlp {");
  }

  @Test
  void dn106ConstructorThatThrowsACheckedException() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  protected Mlp() throws java.io.IOException {}",
        "}");
    Expect.error(source,
        "but 'Mlp' has only protected Mlp() throws IOException; add 'Mlp() {}'",
        "abstract class Mlp {");
  }

  @Test
  void constructorsThatThrowUncheckedOrTakeVarargsAreUsable() {
    Sources.Result result = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  Mlp(int... widths) throws IllegalStateException {}",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
  }

  @Test
  void dn107NoLayers() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  Layer notALayer;",
        "}");
    Expect.error(source,
        "[DN107] network 'Mlp' declares no layers; add an @Input field followed by @Dense"
            + " fields, e.g. '@Input(2) Layer in; @Dense(units = 1) Layer out;'",
        "@Network(loss = Loss.MSE)");
  }

  @Test
  void dn108SealedClass() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "sealed abstract class Mlp permits Small {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}",
        "final class Small extends Mlp {}");
    Expect.error(source,
        "[DN108] class 'Mlp' is sealed, but the generated 'MlpNet' extends it and is not among"
            + " its permitted subclasses; remove 'sealed' and the 'permits' clause",
        "sealed abstract class Mlp permits Small {");
  }

  @Test
  void everyClassProblemIsReportedInOneCompilation() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "final class Mlp<T> {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  Mlp(int width) {}",
        "}");
    Sources.Result result = Expect.error(source, "[DN102]", "final class Mlp<T> {");
    assertThat(result.compilation()).hadErrorCount(3);
    assertThat(result.compilation()).hadErrorContaining("[DN105]").inFile(source)
        .onLineContaining("final class Mlp<T> {");
    assertThat(result.compilation()).hadErrorContaining("[DN106]").inFile(source)
        .onLineContaining("final class Mlp<T> {");
  }
}
