package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which layer's forward product runs in two parts of weight rows: the first dense layer, looped,
 * reading the batch itself, in a network without batch normalization, in the float network and
 * its double-precision twin alike; and how the plain loops compute the parts: one method for both,
 * on rows that start at index 0, the second part's last row added on its own where the inputs are
 * odd.
 */
class ForwardHalvesTest {

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("the first looped layer", List.of(
            "@Input(784) Layer pixels;",
            "@Dense(units = 64, activation = RELU) Layer hidden;",
            "@Dense(units = 32, activation = RELU) Layer second;",
            "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), "hidden", 392),
        Arguments.of("after a flatten", List.of(
            "@Input({28, 28}) Layer image;",
            "@Flatten Layer flat;",
            "@Dense(units = 64, activation = TANH) Layer hidden;",
            "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), "hidden", 392),
        Arguments.of("an odd number of inputs", List.of(
            "@Input(301) Layer x;",
            "@Dense(units = 40, bias = false) Layer hidden;",
            "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), "hidden", 150),
        Arguments.of("after a dropout on the inputs", List.of(
            "@Input(784) Layer pixels;",
            "@Dropout(0.2) Layer noise;",
            "@Dense(units = 64, activation = RELU) Layer hidden;",
            "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), null, 0),
        Arguments.of("with batch normalization", List.of(
            "@Input(784) Layer pixels;",
            "@Dense(units = 64, activation = RELU) Layer hidden;",
            "@BatchNorm Layer norm;",
            "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), null, 0),
        Arguments.of("an unrolled first layer", List.of(
            "@Input(4) Layer x;",
            "@Dense(units = 8, activation = RELU) Layer small;",
            "@Dense(units = 64, activation = RELU) Layer wide;",
            "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), null, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void onlyTheFirstLoopedLayerReadingTheBatchRunsInHalves(String description,
      List<String> fields, String halved, int splitRow) throws IOException {
    Compilation compilation = compile(fields);
    String source = source(compilation, "test.MlpNet");
    if (halved == null) {
      assertFalse(source.contains("ForwardHalves"), source);
      assertFalse(source.contains("SecondHalf"), source);
      return;
    }
    String constant = halved.toUpperCase();
    assertTrue(source.contains("private static final int " + constant + "_SPLIT_ROW = "
        + splitRow + ";"), source);
    assertTrue(source.contains("private void " + halved + "ForwardHalves(int part, int parts)"),
        source);
    assertTrue(source.contains("workers().run(forwardHalvesTask);"), source);
    assertEquals(1, count(source, "ForwardHalves(int part, int parts)"),
        "only one layer runs in halves");
    assertEquals(1, count(source, "private void " + halved + "ForwardPart(float[][] in,"
        + " float[][] w, float[][] out, int from, int to)"), source);
    assertTrue(source.contains(halved + "ForwardPart(batchInput, " + halved + "Weight, "),
        source);
    assertTrue(source.contains(halved + "ForwardPart(" + halved + "SecondInput, " + halved
        + "SecondRows, " + halved + "SecondHalf, start, end);"), source);
    assertTrue(source.contains(halved + "SecondInput[s] = x;"), source);
    assertFalse(source.contains(halved + "ForwardTiles"), "the whole product is never written");
    boolean odd = fields.stream().anyMatch(f -> f.contains("@Input(301)"));
    assertEquals(odd, source.contains("float[] last = " + halved + "Weight["), source);
  }

  @Test
  void theDoublePrecisionTwinRunsInHalvesOnThePlainLoops() throws IOException {
    Compilation compilation = compile(List.of(
        "@Input(784) Layer pixels;",
        "@Dense(units = 64, activation = RELU) Layer hidden;",
        "@Dense(units = 10, activation = SOFTMAX) Layer scores;"), ", doublePrecision = true");
    String source = source(compilation, "test.MlpNet");
    assertTrue(source.contains("if (HIDDEN_VECTOR_PARTS) {"), source);
    String twin = source(compilation, "test.MlpNetDouble");
    assertTrue(twin.contains("private void hiddenForwardHalves(int part, int parts)"), twin);
    assertTrue(twin.contains("private void hiddenForwardPart(double[][] in, double[][] w,"
        + " double[][] out, int from, int to)"), twin);
    assertFalse(twin.contains("VECTOR"), twin);
  }

  /**
   * Below the split threshold, the two parts go to both threads only where the layer has at least
   * {@code Planner.SHARED_MIN_WEIGHTS} weights (65,536): 784 x 84 = 65,856 does, 784 x 83 =
   * 65,072 does not.
   */
  @ParameterizedTest(name = "{0} units")
  @CsvSource({"84, true", "83, false", "256, true"})
  void smallBatchesShareTheTwoPartsOnlyOfALargeEnoughLayer(int units, boolean shared)
      throws IOException {
    String source = source(compile(List.of(
        "@Input(784) Layer pixels;",
        "@Dense(units = " + units + ", activation = RELU) Layer hidden;",
        "@Dense(units = 10, activation = SOFTMAX) Layer scores;")), "test.MlpNet");
    assertTrue(source.contains("workers().run(forwardHalvesTask);"), source);
    assertEquals(shared, source.contains("workers().share(forwardHalvesTask);"), source);
    assertTrue(source.contains("hiddenForwardHalves(0, 1);"), source);
  }

  private static Compilation compile(List<String> fields) {
    return compile(fields, "");
  }

  private static Compilation compile(List<String> fields, String options) {
    Compilation compilation = Sources.compile(Sources.network("Mlp",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY" + options + ")",
        "abstract class Mlp {",
        "  " + String.join("\n  ", fields),
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static String source(Compilation compilation, String type) throws IOException {
    return compilation.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
