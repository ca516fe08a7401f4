package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor across annotation-processing rounds. */
class RoundsTest {

  private static final String HEADER = "package test;\n" + Sources.IMPORTS;

  private static Sources.Result compile(Map<String, Object[]> generated,
      JavaFileObject... sources) {
    return Sources.compileRecording(new RecordingProcessor(),
        List.of(new SourceWritingProcessor(generated)), Sources.LINT, sources);
  }

  @Test
  void aNetworkClassGeneratedByAnotherProcessorIsGeneratedInTheNextRound() {
    JavaFileObject user = Sources.network("User",
        "class User {",
        "  dev.dendrite.Model network = new LaterNet(1);",
        "}");
    Sources.Result result = compile(Map.of("test.Later", new Object[] {1, HEADER
            + "@Network(loss = Loss.MSE)\n"
            + "public abstract class Later {\n"
            + "  @Input(2) Layer in;\n"
            + "  @Dense(units = 1) Layer out;\n"
            + "}\n"}),
        user);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(List.of("test.LaterNet"), result.createdSources());
  }

  @Test
  void aNetworkWithBatchNormAndFlattenFromAnotherProcessorIsCheckedAndGenerated() {
    JavaFileObject user = Sources.network("User",
        "class User {",
        "  dev.dendrite.Model network = new LaterImagesNet(1);",
        "}");
    Sources.Result result = compile(Map.of(
            "test.LaterImages", new Object[] {1, HEADER
                + "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)\n"
                + "public abstract class LaterImages {\n"
                + "  @Input({2, 3}) Layer pixels;\n"
                + "  @Flatten Layer flat;\n"
                + "  @Dense(units = 4, bias = false) Layer hidden;\n"
                + "  @BatchNorm(activation = RELU) Layer norm;\n"
                + "  @Dense(units = 3, activation = SOFTMAX) Layer out;\n"
                + "}\n"},
            "test.LaterStray", new Object[] {1, HEADER
                + "abstract class LaterStray {\n"
                + "  @BatchNorm Layer norm;\n"
                + "}\n"}),
        user);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation())
        .hadErrorContaining("[DN206] class 'LaterStray' has layer field 'norm' but no @Network");
    assertEquals(List.of("test.LaterImagesNet"), result.createdSources());
    Expect.assertNoInternalError(result);
  }

  @Test
  void aNetworkWhoseSuperclassComesInALaterRoundWaitsForIt() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Base {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  float first(float[] x) { return predict(x)[0] * scale(); }",
        "}");
    Sources.Result result = compile(Map.of(
            "test.Extra", new Object[] {1, "package test; class Extra {}"},
            "test.Base", new Object[] {2, HEADER
                + "public abstract class Base implements dev.dendrite.Model {\n"
                + "  protected float scale() { return 2; }\n"
                + "}\n"}),
        source);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(List.of("test.MlpNet"), result.createdSources());
  }

  @Test
  void theSuperclassFromALaterRoundIsCheckedToo() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Base {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = compile(Map.of("test.Base", new Object[] {1, HEADER
            + "public abstract class Base {\n"
            + "  protected abstract float scale();\n"
            + "}\n"}),
        source);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation())
        .hadErrorContaining("[DN109] class 'Mlp' inherits the abstract method 'scale()' from"
            + " 'test.Base'")
        .inFile(source)
        .onLineContaining("abstract class Mlp extends Base {");
    assertEquals(List.of(), result.createdSources());
  }

  @Test
  void aSuperclassThatNeverAppearsIsJavacsErrorAndTheClassIsStillChecked() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Missing {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 0) Layer out;",
        "}");
    Sources.Result result = compile(Map.of(), source);
    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining("[DN401]").inFile(source)
        .onLineContaining("@Dense(units = 0) Layer out;");
    assertEquals(List.of(), result.createdSources());
    Expect.assertNoInternalError(result);
  }

  @Test
  void aMissingSuperclassWithAnOtherwiseValidNetworkGeneratesNothing() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Missing {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = compile(Map.of(), source);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation()).hadErrorContaining("cannot find symbol").inFile(source)
        .onLineContaining("extends Missing");
    assertEquals(List.of(), result.createdSources());
  }

  @Test
  void noClassIsGeneratedTwiceHoweverManyRoundsThereAre() {
    Sources.Result result = compile(Map.of(
            "test.Extra1", new Object[] {1, "package test; class Extra1 {}"},
            "test.Extra2", new Object[] {2, "package test; class Extra2 {}"},
            "test.Extra3", new Object[] {3, "package test; class Extra3 {}"},
            "test.Base", new Object[] {2, "package test; abstract class Base {}"}),
        ValidNetworkTest.CIRCLES,
        Sources.network("Later",
            "@Network(loss = Loss.MSE)",
            "abstract class Later extends Base {",
            "  @Input(2) Layer in;",
            "  @Dense(units = 1) Layer out;",
            "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(List.of("test.CirclesNet", "test.CirclesNetDouble", "test.LaterNet"),
        result.createdSources());
  }
}
