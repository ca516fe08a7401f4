package dev.dendrite.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The ONNX Runtime peer measures the benchmark network, and its setup refuses any other. */
class OnnxDigitsBenchmarkTest {

  @Test
  void predictsWhatTheGeneratedNetworkPredicts() throws OrtException {
    OnnxDigitsBenchmark benchmark = new OnnxDigitsBenchmark();
    benchmark.threads = 1;
    benchmark.setUp();
    try {
      DigitsNet net = new DigitsNet(1);
      DigitsData data = new DigitsData(DigitsBenchmark.PREDICT_BATCH, 2);
      float[][] expected = new float[DigitsBenchmark.PREDICT_BATCH][DigitsData.CLASSES];
      net.predict(data.images, DigitsBenchmark.PREDICT_BATCH, expected);

      FloatBuffer batch = benchmark.predictBatchOnnx().getFloatBuffer();
      assertEquals(DigitsBenchmark.PREDICT_BATCH * DigitsData.CLASSES, batch.remaining());
      for (int s = 0; s < DigitsBenchmark.PREDICT_BATCH; s += 97) {
        for (int j = 0; j < DigitsData.CLASSES; j++) {
          assertEquals(expected[s][j], batch.get(s * DigitsData.CLASSES + j),
              OnnxDigitsBenchmark.TOLERANCE, "sample " + s + " class " + j);
        }
      }
      FloatBuffer single = benchmark.predictSingleOnnx().getFloatBuffer();
      for (int j = 0; j < DigitsData.CLASSES; j++) {
        assertEquals(expected[0][j], single.get(j), OnnxDigitsBenchmark.TOLERANCE);
      }
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void theCheckStopsOnADifferenceOrANaN() throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    float[][] expected = {{0.25f, 0.75f}};
    try (OnnxTensor close = tensor(environment, 0.25f, 0.75f + 5e-5f);
        OnnxTensor far = tensor(environment, 0.25f, 0.75f + 5e-4f);
        OnnxTensor nan = tensor(environment, Float.NaN, 0.75f)) {
      OnnxDigitsBenchmark.check("test", expected, close);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> OnnxDigitsBenchmark.check("test", expected, far));
      assertTrue(e.getMessage().contains("differs from Dendrite's predict"), e.getMessage());
      assertThrows(IllegalStateException.class,
          () -> OnnxDigitsBenchmark.check("test", expected, nan));
    }
  }

  private static OnnxTensor tensor(OrtEnvironment environment, float... values)
      throws OrtException {
    return OnnxTensor.createTensor(environment, FloatBuffer.wrap(values),
        new long[] {1, values.length});
  }
}
