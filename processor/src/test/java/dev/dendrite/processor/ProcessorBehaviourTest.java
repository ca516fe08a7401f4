package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How the processor behaves as a whole: internal failures, classes that want the same generated
 * name, and a broken class next to valid ones.
 */
class ProcessorBehaviourTest {

  /** Element utilities that fail for the class named {@code Poison}, as a bug would. */
  private static Elements failingFor(String simpleName, Elements real) {
    return (Elements) Proxy.newProxyInstance(Elements.class.getClassLoader(),
        new Class<?>[] {Elements.class}, (proxy, method, args) -> {
          if (method.getName().equals("getAllMembers")
              && ((TypeElement) args[0]).getSimpleName().contentEquals(simpleName)) {
            throw new IllegalStateException("simulated failure");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void dn000AnInternalFailureIsOneErrorOnTheClassAndTheOthersAreStillGenerated() {
    JavaFileObject poison = Sources.network("Poison",
        "@Network(loss = Loss.MSE)",
        "abstract class Poison {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Sources.compileRecording(
        new RecordingProcessor(real -> failingFor("Poison", real)), List.of(), Sources.LINT,
        poison, ValidNetworkTest.CIRCLES);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation())
        .hadErrorContaining("[DN000] internal error in the Dendrite processor while handling"
            + " 'test.Poison': java.lang.IllegalStateException: simulated failure. This is a bug"
            + " in Dendrite, not in your code: please report it to the Dendrite issue tracker"
            + " with the declaration of 'test.Poison' and this message. No network was generated"
            + " for 'test.Poison'.")
        .inFile(poison)
        .onLineContaining("abstract class Poison {");
    assertEquals(List.of("test.CirclesNet", "test.CirclesNetDouble"), result.createdSources());
  }

  @Test
  void dn111TwoNetworksThatWantTheSameGeneratedName() {
    JavaFileObject outer = Sources.network("Outer",
        "class Outer {",
        "  @Network(loss = Loss.MSE)",
        "  abstract static class Inner {",
        "    @Input(2) Layer in;",
        "    @Dense(units = 1) Layer out;",
        "  }",
        "}");
    JavaFileObject flat = Sources.network("Outer_Inner",
        "@Network(loss = Loss.MSE)",
        "abstract class Outer_Inner {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Sources.compileRecording(outer, flat);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation())
        .hadErrorContaining("[DN111] the network generated for 'test.Outer_Inner' would be the"
            + " class 'test.Outer_InnerNet', but that name is taken by the class generated for"
            + " the network 'test.Outer.Inner'; rename one of them")
        .inFile(flat)
        .onLineContaining("abstract class Outer_Inner {");
    // The first one is generated, once; the second is not.
    assertEquals(List.of("test.Outer_InnerNet"), result.createdSources());
  }

  @Test
  void dn111DoublePrecisionTwinNameTaken() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE, doublePrecision = true)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}",
        "class MlpNetDouble {}");
    Sources.Result result = Expect.error(source,
        "[DN111] the network generated for 'test.Mlp' would be the class 'test.MlpNetDouble',"
            + " but that name is taken by the existing type 'test.MlpNetDouble'",
        "abstract class Mlp {");
    // Neither class is written: the float network alone would be half of what was asked for.
    assertEquals(List.of(), result.createdSources());
  }

  @Test
  void userCodeThatUsesABrokenNetworkGetsOnlyTheNetworkError() {
    JavaFileObject broken = Sources.network("Broken",
        "@Network(loss = Loss.MSE)",
        "abstract class Broken {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 0) Layer out;",
        "}");
    JavaFileObject user = Sources.network("User",
        "class User {",
        "  dev.dendrite.Model network = new BrokenNet(7);",
        "  dev.dendrite.Model other = new CirclesNet(7);",
        "}");
    Compilation compilation = Sources.compile(broken, user, ValidNetworkTest.CIRCLES);
    // javac leaves out 'cannot find symbol BrokenNet' once a processor has reported an error,
    // so the one message is the cause.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[DN401]").inFile(broken)
        .onLineContaining("@Dense(units = 0) Layer out;");
  }

  @Test
  void everyGeneratedFileNamesTheAnnotatedClassAsItsOnlyOriginatingElement() {
    Sources.Result result = Sources.compileRecording(ValidNetworkTest.CIRCLES);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(
        Map.of("test.CirclesNet", List.of("test.Circles"),
            "test.CirclesNetDouble", List.of("test.Circles")),
        result.originatingElements());
  }
}
