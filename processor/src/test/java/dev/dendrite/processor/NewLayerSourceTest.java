package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the emitter writes for batch normalization, flatten, PRELU, initialisers and no bias. */
class NewLayerSourceTest {

  private static String generated(Compilation compilation, String name) throws IOException {
    assertThat(compilation).succeededWithoutWarnings();
    return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }

  @Test
  void batchNormalizationKeepsRunningStatisticsAsBuffers() throws IOException {
    String source = generated(Sources.compile(Sources.network("Normed",
        "@Network(loss = Loss.MSE, doublePrecision = true)",
        "abstract class Normed {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 4, bias = false) Layer hidden;",
        "  @BatchNorm(activation = RELU, momentum = 0.9) Layer norm;",
        "  @Dense(units = 1) Layer out;",
        "}")), "test.NormedNet");
    assertTrue(source.contains(" * norm    BatchNorm       4           8            12"
        + "  momentum 0.9, epsilon 0.001, RELU"), source);
    assertTrue(source.contains("new Tensor(\"norm.gamma\", new int[] {NORM_SIZE}, normGamma,"
        + " normGammaGrad)"), source);
    assertTrue(source.contains("new Tensor(\"norm.running_mean\", new int[] {NORM_SIZE},"
        + " normRunningMean, null)"), source);
    assertTrue(source.contains("public List<Tensor> buffers() {"), source);
    assertTrue(source.contains("Initializers.constant(normRunningVar, 1.0);"), source);
    assertTrue(source.contains("x = training ? normForward(x, n) : normInference(x, n);"),
        source);
    assertTrue(source.contains("runningMean[j] = NORM_MOMENTUM * runningMean[j]"
        + " + (1f - NORM_MOMENTUM) * mean[j];"), source);
    assertTrue(source.contains("private static final float NORM_MOMENTUM = 0.9f;"), source);
    assertTrue(source.contains("List.of(\"norm.running_mean\", \"norm.running_var\"), 8L,"),
        source);
    assertFalse(source.contains("hiddenBias"), source);
    // Batch statistics need the whole batch: a network with batch normalization never splits.
    assertFalse(source.contains("workers().run("), source);
    assertFalse(source.contains("PARALLEL_MIN_BATCH"), source);
  }

  @Test
  void flattenOnlyRenamesTheSize() throws IOException {
    String source = generated(Sources.compile(Sources.network("Images",
        "@Network(loss = Loss.MSE)",
        "abstract class Images {",
        "  @Input({4, 7}) Layer pixels;",
        "  @Flatten Layer flat;",
        "  @Dense(units = 2) Layer out;",
        "}")), "test.ImagesNet");
    assertTrue(source.contains("public static final int PIXELS_SIZE = 28;"), source);
    assertTrue(source.contains("public static final int FLAT_SIZE = 28;"), source);
    assertTrue(source.contains("new Layer(\"pixels\", \"Input\", \"\", new int[] {4, 7}"), source);
    assertTrue(source.contains("// flat (Flatten): each row already holds a sample's 28 values in"
        + " row-major order"), source);
    assertTrue(source.contains("new float[FLAT_SIZE][OUT_SIZE]"), source);
    assertFalse(source.contains("flatForward"), source);
  }

  @Test
  void preluSlopesAreParametersAndInitialisersAreCalledByName() throws IOException {
    String source = generated(Sources.compile(Sources.network("Slopes",
        "@Network(loss = Loss.MSE)",
        "abstract class Slopes {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 4, activation = PRELU, init = Init.HE_NORMAL) Layer each;",
        "  @Dense(units = 4, activation = PRELU, preluMode = PreluMode.SHARED, alpha = 0.1,",
        "      init = Init.NORMAL, initScale = 0.2) Layer shared;",
        "  @Dense(units = 1, init = Init.ZEROS, bias = false) Layer out;",
        "}")), "test.SlopesNet");
    assertTrue(source.contains("Initializers.heNormal(eachWeight, init);"), source);
    assertTrue(source.contains("Initializers.constant(eachAlpha, 0.25);"), source);
    assertTrue(source.contains("Initializers.normal(sharedWeight, 0.2, init);"), source);
    assertTrue(source.contains("Initializers.constant(sharedAlpha, 0.1);"), source);
    assertTrue(source.contains("Initializers.constant(outWeight, 0.0);"), source);
    assertTrue(source.contains("new Tensor(\"each.alpha\", new int[] {EACH_SIZE}, eachAlpha,"
        + " eachAlphaGrad)"), source);
    assertTrue(source.contains("new Tensor(\"shared.alpha\", new int[] {1}, sharedAlpha,"
        + " sharedAlphaGrad)"), source);
    assertTrue(source.contains("a[0] = z[0] > 0f ? z[0] : slope[0] * z[0];"), source);
    assertTrue(source.contains("a[0] = z[0] > 0f ? z[0] : slope * z[0];"), source);
    assertTrue(source.contains("sharedAlphaGrad[0][0] = gSlope;"), source);
    assertTrue(source.contains("PRELU(0.1), shared slope, init NORMAL(0.2)"), source);
    assertTrue(source.contains("\"LINEAR, no bias, init ZEROS\""), source);
    assertFalse(source.contains("outBias"), source);
  }
}
