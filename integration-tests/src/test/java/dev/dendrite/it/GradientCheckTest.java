package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.DoubleModel;
import dev.dendrite.check.GradientCheck;
import dev.dendrite.random.Rng;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytic gradients of every generated double network against central differences: every
 * activation on looped and unrolled hidden layers, every output activation with MSE, sigmoid with
 * binary cross-entropy, softmax with categorical cross-entropy, and dropout with its mask held
 * fixed.
 */
class GradientCheckTest {

  static final double TOLERANCE = 1e-6;
  static final double STEP = 1e-5;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#doubleNets")
  void analyticGradientsMatchFiniteDifferences(String name, LongFunction<DoubleModel> factory) {
    assertGradientsMatch(name, factory, 4);
  }

  /** A batch of one sample, whose sums over samples have a single term. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#doubleNets")
  void analyticGradientsOfOneSampleMatchFiniteDifferences(
      String name, LongFunction<DoubleModel> factory) {
    assertGradientsMatch(name, factory, 1);
  }

  private static void assertGradientsMatch(
      String name, LongFunction<DoubleModel> factory, int n) {
    DoubleModel model = factory.apply(11);
    Rng rng = new Rng(name.hashCode());
    double[][] input = Batches.gaussian(n, model.inputSize(), rng);
    double[][] target = Batches.targets(model.loss(), n, model.outputSize(), rng);
    GradientCheck.Report report = GradientCheck.defaults().withStep(STEP).run(model, input, target, n);
    assertTrue(report.maxRelativeError() <= TOLERANCE, name + "\n" + report);
  }
}
