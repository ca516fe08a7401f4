package dev.dendrite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Tensor;
import dev.dendrite.parallel.Workers;
import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A step split over threads by rows ({@link Optimizer#step(List, Workers)}) updates every value,
 * and every value of the optimizer's state, exactly as the step on one thread does, for every
 * optimizer, on tensors with fewer rows than threads, single-column tensors and uneven shares,
 * over enough steps to pass a flush of tiny state.
 */
class SplitStepTest {

  private static final int[][] SHAPES = {{37, 9}, {1, 5}, {2, 3}, {11, 1}, {1, 1}, {6, 20}};
  private static final int STEPS = 300;

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("SGD", (Supplier<Optimizer>) () -> Sgd.plain(0.05f)),
        Arguments.of("SGD momentum", (Supplier<Optimizer>) () -> Sgd.withMomentum(0.05f, 0.9f)),
        Arguments.of("SGD Nesterov", (Supplier<Optimizer>) () -> Sgd.withNesterov(0.05f, 0.8f)),
        Arguments.of("Adam", (Supplier<Optimizer>) () -> new Adam(0.01f)),
        Arguments.of("AdamW", (Supplier<Optimizer>) () -> new AdamW(0.01f, 0.1f)),
        Arguments.of("RmsProp", (Supplier<Optimizer>) () -> new RmsProp(0.01f)),
        Arguments.of("AdaGrad", (Supplier<Optimizer>) () -> new AdaGrad(0.1f, 0.5f, 1e-8f)),
        Arguments.of("AdaDelta", (Supplier<Optimizer>) AdaDelta::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void aSplitStepUpdatesEveryValueAsOneThreadDoes(String name, Supplier<Optimizer> factory) {
    List<Tensor> alone = tensors();
    Optimizer one = factory.get();
    List<List<Tensor>> split = new ArrayList<>();
    List<Optimizer> splitOptimizers = new ArrayList<>();
    List<Workers> workers = new ArrayList<>();
    for (int threads = 2; threads <= 3; threads++) {
      split.add(tensors());
      splitOptimizers.add(factory.get());
      workers.add(new Workers(threads));
    }
    try {
      Rng rng = new Rng(name.hashCode());
      for (int step = 0; step < STEPS; step++) {
        // Gradients that are sometimes exactly 0, so that decaying state shrinks towards the
        // subnormal range and the flush of tiny state has work to do.
        float[][][] gradients = gradients(rng, step % 7 == 3);
        setGradients(alone, gradients);
        one.step(alone);
        for (int i = 0; i < split.size(); i++) {
          setGradients(split.get(i), gradients);
          splitOptimizers.get(i).step(split.get(i), workers.get(i));
        }
      }
      for (int i = 0; i < split.size(); i++) {
        String what = name + " on " + workers.get(i).threads() + " threads";
        assertEquals(one.iterations(), splitOptimizers.get(i).iterations(), what);
        for (int t = 0; t < SHAPES.length; t++) {
          assertSameBits(alone.get(t).values(), split.get(i).get(t).values(),
              what + ", values of tensor " + t);
          for (int k = 0; k < one.stateNames().size(); k++) {
            assertSameBits(one.state(k, t), splitOptimizers.get(i).state(k, t),
                what + ", " + one.stateNames().get(k) + " of tensor " + t);
          }
        }
      }
    } finally {
      workers.forEach(Workers::close);
    }
  }

  private static List<Tensor> tensors() {
    Rng rng = new Rng(42);
    List<Tensor> tensors = new ArrayList<>();
    for (int t = 0; t < SHAPES.length; t++) {
      int[] shape = SHAPES[t];
      float[][] values = new float[shape[0]][shape[1]];
      for (float[] row : values) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) rng.nextGaussian();
        }
      }
      tensors.add(new Tensor("t" + t, shape, values, new float[shape[0]][shape[1]]));
    }
    return tensors;
  }

  private static float[][][] gradients(Rng rng, boolean zero) {
    float[][][] gradients = new float[SHAPES.length][][];
    for (int t = 0; t < SHAPES.length; t++) {
      gradients[t] = new float[SHAPES[t][0]][SHAPES[t][1]];
      for (float[] row : gradients[t]) {
        for (int j = 0; j < row.length; j++) {
          row[j] = zero ? 0f : (float) (0.1 * rng.nextGaussian());
        }
      }
    }
    return gradients;
  }

  private static void setGradients(List<Tensor> tensors, float[][][] gradients) {
    for (int t = 0; t < tensors.size(); t++) {
      float[][] target = tensors.get(t).gradients();
      for (int r = 0; r < target.length; r++) {
        System.arraycopy(gradients[t][r], 0, target[r], 0, target[r].length);
      }
    }
  }

  private static void assertSameBits(float[][] expected, float[][] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int r = 0; r < expected.length; r++) {
      for (int j = 0; j < expected[r].length; j++) {
        assertEquals(Float.floatToIntBits(expected[r][j]), Float.floatToIntBits(actual[r][j]),
            what + " [" + r + "][" + j + "]: " + expected[r][j] + " vs " + actual[r][j]);
      }
    }
  }
}
