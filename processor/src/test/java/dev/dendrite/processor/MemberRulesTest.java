package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * DN109, DN110, DN112: the members of the annotated class must leave the generated subclass
 * complete and compilable.
 */
class MemberRulesTest {

  @Test
  void dn109AbstractMethodDeclaredInTheClass() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  abstract float score(float[] x, java.util.List<String> names);",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN109] class 'Mlp' declares the abstract method 'score(float[], List)', which the"
            + " generated 'MlpNet' does not implement: it implements only the methods of"
            + " dev.dendrite.Model; give the method a body in 'Mlp', or remove it",
        "abstract float score(");
    Expect.pointsAt(result, "DN109", "abstract float score(");
  }

  @Test
  void dn109AbstractMethodInheritedFromAnInterface() {
    JavaFileObject scorer = Sources.network("Scorer",
        "interface Scorer {",
        "  float score(float[] x);",
        "  default float twice(float[] x) { return 2 * score(x); }",
        "}");
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp implements Scorer {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Sources.compileRecording(scorer, source);
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation())
        .hadErrorContaining("[DN109] class 'Mlp' inherits the abstract method 'score(float[])'"
            + " from 'test.Scorer', which the generated 'MlpNet' does not implement: it"
            + " implements only the methods of dev.dendrite.Model; give the method a body in"
            + " 'Mlp' (or make 'Scorer' implement it), or remove it")
        .inFile(source)
        .onLineContaining("abstract class Mlp implements Scorer {");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), result.createdSources());
  }

  @Test
  void abstractMethodsImplementedBySuperclassOrModelAreFine() {
    JavaFileObject base = Sources.network("Base",
        "abstract class Base {",
        "  public float score(float[] x) { return x[0]; }",
        "}");
    JavaFileObject scorer = Sources.network("Scorer",
        "interface Scorer {",
        "  float score(float[] x);",
        "}");
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Base implements Scorer, dev.dendrite.Model {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  public abstract float[][] forward(float[][] input, int n, boolean training);",
        "  float first(float[] x) { return forward(new float[][] {x}, 1, false)[0][0]; }",
        "}");
    Sources.Result result = Sources.compileRecording(base, scorer, source);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(result.compilation()).generatedSourceFile("test.MlpNet");
  }

  @Test
  void abstractModelMethodReturningObjectIsFine() {
    Sources.Result result = Sources.compileRecording(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  abstract Object networkName();",
        "  String title() { return \"network \" + networkName(); }",
        "}"));
    assertThat(result.compilation()).succeededWithoutWarnings();
  }

  @Test
  void dn109AbstractRedeclarationOfAModelDefaultMethod() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  public abstract String summary();",
        "}");
    Expect.error(source, "[DN109] class 'Mlp' declares the abstract method 'summary()'",
        "public abstract String summary();");
  }

  @Test
  void dn110MethodTheGeneratedClassReplaces() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  public float backward(float[][] target) { return 0; }",
        "}");
    Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'backward(float[][])', but the generated"
            + " 'MlpNet' implements 'backward(float[][])' of dev.dendrite.Model and would"
            + " replace it; rename or remove the method",
        "public float backward(float[][] target)");
  }

  @Test
  void aModelDefaultTheGeneratedClassInheritsMayBeReplaced() {
    // Generated networks inherit Model's single prediction and sizes; a class may give its own.
    assertThat(Sources.compile(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  public final int inputSize() { return 2; }",
        "  public void predict(float[] input, float[] output) { output[0] = input[0]; }",
        "}"))).succeeded();
  }

  @Test
  void dn110SinglePredictionOfANetworkThatPredictsInLocals() {
    // two small unrolled layers: the generated class implements predict(float[], float[]) itself
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 3) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "  public void predict(float[] input, float[] output) { output[0] = input[0]; }",
        "}");
    Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'predict(float[], float[])', but the generated"
            + " 'MlpNet' implements 'predict(float[], float[])' of dev.dendrite.Model and would"
            + " replace it; rename or remove the method",
        "public void predict(float[] input, float[] output)");
  }

  @Test
  void anAbstractSinglePredictionIsFineWhereTheNetworkPredictsInLocalsAndDn109Elsewhere() {
    assertThat(Sources.compile(Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 3) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "  public abstract void predict(float[] input, float[] output);",
        "}"))).succeeded();
    JavaFileObject oneLayer = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  public abstract void predict(float[] input, float[] output);",
        "}");
    Expect.error(oneLayer,
        "[DN109] class 'Mlp' declares the abstract method 'predict(float[], float[])'",
        "public abstract void predict(float[] input, float[] output);");
  }

  @Test
  void dn110FinalOrStaticMethodTheGeneratedClassClashesWith() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  public final String networkName() { return \"mlp\"; }",
        "  static long randomState() { return 0; }",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN110] class 'Mlp' declares the final method 'networkName()', but the generated"
            + " 'MlpNet' implements 'networkName()' of dev.dendrite.Model and would clash with it;"
            + " rename or remove the method",
        "public final String networkName()");
    assertThat(result.compilation())
        .hadErrorContaining("[DN110] class 'Mlp' declares the static method 'randomState()'")
        .inFile(source)
        .onLineContaining("static long randomState()");
  }

  @Test
  void dn110AbstractModelMethodWithAnotherReturnType() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  abstract int loss();",
        "}");
    Expect.error(source,
        "[DN110] class 'Mlp' declares the abstract method 'loss()' returning int, but the"
            + " generated 'MlpNet' implements 'loss()' of dev.dendrite.Model returning Loss;"
            + " remove it, or declare it as 'public abstract Loss loss()'",
        "abstract int loss();");
  }

  @Test
  void dn110MethodNamedLikeALayerKernel() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 4, activation = RELU) Layer hidden;",
        "  @Dense(units = 1) Layer out;",
        "  void hiddenBackward(int from, int to) {}",
        "  private float[][] outForward(float[][] in, int from, int to) { return in; }",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'hiddenBackward(int, int)', but the generated"
            + " 'MlpNet' declares a private method 'hiddenBackward(int, int)' for layer 'hidden',"
            + " which cannot override it; rename the method, or make it private",
        "void hiddenBackward(int from, int to) {}");
    // A private method is not inherited and cannot clash.
    Expect.count(result, "DN110", 1);
  }

  @Test
  void dn110MethodNamedLikeAPassOfANetworkThatSplitsBatches() {
    // 784 x 256 splits batches over threads; the layers after the first read transposed weights.
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(784) Layer in;",
        "  @Dense(units = 256, activation = RELU) Layer wide;",
        "  @Dense(units = 256, activation = RELU) Layer deep;",
        "  @Dense(units = 4) Layer out;",
        "  void forwardRows(int from, int to) {}",
        "  void transposeWeights(int part, int parts) {}",
        "  void deepInputGradient(int from, int to) {}",
        "  void wideInputGradient(int from, int to) {}",
        "  void transposeWeights() {}",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'forwardRows(int, int)', but the generated"
            + " 'MlpNet' declares a private method 'forwardRows(int, int)' for its passes, which"
            + " cannot override it; rename the method, or make it private",
        "void forwardRows(");
    assertThat(result.compilation()).hadErrorContaining("[DN110] class 'Mlp' declares the method"
        + " 'transposeWeights(int, int)', but the generated 'MlpNet' declares a private method"
        + " 'transposeWeights(int, int)' for its passes")
        .inFile(source).onLineContaining("void transposeWeights(int part, int parts)");
    assertThat(result.compilation()).hadErrorContaining("[DN110] class 'Mlp' declares the method"
        + " 'deepInputGradient(int, int)', but the generated 'MlpNet' declares a private method"
        + " 'deepInputGradient(int, int)' for layer 'deep'")
        .inFile(source).onLineContaining("void deepInputGradient(");
    // The first layer passes no gradient back; transposeWeights() is the one-thread form.
    Expect.count(result, "DN110", 3);
  }

  @Test
  void dn110MethodNamedLikeTheTransposeOfANetworkOnOneThread() {
    // With batch normalization every batch runs on the calling thread, transposed in one call.
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(64) Layer in;",
        "  @Dense(units = 64, activation = RELU) Layer wide;",
        "  @BatchNorm Layer norm;",
        "  @Dense(units = 64) Layer out;",
        "  void transposeWeights() {}",
        "  void forwardRows(int from, int to) {}",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'transposeWeights()', but the generated 'MlpNet'"
            + " declares a private method 'transposeWeights()' for its passes, which cannot"
            + " override it; rename the method, or make it private",
        "void transposeWeights() {}");
    Expect.count(result, "DN110", 1);
  }

  @Test
  void dn110MethodNamedLikeABatchNormKernel() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 4, activation = RELU) Layer hidden;",
        "  @BatchNorm Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "  float[][] normInference(float[][] x, int n) { return x; }",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'normInference(float[][], int)', but the"
            + " generated 'MlpNet' declares a private method 'normInference(float[][], int)' for"
            + " layer 'norm', which cannot override it; rename the method, or make it private",
        "float[][] normInference(");
    Expect.count(result, "DN110", 1);
  }

  @Test
  void dn110BuffersOfANetworkWithBatchNorm() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 4, activation = RELU) Layer hidden;",
        "  @BatchNorm Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "  public java.util.List<dev.dendrite.Tensor> buffers() { return java.util.List.of(); }",
        "}");
    Expect.error(source,
        "[DN110] class 'Mlp' declares the method 'buffers()', but the generated 'MlpNet'"
            + " implements 'buffers()' of dev.dendrite.Model and would replace it; rename or"
            + " remove the method",
        "public java.util.List<dev.dendrite.Tensor> buffers()");
  }

  @Test
  void dn110InheritedMethod() {
    JavaFileObject base = Sources.network("Base",
        "public abstract class Base {",
        "  protected void ensureCapacity(int n) {}",
        "}");
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Base {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Sources.compileRecording(base, source);
    assertThat(result.compilation())
        .hadErrorContaining("[DN110] class 'Mlp' inherits the method 'ensureCapacity(int)' from"
            + " 'test.Base', but the generated 'MlpNet' declares a private method"
            + " 'ensureCapacity(int)' for its buffers")
        .inFile(source)
        .onLineContaining("abstract class Mlp extends Base {");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), result.createdSources());
  }

  @Test
  void dn112MemberTypeThatHidesAnImport() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "  interface Model {}",
        "}");
    Expect.error(source,
        "[DN112] class 'Mlp' declares the member type 'Model', so in the generated 'MlpNet' the"
            + " name 'Model' would not mean dev.dendrite.Model (inside a subclass an inherited"
            + " member type comes before an imported one) and the generated code would not"
            + " compile; rename the member type",
        "interface Model {}");
  }

  @Test
  void dn112FieldThatObscuresAType() {
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 4, activation = RELU) Layer Math;",
        "  @Dense(units = 1) Layer out;",
        "  protected int System = 3;",
        "  private int Arrays;",
        "  int Model;",
        "}");
    Sources.Result result = Expect.error(source,
        "[DN112] class 'Mlp' declares the field 'Math', so in the generated 'MlpNet' the name"
            + " 'Math' would not mean java.lang.Math (in an expression such as 'Math.x(..)' a"
            + " field name comes before a type name) and the generated code would not compile;"
            + " rename the field",
        "Layer Math;");
    assertThat(result.compilation()).hadErrorContaining("[DN112] class 'Mlp' declares the field"
        + " 'System'").inFile(source).onLineContaining("protected int System = 3;");
    // A private field is not inherited; a field named like a type used only as a type is fine.
    Expect.count(result, "DN112", 2);
  }

  @Test
  void dn112InheritedMemberType() {
    JavaFileObject base = Sources.network("Base",
        "public abstract class Base {",
        "  public static class List {}",
        "}");
    JavaFileObject source = Sources.network("Mlp",
        "@Network(loss = Loss.MSE)",
        "abstract class Mlp extends Base {",
        "  @Input(2) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");
    Sources.Result result = Sources.compileRecording(base, source);
    assertThat(result.compilation())
        .hadErrorContaining("[DN112] class 'Mlp' inherits the member type 'List' from"
            + " 'test.Base', so in the generated 'MlpNet' the name 'List' would not mean"
            + " java.util.List")
        .inFile(source)
        .onLineContaining("abstract class Mlp extends Base {");
    assertThat(result.compilation()).hadErrorCount(1);
  }
}
