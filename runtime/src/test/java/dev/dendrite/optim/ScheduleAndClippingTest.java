package dev.dendrite.optim;

import static dev.dendrite.optim.OptimizerTestSupport.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleAndClippingTest {

  @Test
  void stepDecayMultipliesEveryKEpochs() {
    LearningRateSchedule schedule = LearningRateSchedule.step(3, 0.5f);
    float[] expected = {0.8f, 0.8f, 0.8f, 0.4f, 0.4f, 0.4f, 0.2f};
    for (int e = 0; e < expected.length; e++) {
      assertEquals(expected[e], schedule.learningRate(e, 0.8f), 1e-7f, "epoch " + e);
    }
  }

  @Test
  void exponentialDecayMultipliesEveryEpoch() {
    LearningRateSchedule schedule = LearningRateSchedule.exponential(0.9f);
    for (int e = 0; e < 20; e++) {
      assertEquals(0.1 * Math.pow(0.9, e), schedule.learningRate(e, 0.1f), 1e-7, "epoch " + e);
    }
  }

  @Test
  void cosineFallsFromInitialToFloorAndStays() {
    LearningRateSchedule schedule = LearningRateSchedule.cosine(10, 0.1f);
    assertEquals(1f, schedule.learningRate(0, 1f), 1e-7f);
    assertEquals(0.55f, schedule.learningRate(5, 1f), 1e-6f, "halfway: the mean of 1 and 0.1");
    assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.3)), schedule.learningRate(3, 1f),
        1e-6);
    assertEquals(0.1f, schedule.learningRate(10, 1f), 1e-7f);
    assertEquals(0.1f, schedule.learningRate(50, 1f), 1e-7f);
    for (int e = 1; e <= 10; e++) {
      assert schedule.learningRate(e, 1f) < schedule.learningRate(e - 1, 1f);
    }
  }

  @Test
  void constantKeepsTheRate() {
    assertEquals(0.3f, LearningRateSchedule.constant().learningRate(99, 0.3f));
  }

  @Test
  void schedulesValidateTheirSettings() {
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(2, 0f));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(1.5f));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, 0f));
  }

  @Test
  void clippingScalesTheWholeGradientToTheMaximumNorm() {
    List<Tensor> params = parameters();
    // Gradients 3 and 4 in two tensors: global norm 5.
    params.get(0).gradients()[1][2] = 3f;
    params.get(1).gradients()[0][0] = 4f;
    double norm = GradientClipping.byGlobalNorm(1f).clip(params);
    assertEquals(5.0, norm, 1e-12);
    assertEquals(0.6f, params.get(0).gradients()[1][2], 1e-7f);
    assertEquals(0.8f, params.get(1).gradients()[0][0], 1e-7f);
    assertEquals(1.0, GradientClipping.globalNorm(params), 1e-6);
  }

  @Test
  void clippingLeavesSmallGradientsAlone() {
    List<Tensor> params = parameters();
    params.get(0).gradients()[0][0] = 0.3f;
    params.get(1).gradients()[0][1] = -0.4f;
    double norm = GradientClipping.byGlobalNorm(1f).clip(params);
    assertEquals(0.5, norm, 1e-7);
    assertEquals(0.3f, params.get(0).gradients()[0][0]);
    assertEquals(-0.4f, params.get(1).gradients()[0][1]);
  }

  @Test
  void clippingLeavesNonFiniteGradientsForTheCallerToReport() {
    List<Tensor> params = parameters();
    params.get(0).gradients()[0][0] = Float.NaN;
    params.get(0).gradients()[0][1] = 7f;
    double norm = GradientClipping.byGlobalNorm(1f).clip(params);
    assertEquals(Double.NaN, norm);
    assertEquals(7f, params.get(0).gradients()[0][1]);
    assertThrows(IllegalArgumentException.class, () -> GradientClipping.byGlobalNorm(0f));
  }
}
