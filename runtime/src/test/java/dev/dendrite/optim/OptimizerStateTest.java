package dev.dendrite.optim;

import static dev.dendrite.optim.OptimizerTestSupport.parameters;
import static dev.dendrite.optim.OptimizerTestSupport.setGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state accessors checkpoints use: names, bind, live state arrays, the step count. */
class OptimizerStateTest {

  @Test
  void namesTheStateOfEachOptimizer() {
    assertEquals(List.of(), Sgd.plain(0.1f).stateNames());
    assertEquals(List.of("velocity"), Sgd.withMomentum(0.1f, 0.9f).stateNames());
    assertEquals(List.of("velocity"), Sgd.withNesterov(0.1f, 0.9f).stateNames());
    assertEquals(List.of("m", "v"), new Adam().stateNames());
  }

  @Test
  void bindAllocatesZeroStateWithoutChangingValues() {
    List<Tensor> params = parameters();
    float[][] before = {params.get(0).values()[0].clone(), params.get(0).values()[1].clone()};
    Adam adam = new Adam();
    assertThrows(IllegalStateException.class, () -> adam.state(0, 0));
    adam.bind(params);
    assertArrayEquals(before, params.get(0).values());
    assertArrayEquals(new float[2][3], adam.state(0, 0));
    assertArrayEquals(new float[1][3], adam.state(1, 1));
    assertEquals(0, adam.iterations());
    float[][] m = adam.state(0, 0);
    setGradients(params, 0);
    adam.step(params);
    assertSame(m, adam.state(0, 0), "the live array, kept by later steps");
    assertEquals(0.1f * 0.2f, m[0][0], 1e-7f);
  }

  @Test
  void bindRejectsOtherTensorsOnceBound() {
    Sgd sgd = Sgd.withMomentum(0.1f, 0.9f);
    sgd.bind(parameters());
    assertThrows(IllegalArgumentException.class, () -> sgd.bind(parameters().subList(0, 1)));
  }

  @Test
  void restoredIterationsDriveAdamsBiasCorrection() {
    // Two Adams at the same state but different step counts take different steps.
    List<Tensor> a = parameters();
    List<Tensor> b = parameters();
    Adam first = new Adam(0.1f);
    Adam later = new Adam(0.1f);
    later.setIterations(1000);
    setGradients(a, 0);
    setGradients(b, 0);
    first.step(a);
    later.step(b);
    assertEquals(1001, later.iterations());
    // Step 1: m/(1-b1) = g and v/(1-b2) = g^2, so the step is lr * sign(g).
    assertEquals(0.5f - 0.1f, a.get(0).values()[0][0], 1e-6f);
    // Step 1001: the first moment's correction is ~1, so the step is about lr * 0.1 / 0.68.
    float laterStep = 0.5f - b.get(0).values()[0][0];
    assertEquals(0.1f * 0.1f / (float) Math.sqrt(0.001f / (1 - Math.pow(0.999, 1001))),
        laterStep, 1e-5f);
    assertThrows(IllegalArgumentException.class, () -> later.setIterations(-1));
  }
}
