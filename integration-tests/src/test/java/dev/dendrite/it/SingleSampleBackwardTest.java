package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SIGMOID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Flatten;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.random.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backward pass of a batch of one sample, which small networks take in local variables
 * ({@code backwardInLocals}), gives bit for bit the loss and gradients that the per-layer kernels
 * give for a batch of two copies of the sample. Those are the same values: the loss scales each
 * sample's gradient by 1/2 instead of 1, which halves every term that follows exactly, and the two
 * equal halves add up exactly. Only networks that take the backward pass in local variables are
 * compared: through the per-layer kernels, a shared PRELU slope sums the terms of every unit of
 * both samples in one sum, whose rounding differs, and dropout draws a mask per sample.
 */
class SingleSampleBackwardTest {

  /** A flatten layer before the dense layers, in a network small enough for the locals. */
  @Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)
  abstract static class FlattenedSmall {
    @Input({2, 3}) Layer grid;
    @Flatten Layer flat;
    @Dense(units = 6, activation = RELU) Layer hidden;
    @Dense(units = 2, activation = SIGMOID) Layer out;
  }

  private static final int STEPS = 4;

  /** The float test networks that take one sample's backward pass in local variables. */
  static Stream<Arguments> floatNetsInLocals() {
    return AllTestNets.floatNets().filter(SingleSampleBackwardTest::inLocals);
  }

  /** The double test networks that take one sample's backward pass in local variables. */
  static Stream<Arguments> doubleNetsInLocals() {
    return AllTestNets.doubleNets().filter(SingleSampleBackwardTest::inLocals);
  }

  private static boolean inLocals(Arguments net) {
    LongFunction<?> factory = (LongFunction<?>) net.get()[1];
    return backpropagatesInLocals(factory.apply(1).getClass());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floatNetsInLocals")
  void floatGradientsOfOneSampleAreThoseOfTwoCopies(String name, LongFunction<Model> factory) {
    assertOneMatchesTwoCopies(name, factory);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubleNetsInLocals")
  void doubleGradientsOfOneSampleAreThoseOfTwoCopies(
      String name, LongFunction<DoubleModel> factory) {
    Rng rng = new Rng(name.hashCode() * 17L);
    DoubleModel one = factory.apply(5);
    DoubleModel two = factory.apply(5);
    for (int step = 0; step < STEPS; step++) {
      double[][] input = Batches.gaussian(1, one.inputSize(), rng);
      double[][] target = Batches.targets(one.loss(), 1, one.outputSize(), rng);
      one.forward(input, 1, true);
      double lossOne = one.backward(target);
      two.forward(twice(input), 2, true);
      double lossTwo = two.backward(twice(target));
      String at = name + ", step " + step;
      assertEquals(Double.doubleToLongBits(lossTwo), Double.doubleToLongBits(lossOne), at);
      List<DoubleTensor> p = one.parameters();
      List<DoubleTensor> q = two.parameters();
      for (int t = 0; t < p.size(); t++) {
        for (int r = 0; r < p.get(t).gradients().length; r++) {
          double[] g = p.get(t).gradients()[r];
          double[] h = q.get(t).gradients()[r];
          for (int j = 0; j < g.length; j++) {
            assertEquals(Double.doubleToLongBits(h[j]), Double.doubleToLongBits(g[j]),
                at + ": " + p.get(t).name() + "[" + r + "][" + j + "]");
          }
          // the next step starts from other weights
          double[] w = p.get(t).values()[r];
          double[] v = q.get(t).values()[r];
          for (int j = 0; j < w.length; j++) {
            w[j] -= 0.1 * g[j];
            v[j] = w[j];
          }
        }
      }
    }
  }

  @Test
  void aFlattenLayerBeforeTheLocals() {
    assertOneMatchesTwoCopies("FlattenedSmall", SingleSampleBackwardTest_FlattenedSmallNet::new);
  }

  @Test
  void penaltiesAfterTheLocals() {
    assertOneMatchesTwoCopies(
        "PenalizedBottleneck", OneRowWeightTest_PenalizedBottleneckNet::new);
  }

  /**
   * The planner's choice: networks that predict in local variables, without dropout, PRELU or a
   * softmax other than one fused with its loss, and within the method's size, take one sample's
   * backward pass in local variables; the others do not (HiddenRelu: 5-60-4-2, 796 terms).
   */
  @Test
  void smallNetworksBackpropagateInLocals() {
    for (Class<?> locals : new Class<?>[] {TestNets_BinarySigmoidNet.class,
        TestNets_MseReluNet.class, TestNets_MseLinearNet.class, TestNets_AlphasNet.class,
        TestNets_CategoricalSoftmaxNet.class, TestNets_MseSigmoidNetDouble.class,
        SingleSampleBackwardTest_FlattenedSmallNet.class}) {
      assertEquals(true, backpropagatesInLocals(locals), locals.getSimpleName());
    }
    for (Class<?> kernels : new Class<?>[] {TestNets_WithDropoutNet.class,
        TestNets_SmallPreluNet.class, TestNets_MseSoftmaxNet.class, TestNets_WideSoftmaxNet.class,
        TestNets_BatchNormAfterActivationNet.class, TestNets_FlattenedNet.class,
        TestNets_HiddenReluNet.class}) {
      assertEquals(false, backpropagatesInLocals(kernels), kernels.getSimpleName());
    }
  }

  private static boolean backpropagatesInLocals(Class<?> generated) {
    return Arrays.stream(generated.getDeclaredMethods())
        .anyMatch(m -> m.getName().equals("backwardInLocals"));
  }

  private static void assertOneMatchesTwoCopies(String name, LongFunction<Model> factory) {
    assertTrue(backpropagatesInLocals(factory.apply(1).getClass()),
        name + " should take one sample's backward pass in local variables");
    Rng rng = new Rng(name.hashCode() * 31L);
    Model one = factory.apply(5);
    Model two = factory.apply(5);
    for (int step = 0; step < STEPS; step++) {
      float[][] input = Batches.toFloat(Batches.gaussian(1, one.inputSize(), rng));
      float[][] target =
          Batches.toFloat(Batches.targets(one.loss(), 1, one.outputSize(), rng));
      one.forward(input, 1, true);
      float lossOne = one.backward(target);
      two.forward(twice(input), 2, true);
      float lossTwo = two.backward(twice(target));
      String at = name + ", step " + step;
      assertEquals(Float.floatToIntBits(lossTwo), Float.floatToIntBits(lossOne), at);
      List<Tensor> p = one.parameters();
      List<Tensor> q = two.parameters();
      for (int t = 0; t < p.size(); t++) {
        for (int r = 0; r < p.get(t).gradients().length; r++) {
          float[] g = p.get(t).gradients()[r];
          float[] h = q.get(t).gradients()[r];
          for (int j = 0; j < g.length; j++) {
            assertEquals(Float.floatToIntBits(h[j]), Float.floatToIntBits(g[j]),
                at + ": " + p.get(t).name() + "[" + r + "][" + j + "]");
          }
          // the next step starts from other weights
          float[] w = p.get(t).values()[r];
          float[] v = q.get(t).values()[r];
          for (int j = 0; j < w.length; j++) {
            w[j] -= 0.1f * g[j];
            v[j] = w[j];
          }
        }
      }
    }
  }

  private static float[][] twice(float[][] one) {
    return new float[][] {one[0].clone(), one[0].clone()};
  }

  private static double[][] twice(double[][] one) {
    return new double[][] {one[0].clone(), one[0].clone()};
  }
}
