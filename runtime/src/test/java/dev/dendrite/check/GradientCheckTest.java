package dev.dendrite.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Layer;
import dev.dendrite.annotation.Loss;
import dev.dendrite.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

  /** What a test model gets wrong on purpose. */
  enum Bug {
    NONE,
    /** The bias gradient lacks the factor 2 of the squared error. */
    HALF_BIAS_GRADIENT,
    /** One weight's gradient is replaced by that of its neighbour. */
    SWAPPED_WEIGHT_GRADIENT,
    /** The dropout mask is ignored in the backward pass. */
    IGNORES_DROPOUT_MASK
  }

  /**
   * {@code y = tanh(dropout(x) W + b)} with mean squared error, written by hand: 3 inputs, 2
   * outputs. Dropout (inverted, rate 0.5) on the input draws its mask from a seeded generator
   * whose state the model exposes, as a generated network does.
   */
  static final class TinyModel implements DoubleModel {
    static final int IN = 3;
    static final int OUT = 2;

    final double[][] w = new double[IN][OUT];
    final double[][] dw = new double[IN][OUT];
    final double[][] b = new double[1][OUT];
    final double[][] db = new double[1][OUT];
    private final List<DoubleTensor> parameters = List.of(
        new DoubleTensor("out.weight", new int[] {IN, OUT}, w, dw),
        new DoubleTensor("out.bias", new int[] {OUT}, b, db));
    private final boolean dropout;
    private final Bug bug;
    private final Rng rng = new Rng(99);
    int forwardCalls;

    private double[][] input;
    private double[][] x;
    private double[][] mask;
    private double[][] a;
    private int n;

    TinyModel(boolean dropout, Bug bug) {
      this.dropout = dropout;
      this.bug = bug;
      Rng init = new Rng(7);
      for (double[] row : w) {
        for (int j = 0; j < OUT; j++) {
          row[j] = init.nextGaussian() * 0.8;
        }
      }
      b[0][0] = 0.1;
      b[0][1] = -0.3;
    }

    @Override
    public List<DoubleTensor> parameters() {
      return parameters;
    }

    @Override
    public double[][] forward(double[][] input, int n, boolean training) {
      forwardCalls++;
      this.input = input;
      this.n = n;
      x = new double[n][IN];
      mask = new double[n][IN];
      a = new double[n][OUT];
      for (int s = 0; s < n; s++) {
        for (int i = 0; i < IN; i++) {
          mask[s][i] = training && dropout ? (rng.nextDouble() < 0.5 ? 0.0 : 2.0) : 1.0;
          x[s][i] = input[s][i] * mask[s][i];
        }
        for (int j = 0; j < OUT; j++) {
          double z = b[0][j];
          for (int i = 0; i < IN; i++) {
            z += x[s][i] * w[i][j];
          }
          a[s][j] = Math.tanh(z);
        }
      }
      return a;
    }

    @Override
    public double backward(double[][] target) {
      for (double[] row : dw) {
        java.util.Arrays.fill(row, 0.0);
      }
      java.util.Arrays.fill(db[0], 0.0);
      double loss = 0;
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < OUT; j++) {
          double d = a[s][j] - target[s][j];
          loss += d * d / OUT;
          double dz = 2.0 * d / OUT / n * (1 - a[s][j] * a[s][j]);
          db[0][j] += bug == Bug.HALF_BIAS_GRADIENT ? dz / 2 : dz;
          for (int i = 0; i < IN; i++) {
            double xi = bug == Bug.IGNORES_DROPOUT_MASK ? input[s][i] : x[s][i];
            dw[i][j] += xi * dz;
          }
        }
      }
      if (bug == Bug.SWAPPED_WEIGHT_GRADIENT) {
        double t = dw[1][0];
        dw[1][0] = dw[1][1];
        dw[1][1] = t;
      }
      return loss / n;
    }

    @Override
    public void predict(double[][] input, int n, double[][] output) {
      double[][] out = forward(input, n, false);
      for (int s = 0; s < n; s++) {
        System.arraycopy(out[s], 0, output[s], 0, OUT);
      }
    }

    @Override
    public void predict(double[] input, double[] output) {
      predict(new double[][] {input}, 1, new double[][] {output});
    }

    @Override
    public String networkName() {
      return "Tiny";
    }

    @Override
    public List<Layer> layers() {
      return List.of(
          new Layer("x", "Input", "", new int[] {IN}, List.of(), 0, 0),
          new Layer("out", "Dense", "TANH", new int[] {OUT},
              List.of("out.weight", "out.bias"), IN * OUT + OUT, 2L * IN * OUT));
    }

    @Override
    public Loss loss() {
      return Loss.MSE;
    }

    @Override
    public int inputSize() {
      return IN;
    }

    @Override
    public int outputSize() {
      return OUT;
    }

    @Override
    public long randomState() {
      return rng.state();
    }

    @Override
    public void setRandomState(long state) {
      rng.setState(state);
    }
  }

  private static final double[][] INPUT = {
    {0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}, {-0.2, 0.9, 0.4}, {0.0, -0.6, 1.1}
  };
  private static final double[][] TARGET = {{0.3, -0.5}, {0.9, 0.1}, {-0.4, 0.2}, {0.0, 0.7}};

  @Test
  void correctGradientsHaveTinyError() {
    TinyModel model = new TinyModel(false, Bug.NONE);
    GradientCheck.Report report = GradientCheck.check(model, INPUT, TARGET, 4);
    assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    assertEquals(2, report.tensors().size());
    assertEquals("out.weight", report.tensors().get(0).name());
    assertEquals(6, report.tensor("out.weight").valuesChecked());
    assertEquals(2, report.tensor("out.bias").valuesChecked());
    assertTrue(report.passes(1e-6));
  }

  @Test
  void dropoutMasksAreReplayed() {
    TinyModel model = new TinyModel(true, Bug.NONE);
    GradientCheck.Report report = GradientCheck.check(model, INPUT, TARGET, 4);
    assertTrue(report.maxRelativeError() < 1e-7, report::toString);
  }

  @Test
  void reportsWrongBiasGradient() {
    TinyModel model = new TinyModel(false, Bug.HALF_BIAS_GRADIENT);
    GradientCheck.Report report = GradientCheck.check(model, INPUT, TARGET, 4);
    GradientCheck.TensorResult bias = report.tensor("out.bias");
    assertEquals(0.5, bias.maxRelativeError(), 1e-6, report::toString);
    assertEquals(bias.numeric() / 2, bias.analytic(), 1e-9);
    assertTrue(report.tensor("out.weight").maxRelativeError() < 1e-7, report::toString);
    assertSame(bias, report.worst());
    assertEquals(0.5, report.maxRelativeError(), 1e-6);
    assertTrue(!report.passes(1e-3));
  }

  @Test
  void locatesWrongWeightGradient() {
    TinyModel model = new TinyModel(false, Bug.SWAPPED_WEIGHT_GRADIENT);
    GradientCheck.Report report = GradientCheck.check(model, INPUT, TARGET, 4);
    GradientCheck.TensorResult weight = report.tensor("out.weight");
    assertTrue(weight.maxRelativeError() > 0.1, report::toString);
    assertEquals(1, weight.worstRow());
    assertArrayEquals(new int[] {1, weight.worstColumn()}, weight.worstIndex());
    assertTrue(report.tensor("out.bias").maxRelativeError() < 1e-7, report::toString);
  }

  @Test
  void reportsGradientThatIgnoresTheDropoutMask() {
    TinyModel model = new TinyModel(true, Bug.IGNORES_DROPOUT_MASK);
    GradientCheck.Report report = GradientCheck.check(model, INPUT, TARGET, 4);
    assertTrue(report.tensor("out.weight").maxRelativeError() > 0.01, report::toString);
  }

  @Test
  void restoresValuesGradientsAndRandomState() {
    TinyModel model = new TinyModel(true, Bug.NONE);
    double[][] weightBefore = {model.w[0].clone(), model.w[1].clone(), model.w[2].clone()};
    double[] biasBefore = model.b[0].clone();

    TinyModel twin = new TinyModel(true, Bug.NONE);
    twin.forward(INPUT, 4, true);
    double loss = twin.backward(TARGET);

    GradientCheck.Report report = GradientCheck.check(model, INPUT, TARGET, 4);
    for (int i = 0; i < TinyModel.IN; i++) {
      assertArrayEquals(weightBefore[i], model.w[i], 0.0, "weight row " + i);
      assertArrayEquals(twin.dw[i], model.dw[i], 0.0, "weight gradient row " + i);
    }
    assertArrayEquals(biasBefore, model.b[0], 0.0);
    assertArrayEquals(twin.db[0], model.db[0], 0.0);
    assertEquals(twin.randomState(), model.randomState());
    assertEquals(loss, report.loss(), 0.0);
  }

  @Test
  void samplesValuesWhenAsked() {
    TinyModel model = new TinyModel(false, Bug.NONE);
    GradientCheck check = GradientCheck.defaults().withMaxValuesPerTensor(4, 3L);
    GradientCheck.Report report = check.run(model, INPUT, TARGET, 4);
    assertEquals(4, report.tensor("out.weight").valuesChecked());
    assertEquals(2, report.tensor("out.bias").valuesChecked());
    // One analytic pass, two passes per checked value, one closing pass.
    assertEquals(1 + 2 * (4 + 2) + 1, model.forwardCalls);
    assertTrue(report.maxRelativeError() < 1e-7, report::toString);
  }

  @Test
  void usesAGivenStepAndFloor() {
    TinyModel model = new TinyModel(false, Bug.NONE);
    GradientCheck.Report coarse = GradientCheck.check(model, INPUT, TARGET, 4, 1e-2);
    assertEquals(1e-2, coarse.step());
    assertTrue(coarse.maxRelativeError() > 1e-7 && coarse.maxRelativeError() < 1e-2,
        coarse::toString);
    GradientCheck check = GradientCheck.defaults().withStep(1e-5).withFloor(1e-8);
    assertEquals(1e-5, check.step());
    assertEquals(1e-8, check.floor());
    assertEquals(1e-8, check.run(model, INPUT, TARGET, 3).floor());
  }

  @Test
  void relativeErrorUsesTheFloor() {
    assertEquals(0.0, GradientCheck.relativeError(2.0, 2.0, 1e-4));
    assertEquals(0.5, GradientCheck.relativeError(1.0, 2.0, 1e-4), 1e-15);
    assertEquals(0.5, GradientCheck.relativeError(-2.0, -1.0, 1e-4), 1e-15);
    assertEquals(1e-6, GradientCheck.relativeError(1e-10, 0.0, 1e-4), 1e-18);
    assertEquals(Double.POSITIVE_INFINITY, GradientCheck.relativeError(Double.NaN, 1.0, 1e-4));
  }

  @Test
  void toStringListsEveryTensor() {
    TinyModel model = new TinyModel(false, Bug.HALF_BIAS_GRADIENT);
    String text = GradientCheck.check(model, INPUT, TARGET, 4).toString();
    assertTrue(text.contains("out.weight"), text);
    assertTrue(text.contains("out.bias"), text);
    assertTrue(text.contains("max relative error 5.000e-01"), text);
  }

  @Test
  void validatesArguments() {
    TinyModel model = new TinyModel(false, Bug.NONE);
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.check(model, INPUT, TARGET, 0));
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.check(model, INPUT, TARGET, 5));
    assertTrue(tooMany.getMessage().contains("was 5"), tooMany.getMessage());
    for (double h : new double[] {0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GradientCheck.defaults().withStep(h));
      assertTrue(e.getMessage().contains(Double.toString(h)), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> GradientCheck.defaults().withFloor(0));
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.defaults().withMaxValuesPerTensor(0));
  }
}
