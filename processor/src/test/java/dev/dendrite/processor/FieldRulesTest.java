package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** DN201 to DN207: each layer is one assignable {@code Layer} field with a name of its own. */
class FieldRulesTest {

  @Test
  void dn201TwoLayerAnnotationsOnOneField() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) @Dropout(0.5) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN201] field 'hidden' has @Dense and @Dropout, but a field declares one layer; move"
            + " @Dropout to a field of its own after 'hidden'",
        "@Dropout(0.5) Layer hidden;");
    Expect.pointsAt(result, "DN201", "@Dropout(0.5)");
  }

  @Test
  void dn202StaticField() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU)",
        "  static Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN202] layer 'hidden' is a static field, but each network instance has its own layers;"
            + " remove 'static'",
        "static Layer hidden;");
  }

  @Test
  void dn203FinalField() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) final Layer hidden = null;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN203] layer 'hidden' is a final field, but the generated 'MlpNet' assigns it in its"
            + " constructor; remove 'final'",
        "final Layer hidden = null;");
  }

  @Test
  void dn204PrivateField() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) private Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Expect.error(source,
        "[DN204] layer 'hidden' is a private field, which the generated subclass 'MlpNet' cannot"
            + " assign; remove 'private' (package-private, protected and public all work)",
        "private Layer hidden;");
  }

  @Test
  void dn205FieldOfAnotherType() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) java.util.List<String> hidden;",
        "  @Dense(units = 1) float[] out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN205] layer 'hidden' is declared as java.util.List, but a layer field has type"
            + " dev.dendrite.Layer, which the generated 'MlpNet' sets to the layer's description;"
            + " declare it as 'Layer hidden;'",
        "java.util.List<String> hidden;");
    assertThat(result.compilation())
        .hadErrorContaining("[DN205] layer 'out' is declared as float[]")
        .inFile(source)
        .onLineContaining("float[] out;");
  }

  @Test
  void dn206LayerAnnotationsInAClassWithoutNetwork() {
    JavaFileObject source = Sources.network("Mlp",
        "abstract class Mlp {",
        "  Layer plain;",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN206] class 'Mlp' has layer fields 'in', 'out' but no @Network, so no network is"
            + " generated from it; annotate 'Mlp' with @Network(loss = ...), or remove the layer"
            + " annotations",
        "@Input(2) Layer in;");
    assertThat(result.compilation()).hadErrorCount(1);
    Expect.pointsAt(result, "DN206", "@Input(2)");
  }

  @Test
  void dn206CountsBatchNormAndFlattenAsLayerAnnotations() {
    JavaFileObject source = Sources.network("Parts",
        "abstract class Parts {",
        "  @Flatten Layer flat;",
        "  @BatchNorm(momentum = 0.9) Layer norm;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN206] class 'Parts' has layer fields 'flat', 'norm' but no @Network, so no network is"
            + " generated from it; annotate 'Parts' with @Network(loss = ...), or remove the"
            + " layer annotations",
        "@Flatten Layer flat;");
    assertThat(result.compilation()).hadErrorCount(1);
    Expect.pointsAt(result, "DN206", "@Flatten");
  }

  @Test
  void dn206ClassNestedInANetworkNeedsItsOwnNetwork() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  enum Part {",
        "    ONE;",
        "    @Dropout(0.5) Layer drop;",
        "  }",
        "}");
    Sources.Result result = Sources.compileRecording(source);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation())
        .hadErrorContaining("[DN206] enum 'Part' has layer field 'drop' but no @Network")
        .inFile(source)
        .onLineContaining("@Dropout(0.5) Layer drop;");
    // The enclosing network itself is fine and generated.
    assertEquals(List.of("test.MlpNet"), result.createdSources());
  }

  @Test
  void dn207GeneratedFieldNamesOfTwoLayersCollide() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 8, activation = RELU) Layer aBias;",
        "  @Dense(units = 8, activation = RELU) Layer a;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN207] layer 'a' needs the field 'aBiasGrad' in the generated 'MlpNet' for the bias"
            + " gradient of 'a', but that name is already taken by the output gradient of"
            + " 'aBias'; rename 'a'",
        "Layer a;");
    Expect.count(result, "DN207", 1);
  }

  @Test
  void dn208LayerNameWithADollarSign() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 4, activation = RELU) Layer hidden$1;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN208] layer 'hidden$1' has '$' in its name, which the generated 'MlpNet' does not"
            + " support in the names it derives from layers (Java keeps '$' for generated code);"
            + " rename the field without '$'",
        "Layer hidden$1;");
    Expect.count(result, "DN000", 0);
  }

  @Test
  void dropoutDirectlyAfterTheInputHasNoGradientAndCollidesWithNothing() {
    // 'aWeight' after the input needs no gradient buffer, so 'aWeightGrad' is free for 'a'.
    Sources.Result result = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dropout(0.5) Layer aWeight;",
        "  @Dense(units = 1) Layer a;",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
  }

  @Test
  void constantNamesThatWouldCollideAreNumbered() {
    // HIDDEN_A is taken twice, and the first number tried, HIDDEN_A_2, by a field of that name.
    Sources.Result result = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer hidden_a_2;",
        "  @Dense(units = 3, activation = RELU) Layer hidden_a;",
        "  @Dense(units = 3, activation = RELU) Layer hiddenA;",
        "  @Dense(units = 1) Layer out;",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
  }
}
