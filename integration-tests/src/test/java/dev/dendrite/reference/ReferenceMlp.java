package dev.dendrite.reference;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * A plain multilayer perceptron on EJML, the reference that generated networks are compared with.
 * It shares no code with the processor or the runtime kernels: every step is written the textbook
 * way, with whole-batch matrix operations and no fusion.
 *
 * <p>A batch is a matrix {@code X} of {@code n} rows. A dense layer computes {@code Z = A W + 1 b}
 * (a matrix product, plus the bias added to every row through an outer product with a column of
 * ones; no bias term for a layer without bias) and {@code A' = f(Z)} elementwise, or row by row for
 * softmax; PRELU uses a learned slope per unit or one shared slope. Inverted dropout multiplies by
 * a caller-supplied keep mask scaled by {@code 1 / (1 - rate)} in training and is the identity in
 * inference.
 *
 * <p>Batch normalization in training takes the column means {@code m = 1^T A / n} and the biased
 * column variances {@code v = 1^T (C o C) / n} of the centred {@code C = A - 1 m}, normalizes
 * {@code H = C o (1 s)} with {@code s = 1 / sqrt(v + epsilon)}, and computes {@code Y = H o (1
 * gamma) + 1 beta} and {@code A' = f(Y)}; the running statistics move to {@code momentum * running
 * + (1 - momentum) * batch}. In inference it uses the running statistics in place of {@code m} and
 * {@code v}. Its backward pass is the textbook one: {@code dH = dY o (1 gamma)}, {@code dA = (1 s) o
 * (n dH - 1 (1^T dH) - H o 1 (1^T (dH o H))) / n}.
 *
 * <p>The loss is the mean over the samples of the per-sample loss of {@link Loss}: MSE and binary
 * cross-entropy average over the outputs, categorical cross-entropy sums {@code -y log a} over
 * them. The backward pass starts from {@code dL/dA} of the output, multiplies by the activation's
 * derivative elementwise (by the softmax Jacobian {@code diag(a) - a a^T} for softmax; the
 * cross-entropy losses are not fused with their activations), then {@code dW = A^T dZ}, {@code db
 * = 1^T dZ} and {@code dA = dZ W^T}.
 *
 * <p>Matrices are float, as in the networks it checks; scalar functions are evaluated in double
 * and rounded. Because the loss gradient is not fused with sigmoid or softmax, its float rounding
 * grows as an output saturates (an output {@code a} close to 1 loses relative precision in {@code
 * 1 - a}); compare with moderate pre-activations. ReLU and leaky ReLU take the derivative for
 * {@code z > 0} as 1 and for {@code z <= 0} as 0 or {@code alpha}.
 *
 * <p>Parameters are given and returned in the layout of {@link dev.dendrite.Tensor}: for each
 * dense layer in order, the weight {@code w[input][unit]} ({@code in} rows of {@code units}
 * values), then the bias as one row of {@code units} values if the layer has one, then for PRELU
 * the slopes as one row ({@code units} values, or one if shared); for each batch normalization
 * {@code gamma}, then {@code beta}, one row each. Its running mean and variance, one row each, are
 * given apart, in the order of {@link dev.dendrite.Model#buffers()}. Instances are immutable.
 */
public final class ReferenceMlp {

  /** One layer after the input. */
  public sealed interface LayerSpec permits Dense, Dropout, BatchNorm {}

  /**
   * A fully connected layer.
   *
   * @param units the number of outputs
   * @param activation the activation function
   * @param alpha the parameter of LEAKY_RELU (NaN: 0.01) or ELU (NaN: 1.0); ignored otherwise
   *     (PRELU's slopes are parameters)
   * @param bias whether the layer adds a bias
   * @param sharedSlope for PRELU: one slope for all units rather than one per unit
   */
  public record Dense(
      int units, Activation activation, double alpha, boolean bias, boolean sharedSlope)
      implements LayerSpec {

    public Dense {
      if (units < 1) {
        throw new IllegalArgumentException("units must be at least 1, was " + units);
      }
    }

    /** A dense layer with a bias and, for PRELU, a slope per unit. */
    public Dense(int units, Activation activation, double alpha) {
      this(units, activation, alpha, true, false);
    }

    /** A dense layer whose activation takes its default parameter. */
    public Dense(int units, Activation activation) {
      this(units, activation, Double.NaN);
    }

    /** The number of PRELU slopes: one per unit, one if shared, none for other activations. */
    public int slopes() {
      if (activation != Activation.PRELU) {
        return 0;
      }
      return sharedSlope ? 1 : units;
    }

    /** The activation parameter in effect. */
    public double effectiveAlpha() {
      if (!Double.isNaN(alpha)) {
        return alpha;
      }
      return switch (activation) {
        case LEAKY_RELU -> 0.01;
        case ELU -> 1.0;
        default -> Double.NaN;
      };
    }
  }

  /**
   * Inverted dropout.
   *
   * @param rate the probability of dropping a value, in [0, 1)
   */
  public record Dropout(double rate) implements LayerSpec {

    public Dropout {
      if (!(rate >= 0 && rate < 1)) {
        throw new IllegalArgumentException("dropout rate must be in [0, 1), was " + rate);
      }
    }
  }

  /**
   * Batch normalization of the previous layer's values, unit by unit.
   *
   * @param momentum the weight of the old running statistics in an update
   * @param epsilon added to the variance
   * @param activation applied after the scale and shift; not SOFTMAX or PRELU
   * @param alpha the parameter of LEAKY_RELU or ELU, NaN for the default
   */
  public record BatchNorm(double momentum, double epsilon, Activation activation, double alpha)
      implements LayerSpec {

    public BatchNorm {
      if (activation == Activation.SOFTMAX || activation == Activation.PRELU) {
        throw new IllegalArgumentException("no " + activation + " after batch normalization");
      }
      if (!(epsilon > 0)) {
        throw new IllegalArgumentException("epsilon must be positive, was " + epsilon);
      }
    }

    /** The activation as a dense layer of {@code units} would apply it. */
    Dense asActivation(int units) {
      return new Dense(units, activation, alpha);
    }
  }

  /**
   * The result of a training pass.
   *
   * @param output the network's output, {@code n} rows
   * @param loss the mean loss over the batch, accumulated in double
   * @param gradients the gradient of that loss with respect to every parameter, in the layout and
   *     order of the parameters
   * @param buffers the running statistics after the pass, in the layout and order of the
   *     constructor's buffers
   */
  public record Pass(
      float[][] output, double loss, List<float[][]> gradients, List<float[][]> buffers) {}

  private final int inputSize;
  private final List<LayerSpec> layers;
  private final Loss loss;
  /** Per layer: the weight for a dense layer, else null. */
  private final FMatrixRMaj[] weights;
  /** Per layer: the bias (1 x units) for a dense layer with bias, else null. */
  private final FMatrixRMaj[] biases;
  /** Per layer: the PRELU slopes (1 x units, or 1 x 1 if shared), else null. */
  private final FMatrixRMaj[] slopes;
  /** Per layer: gamma and beta (1 x units) of a batch normalization, else null. */
  private final FMatrixRMaj[] gammas;
  private final FMatrixRMaj[] betas;
  /** Per layer: the running mean and variance (1 x units) of a batch normalization, else null. */
  private final FMatrixRMaj[] runningMeans;
  private final FMatrixRMaj[] runningVars;
  /** Per layer: the number of values per sample after it. */
  private final int[] widths;

  /**
   * A reference network whose batch normalizations (if any) start with running mean 0 and
   * variance 1.
   *
   * @see #ReferenceMlp(int, List, Loss, List, List)
   */
  public ReferenceMlp(int inputSize, List<LayerSpec> layers, Loss loss,
      List<float[][]> parameters) {
    this(inputSize, layers, loss, parameters, defaultBuffers(inputSize, layers));
  }

  /**
   * A reference network.
   *
   * @param inputSize the number of values of one input sample
   * @param layers the layers after the input, in order
   * @param loss the training loss
   * @param parameters the parameters in the layout described above; copied
   * @param buffers for each batch normalization, its running mean then its running variance, one
   *     row each; copied
   * @throws IllegalArgumentException if the parameters or buffers do not match the layers
   */
  public ReferenceMlp(int inputSize, List<LayerSpec> layers, Loss loss,
      List<float[][]> parameters, List<float[][]> buffers) {
    if (inputSize < 1) {
      throw new IllegalArgumentException("inputSize must be at least 1, was " + inputSize);
    }
    this.inputSize = inputSize;
    this.layers = List.copyOf(layers);
    this.loss = loss;
    int count = this.layers.size();
    this.weights = new FMatrixRMaj[count];
    this.biases = new FMatrixRMaj[count];
    this.slopes = new FMatrixRMaj[count];
    this.gammas = new FMatrixRMaj[count];
    this.betas = new FMatrixRMaj[count];
    this.runningMeans = new FMatrixRMaj[count];
    this.runningVars = new FMatrixRMaj[count];
    this.widths = new int[count];
    List<int[]> shapes = parameterShapes(inputSize, this.layers);
    if (parameters.size() != shapes.size()) {
      throw new IllegalArgumentException("expected " + shapes.size() + " parameter arrays, got "
          + parameters.size());
    }
    List<int[]> bufferShapes = bufferShapes(inputSize, this.layers);
    if (buffers.size() != bufferShapes.size()) {
      throw new IllegalArgumentException("expected " + bufferShapes.size() + " buffers, got "
          + buffers.size());
    }
    int width = inputSize;
    int p = 0;
    int b = 0;
    for (int l = 0; l < count; l++) {
      LayerSpec layer = this.layers.get(l);
      if (layer instanceof Dense dense) {
        weights[l] = toMatrix(parameters.get(p), shapes.get(p), "parameter " + p);
        p++;
        if (dense.bias()) {
          biases[l] = toMatrix(parameters.get(p), shapes.get(p), "parameter " + p);
          p++;
        }
        if (dense.slopes() > 0) {
          slopes[l] = toMatrix(parameters.get(p), shapes.get(p), "parameter " + p);
          p++;
        }
        width = dense.units();
      } else if (layer instanceof BatchNorm) {
        gammas[l] = toMatrix(parameters.get(p), shapes.get(p), "parameter " + p);
        betas[l] = toMatrix(parameters.get(p + 1), shapes.get(p + 1), "parameter " + (p + 1));
        p += 2;
        runningMeans[l] = toMatrix(buffers.get(b), bufferShapes.get(b), "buffer " + b);
        runningVars[l] = toMatrix(buffers.get(b + 1), bufferShapes.get(b + 1),
            "buffer " + (b + 1));
        b += 2;
      }
      widths[l] = width;
    }
  }

  /**
   * The shape, {@code {rows, columns}}, of every parameter of a network, in order: {@code {in,
   * units}} for a weight, {@code {1, units}} for a bias, {@code {1, units}} or {@code {1, 1}} for
   * PRELU slopes, {@code {1, units}} for gamma and for beta.
   */
  public static List<int[]> parameterShapes(int inputSize, List<LayerSpec> layers) {
    List<int[]> shapes = new ArrayList<>();
    int width = inputSize;
    for (LayerSpec layer : layers) {
      if (layer instanceof Dense dense) {
        shapes.add(new int[] {width, dense.units()});
        if (dense.bias()) {
          shapes.add(new int[] {1, dense.units()});
        }
        if (dense.slopes() > 0) {
          shapes.add(new int[] {1, dense.slopes()});
        }
        width = dense.units();
      } else if (layer instanceof BatchNorm) {
        shapes.add(new int[] {1, width});
        shapes.add(new int[] {1, width});
      }
    }
    return shapes;
  }

  /** The shapes of the running mean and variance of every batch normalization, in order. */
  public static List<int[]> bufferShapes(int inputSize, List<LayerSpec> layers) {
    List<int[]> shapes = new ArrayList<>();
    int width = inputSize;
    for (LayerSpec layer : layers) {
      if (layer instanceof Dense dense) {
        width = dense.units();
      } else if (layer instanceof BatchNorm) {
        shapes.add(new int[] {1, width});
        shapes.add(new int[] {1, width});
      }
    }
    return shapes;
  }

  /** Running means of 0 and variances of 1. */
  private static List<float[][]> defaultBuffers(int inputSize, List<LayerSpec> layers) {
    List<float[][]> buffers = new ArrayList<>();
    List<int[]> shapes = bufferShapes(inputSize, layers);
    for (int i = 0; i < shapes.size(); i++) {
      float[][] values = new float[shapes.get(i)[0]][shapes.get(i)[1]];
      if (i % 2 == 1) {
        for (float[] row : values) {
          Arrays.fill(row, 1f);
        }
      }
      buffers.add(values);
    }
    return buffers;
  }

  /**
   * Parameters drawn uniformly from {@code [-scale, scale)} for a network, weights and biases
   * alike, in the order and layout the constructor takes.
   */
  public static List<float[][]> randomParameters(
      int inputSize, List<LayerSpec> layers, double scale, long seed) {
    Rng rng = new Rng(seed);
    List<float[][]> parameters = new ArrayList<>();
    for (int[] shape : parameterShapes(inputSize, layers)) {
      float[][] values = new float[shape[0]][shape[1]];
      for (float[] row : values) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
      }
      parameters.add(values);
    }
    return parameters;
  }

  /** The number of values of one input sample. */
  public int inputSize() {
    return inputSize;
  }

  /** The number of values of one output sample. */
  public int outputSize() {
    return widths.length == 0 ? inputSize : widths[widths.length - 1];
  }

  /** The layers after the input. */
  public List<LayerSpec> layers() {
    return layers;
  }

  /** The training loss. */
  public Loss loss() {
    return loss;
  }

  /** A copy of the parameters, in the order and layout the constructor takes. */
  public List<float[][]> parameters() {
    List<float[][]> copy = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      for (FMatrixRMaj m : new FMatrixRMaj[] {weights[l], biases[l], slopes[l], gammas[l],
          betas[l]}) {
        if (m != null) {
          copy.add(toArray(m));
        }
      }
    }
    return copy;
  }

  /** A copy of the running statistics, in the order and layout the constructor takes. */
  public List<float[][]> buffers() {
    List<float[][]> copy = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      if (runningMeans[l] != null) {
        copy.add(toArray(runningMeans[l]));
        copy.add(toArray(runningVars[l]));
      }
    }
    return copy;
  }

  /**
   * Inference output for the first {@code n} rows of {@code input}: dropout is the identity and
   * batch normalization uses the running statistics.
   */
  public float[][] predict(float[][] input, int n) {
    Forward f = forward(input, n, null, false);
    return toArray(f.activations[layers.size()]);
  }

  /** The mean training loss with every value kept by dropout. */
  public double loss(float[][] input, float[][] target, int n) {
    return loss(input, target, n, null);
  }

  /** The mean training loss with the given dropout keep masks; see {@link #train}. */
  public double loss(float[][] input, float[][] target, int n, List<boolean[][]> keepMasks) {
    Forward f = forward(input, n, keepMasks, true);
    return meanLoss(f, toMatrix(target, n, outputSize(), "target"));
  }

  /** A training pass with every value kept by dropout. */
  public Pass train(float[][] input, float[][] target, int n) {
    return train(input, target, n, null);
  }

  /**
   * A training pass over the first {@code n} rows of {@code input} and {@code target}: forward,
   * mean loss, every parameter's gradient, and the running statistics it leaves (this instance
   * keeps its own).
   *
   * @param keepMasks null to keep every value, or one mask per dropout layer in order, each at
   *     least {@code n} rows of the layer's width: {@code true} keeps a value (scaled by {@code 1 /
   *     (1 - rate)}), {@code false} drops it
   */
  public Pass train(float[][] input, float[][] target, int n, List<boolean[][]> keepMasks) {
    Forward f = forward(input, n, keepMasks, true);
    FMatrixRMaj y = toMatrix(target, n, outputSize(), "target");
    double meanLoss = meanLoss(f, y);

    FMatrixRMaj grad = lossGradient(f.activations[layers.size()], y);
    List<float[][]> gradients = new ArrayList<>();
    for (int l = layers.size() - 1; l >= 0; l--) {
      LayerSpec layer = layers.get(l);
      FMatrixRMaj previous = f.activations[l];
      if (layer instanceof Dropout) {
        FMatrixRMaj gradIn = new FMatrixRMaj(grad.numRows, grad.numCols);
        CommonOps_FDRM.elementMult(grad, f.masks[l], gradIn);
        grad = gradIn;
        continue;
      }
      if (layer instanceof BatchNorm norm) {
        grad = batchNormBackward(norm, l, f, grad, gradients);
        continue;
      }
      Dense dense = (Dense) layer;
      FMatrixRMaj z = f.preActivations[l];
      List<float[][]> layerGradients = new ArrayList<>();
      FMatrixRMaj gradZ;
      if (dense.slopes() > 0) {
        FMatrixRMaj gradSlopes = new FMatrixRMaj(1, dense.slopes());
        gradZ = preluBackward(z, slopes[l], grad, gradSlopes);
        layerGradients.add(toArray(gradSlopes));
      } else {
        gradZ = activationBackward(dense, z, f.activations[l + 1], grad);
      }

      FMatrixRMaj gradW = new FMatrixRMaj(previous.numCols, dense.units());
      CommonOps_FDRM.multTransA(previous, gradZ, gradW);
      if (dense.bias()) {
        FMatrixRMaj ones = new FMatrixRMaj(n, 1);
        CommonOps_FDRM.fill(ones, 1f);
        FMatrixRMaj gradB = new FMatrixRMaj(1, dense.units());
        CommonOps_FDRM.multTransA(ones, gradZ, gradB);
        layerGradients.add(0, toArray(gradB));
      }
      layerGradients.add(0, toArray(gradW));
      gradients.addAll(0, layerGradients);

      FMatrixRMaj gradIn = new FMatrixRMaj(n, previous.numCols);
      CommonOps_FDRM.multTransB(gradZ, weights[l], gradIn);
      grad = gradIn;
    }
    List<float[][]> buffers = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      if (f.runningMeans[l] != null) {
        buffers.add(toArray(f.runningMeans[l]));
        buffers.add(toArray(f.runningVars[l]));
      }
    }
    return new Pass(toArray(f.activations[layers.size()]), meanLoss, gradients, buffers);
  }

  /**
   * The backward pass of the batch normalization at {@code l}: adds the gradients of gamma and
   * beta in front of {@code gradients} and returns the gradient of its input.
   */
  private FMatrixRMaj batchNormBackward(
      BatchNorm norm, int l, Forward f, FMatrixRMaj gradA, List<float[][]> gradients) {
    int n = gradA.numRows;
    int m = gradA.numCols;
    FMatrixRMaj gradY = activationBackward(
        norm.asActivation(m), f.preActivations[l], f.activations[l + 1], gradA);
    FMatrixRMaj h = f.normalized[l];
    FMatrixRMaj ones = new FMatrixRMaj(n, 1);
    CommonOps_FDRM.fill(ones, 1f);

    FMatrixRMaj gradYTimesH = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(gradY, h, gradYTimesH);
    FMatrixRMaj gradGamma = new FMatrixRMaj(1, m);
    CommonOps_FDRM.multTransA(ones, gradYTimesH, gradGamma);
    FMatrixRMaj gradBeta = new FMatrixRMaj(1, m);
    CommonOps_FDRM.multTransA(ones, gradY, gradBeta);
    gradients.add(0, toArray(gradBeta));
    gradients.add(0, toArray(gradGamma));

    // dH = dY o (1 gamma)
    FMatrixRMaj gammaRows = new FMatrixRMaj(n, m);
    CommonOps_FDRM.mult(ones, gammas[l], gammaRows);
    FMatrixRMaj gradH = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(gradY, gammaRows, gradH);
    // 1^T dH and 1^T (dH o H)
    FMatrixRMaj sumGradH = new FMatrixRMaj(1, m);
    CommonOps_FDRM.multTransA(ones, gradH, sumGradH);
    FMatrixRMaj gradHTimesH = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(gradH, h, gradHTimesH);
    FMatrixRMaj sumGradHTimesH = new FMatrixRMaj(1, m);
    CommonOps_FDRM.multTransA(ones, gradHTimesH, sumGradHTimesH);
    // n dH - 1 (1^T dH) - H o 1 (1^T (dH o H))
    FMatrixRMaj inner = new FMatrixRMaj(n, m);
    CommonOps_FDRM.scale(n, gradH, inner);
    FMatrixRMaj spread = new FMatrixRMaj(n, m);
    CommonOps_FDRM.mult(ones, sumGradH, spread);
    CommonOps_FDRM.subtractEquals(inner, spread);
    CommonOps_FDRM.mult(ones, sumGradHTimesH, spread);
    FMatrixRMaj hTimesSpread = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(h, spread, hTimesSpread);
    CommonOps_FDRM.subtractEquals(inner, hTimesSpread);
    // dA = (1 s) o inner / n
    FMatrixRMaj inverseRows = new FMatrixRMaj(n, m);
    CommonOps_FDRM.mult(ones, f.inverseStd[l], inverseRows);
    FMatrixRMaj gradIn = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(inverseRows, inner, gradIn);
    CommonOps_FDRM.divide(gradIn, n);
    return gradIn;
  }

  /**
   * PRELU's {@code dL/dZ} from {@code dL/dA}, and the slopes' gradient into {@code gradSlopes}:
   * {@code da/dz} is 1 for {@code z > 0} and the slope otherwise, {@code da/dslope} is {@code z}
   * for {@code z <= 0} and 0 otherwise.
   */
  private static FMatrixRMaj preluBackward(
      FMatrixRMaj z, FMatrixRMaj slopes, FMatrixRMaj gradA, FMatrixRMaj gradSlopes) {
    int n = z.numRows;
    int m = z.numCols;
    boolean shared = slopes.numCols == 1;
    FMatrixRMaj derivative = new FMatrixRMaj(n, m);
    FMatrixRMaj slopeDerivative = new FMatrixRMaj(n, m);
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < m; j++) {
        float zj = z.get(s, j);
        float slope = slopes.get(0, shared ? 0 : j);
        derivative.set(s, j, zj > 0 ? 1f : slope);
        slopeDerivative.set(s, j, zj > 0 ? 0f : zj);
      }
    }
    FMatrixRMaj gradZ = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(gradA, derivative, gradZ);
    FMatrixRMaj perValue = new FMatrixRMaj(n, m);
    CommonOps_FDRM.elementMult(gradA, slopeDerivative, perValue);
    if (shared) {
      gradSlopes.set(0, 0, CommonOps_FDRM.elementSum(perValue));
    } else {
      FMatrixRMaj ones = new FMatrixRMaj(n, 1);
      CommonOps_FDRM.fill(ones, 1f);
      CommonOps_FDRM.multTransA(ones, perValue, gradSlopes);
    }
    return gradZ;
  }

  // ---- forward ----

  /**
   * What the backward pass needs: per layer its input activations, pre-activations (Z of a dense
   * layer, Y of a batch normalization) and mask; for a batch normalization in training the
   * normalized values H, the inverse standard deviations and the updated running statistics.
   */
  private record Forward(
      FMatrixRMaj[] activations, FMatrixRMaj[] preActivations, FMatrixRMaj[] masks,
      FMatrixRMaj[] normalized, FMatrixRMaj[] inverseStd, FMatrixRMaj[] runningMeans,
      FMatrixRMaj[] runningVars) {}

  private Forward forward(float[][] input, int n, List<boolean[][]> keepMasks, boolean training) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    int dropouts = (int) layers.stream().filter(l -> l instanceof Dropout).count();
    if (keepMasks != null && keepMasks.size() != dropouts) {
      throw new IllegalArgumentException("expected " + dropouts + " dropout masks, got "
          + keepMasks.size());
    }
    FMatrixRMaj[] activations = new FMatrixRMaj[layers.size() + 1];
    FMatrixRMaj[] preActivations = new FMatrixRMaj[layers.size()];
    FMatrixRMaj[] masks = new FMatrixRMaj[layers.size()];
    FMatrixRMaj[] normalized = new FMatrixRMaj[layers.size()];
    FMatrixRMaj[] inverseStd = new FMatrixRMaj[layers.size()];
    FMatrixRMaj[] newMeans = new FMatrixRMaj[layers.size()];
    FMatrixRMaj[] newVars = new FMatrixRMaj[layers.size()];
    activations[0] = toMatrix(input, n, inputSize, "input");
    int dropoutIndex = 0;
    for (int l = 0; l < layers.size(); l++) {
      FMatrixRMaj a = activations[l];
      LayerSpec layer = layers.get(l);
      if (layer instanceof Dense dense) {
        FMatrixRMaj z = new FMatrixRMaj(n, dense.units());
        CommonOps_FDRM.mult(a, weights[l], z);
        if (dense.bias()) {
          FMatrixRMaj ones = new FMatrixRMaj(n, 1);
          CommonOps_FDRM.fill(ones, 1f);
          CommonOps_FDRM.multAdd(ones, biases[l], z);
        }
        preActivations[l] = z;
        activations[l + 1] = dense.slopes() > 0 ? prelu(z, slopes[l]) : activate(dense, z);
      } else if (layer instanceof BatchNorm norm) {
        int m = a.numCols;
        FMatrixRMaj ones = new FMatrixRMaj(n, 1);
        CommonOps_FDRM.fill(ones, 1f);
        FMatrixRMaj mean;
        FMatrixRMaj variance;
        if (training) {
          // m = 1^T A / n, C = A - 1 m, v = 1^T (C o C) / n
          mean = new FMatrixRMaj(1, m);
          CommonOps_FDRM.multTransA(ones, a, mean);
          CommonOps_FDRM.divide(mean, n);
          FMatrixRMaj centred = new FMatrixRMaj(n, m);
          CommonOps_FDRM.mult(ones, mean, centred);
          CommonOps_FDRM.subtract(a, centred, centred);
          FMatrixRMaj squares = new FMatrixRMaj(n, m);
          CommonOps_FDRM.elementMult(centred, centred, squares);
          variance = new FMatrixRMaj(1, m);
          CommonOps_FDRM.multTransA(ones, squares, variance);
          CommonOps_FDRM.divide(variance, n);
          newMeans[l] = runningUpdate(runningMeans[l], mean, norm.momentum());
          newVars[l] = runningUpdate(runningVars[l], variance, norm.momentum());
        } else {
          mean = runningMeans[l];
          variance = runningVars[l];
        }
        FMatrixRMaj inverse = new FMatrixRMaj(1, m);
        for (int j = 0; j < m; j++) {
          inverse.set(0, j, (float) (1.0 / Math.sqrt(variance.get(0, j) + norm.epsilon())));
        }
        // H = (A - 1 m) o (1 s), Y = H o (1 gamma) + 1 beta
        FMatrixRMaj rows = new FMatrixRMaj(n, m);
        FMatrixRMaj h = new FMatrixRMaj(n, m);
        CommonOps_FDRM.mult(ones, mean, rows);
        CommonOps_FDRM.subtract(a, rows, h);
        CommonOps_FDRM.mult(ones, inverse, rows);
        CommonOps_FDRM.elementMult(h, rows);
        FMatrixRMaj y = new FMatrixRMaj(n, m);
        CommonOps_FDRM.mult(ones, gammas[l], rows);
        CommonOps_FDRM.elementMult(h, rows, y);
        CommonOps_FDRM.multAdd(ones, betas[l], y);
        normalized[l] = h;
        inverseStd[l] = inverse;
        preActivations[l] = y;
        activations[l + 1] = activate(norm.asActivation(m), y);
      } else {
        Dropout dropout = (Dropout) layer;
        boolean[][] keep = keepMasks == null ? null : keepMasks.get(dropoutIndex);
        if (keep != null) {
          checkMask(keep, n, a.numCols, dropoutIndex);
        }
        dropoutIndex++;
        FMatrixRMaj mask = new FMatrixRMaj(n, a.numCols);
        float scale = (float) (1.0 / (1.0 - dropout.rate()));
        for (int s = 0; s < n; s++) {
          for (int j = 0; j < a.numCols; j++) {
            boolean kept = keep == null || keep[s][j];
            mask.set(s, j, keep == null ? 1f : kept ? scale : 0f);
          }
        }
        masks[l] = mask;
        FMatrixRMaj out = new FMatrixRMaj(n, a.numCols);
        CommonOps_FDRM.elementMult(a, mask, out);
        activations[l + 1] = out;
      }
    }
    return new Forward(activations, preActivations, masks, normalized, inverseStd, newMeans,
        newVars);
  }

  /** {@code momentum * running + (1 - momentum) * batch}, in float like the networks. */
  private static FMatrixRMaj runningUpdate(FMatrixRMaj running, FMatrixRMaj batch,
      double momentum) {
    float keep = (float) momentum;
    FMatrixRMaj updated = new FMatrixRMaj(running.numRows, running.numCols);
    CommonOps_FDRM.add(keep, running, 1f - keep, batch, updated);
    return updated;
  }

  /** PRELU: {@code z > 0 ? z : slope z}, the slope per unit or shared. */
  private static FMatrixRMaj prelu(FMatrixRMaj z, FMatrixRMaj slopes) {
    FMatrixRMaj a = new FMatrixRMaj(z.numRows, z.numCols);
    boolean shared = slopes.numCols == 1;
    for (int s = 0; s < z.numRows; s++) {
      for (int j = 0; j < z.numCols; j++) {
        float zj = z.get(s, j);
        a.set(s, j, zj > 0 ? zj : slopes.get(0, shared ? 0 : j) * zj);
      }
    }
    return a;
  }

  private static void checkMask(boolean[][] keep, int n, int width, int index) {
    if (keep.length < n) {
      throw new IllegalArgumentException("dropout mask " + index + " has " + keep.length
          + " rows, need " + n);
    }
    for (int s = 0; s < n; s++) {
      if (keep[s].length != width) {
        throw new IllegalArgumentException("dropout mask " + index + " row " + s + " has "
            + keep[s].length + " values, expected " + width);
      }
    }
  }

  private static FMatrixRMaj activate(Dense dense, FMatrixRMaj z) {
    FMatrixRMaj a = new FMatrixRMaj(z.numRows, z.numCols);
    if (dense.activation() == Activation.SOFTMAX) {
      for (int s = 0; s < z.numRows; s++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.numCols; j++) {
          max = Math.max(max, z.get(s, j));
        }
        double sum = 0;
        for (int j = 0; j < z.numCols; j++) {
          sum += Math.exp(z.get(s, j) - max);
        }
        for (int j = 0; j < z.numCols; j++) {
          a.set(s, j, (float) (Math.exp(z.get(s, j) - max) / sum));
        }
      }
      return a;
    }
    double alpha = dense.effectiveAlpha();
    for (int i = 0; i < z.getNumElements(); i++) {
      a.data[i] = (float) function(dense.activation(), alpha, z.data[i]);
    }
    return a;
  }

  // ---- loss ----

  private double meanLoss(Forward f, FMatrixRMaj y) {
    int last = layers.size() - 1;
    FMatrixRMaj a = f.activations[layers.size()];
    FMatrixRMaj z = last >= 0 && layers.get(last) instanceof Dense ? f.preActivations[last] : null;
    Activation output = z == null ? null : ((Dense) layers.get(last)).activation();
    int n = a.numRows;
    int m = a.numCols;
    double total = 0;
    for (int s = 0; s < n; s++) {
      double sample = 0;
      switch (loss) {
        case MSE -> {
          for (int j = 0; j < m; j++) {
            double d = (double) a.get(s, j) - y.get(s, j);
            sample += d * d;
          }
          sample /= m;
        }
        case BINARY_CROSS_ENTROPY -> {
          for (int j = 0; j < m; j++) {
            double yj = y.get(s, j);
            double logA;
            double logOneMinusA;
            if (output == Activation.SIGMOID) {
              // log a = -log(1 + e^-z), log(1 - a) = -log(1 + e^z), exact in double.
              double zj = z.get(s, j);
              logA = -softplus(-zj);
              logOneMinusA = -softplus(zj);
            } else {
              logA = Math.log(a.get(s, j));
              logOneMinusA = Math.log(1.0 - a.get(s, j));
            }
            sample -= yj * logA + (1 - yj) * logOneMinusA;
          }
          sample /= m;
        }
        case CATEGORICAL_CROSS_ENTROPY -> {
          double logSumExp = 0;
          if (output == Activation.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
              max = Math.max(max, z.get(s, j));
            }
            double sum = 0;
            for (int j = 0; j < m; j++) {
              sum += Math.exp(z.get(s, j) - max);
            }
            logSumExp = max + Math.log(sum);
          }
          for (int j = 0; j < m; j++) {
            double yj = y.get(s, j);
            if (yj == 0) {
              continue;
            }
            double logA = output == Activation.SOFTMAX
                ? z.get(s, j) - logSumExp
                : Math.log(a.get(s, j));
            sample -= yj * logA;
          }
        }
        default -> throw new UnsupportedOperationException("loss " + loss);
      }
      total += sample;
    }
    return total / n;
  }

  /** {@code dL/dA} of the mean loss, unfused. */
  private FMatrixRMaj lossGradient(FMatrixRMaj a, FMatrixRMaj y) {
    int n = a.numRows;
    int m = a.numCols;
    FMatrixRMaj grad = new FMatrixRMaj(n, m);
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < m; j++) {
        double aj = a.get(s, j);
        double yj = y.get(s, j);
        double g = switch (loss) {
          case MSE -> 2.0 * (aj - yj) / m;
          case BINARY_CROSS_ENTROPY -> (-yj / aj + (1 - yj) / (1 - aj)) / m;
          case CATEGORICAL_CROSS_ENTROPY -> yj == 0 ? 0.0 : -yj / aj;
          default -> throw new UnsupportedOperationException("loss " + loss);
        };
        grad.set(s, j, (float) (g / n));
      }
    }
    return grad;
  }

  // ---- activations ----

  /** {@code dL/dZ} from {@code dL/dA}: elementwise, or through the softmax Jacobian per row. */
  private static FMatrixRMaj activationBackward(
      Dense dense, FMatrixRMaj z, FMatrixRMaj a, FMatrixRMaj gradA) {
    int n = z.numRows;
    int m = z.numCols;
    FMatrixRMaj gradZ = new FMatrixRMaj(n, m);
    if (dense.activation() == Activation.SOFTMAX) {
      FMatrixRMaj jacobian = new FMatrixRMaj(m, m);
      FMatrixRMaj rowA = new FMatrixRMaj(m, 1);
      FMatrixRMaj rowGradA = new FMatrixRMaj(m, 1);
      FMatrixRMaj rowGradZ = new FMatrixRMaj(m, 1);
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < m; j++) {
          rowA.set(j, 0, a.get(s, j));
          rowGradA.set(j, 0, gradA.get(s, j));
        }
        // J[i][k] = d a_i / d z_k = a_i (delta_ik - a_k)
        CommonOps_FDRM.multTransB(-1f, rowA, rowA, jacobian);
        for (int j = 0; j < m; j++) {
          jacobian.add(j, j, rowA.get(j, 0));
        }
        // dL/dz_k = sum_i dL/da_i J[i][k]
        CommonOps_FDRM.multTransA(jacobian, rowGradA, rowGradZ);
        for (int j = 0; j < m; j++) {
          gradZ.set(s, j, rowGradZ.get(j, 0));
        }
      }
      return gradZ;
    }
    double alpha = dense.effectiveAlpha();
    FMatrixRMaj derivative = new FMatrixRMaj(n, m);
    for (int i = 0; i < z.getNumElements(); i++) {
      derivative.data[i] = (float) derivative(dense.activation(), alpha, z.data[i]);
    }
    CommonOps_FDRM.elementMult(gradA, derivative, gradZ);
    return gradZ;
  }

  private static final double GELU_C = Math.sqrt(2.0 / Math.PI);
  private static final double GELU_K = 0.044715;

  private static double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
  }

  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  /** {@code f(z)} of an elementwise activation. */
  static double function(Activation activation, double alpha, double z) {
    return switch (activation) {
      case LINEAR -> z;
      case RELU -> z > 0 ? z : 0.0;
      case LEAKY_RELU -> z > 0 ? z : alpha * z;
      case ELU -> z > 0 ? z : alpha * (Math.exp(z) - 1.0);
      case SIGMOID -> sigmoid(z);
      case TANH -> Math.tanh(z);
      case SOFTPLUS -> softplus(z);
      case GELU -> 0.5 * z * (1.0 + Math.tanh(GELU_C * (z + GELU_K * z * z * z)));
      case SWISH -> z * sigmoid(z);
      case MISH -> z * Math.tanh(softplus(z));
      default -> throw new UnsupportedOperationException("activation " + activation);
    };
  }

  /** {@code f'(z)} of an elementwise activation. */
  static double derivative(Activation activation, double alpha, double z) {
    switch (activation) {
      case LINEAR:
        return 1.0;
      case RELU:
        return z > 0 ? 1.0 : 0.0;
      case LEAKY_RELU:
        return z > 0 ? 1.0 : alpha;
      case ELU:
        return z > 0 ? 1.0 : alpha * Math.exp(z);
      case SIGMOID: {
        double s = sigmoid(z);
        return s * (1.0 - s);
      }
      case TANH: {
        double t = Math.tanh(z);
        return 1.0 - t * t;
      }
      case SOFTPLUS:
        return sigmoid(z);
      case GELU: {
        double u = GELU_C * (z + GELU_K * z * z * z);
        double t = Math.tanh(u);
        double du = GELU_C * (1.0 + 3.0 * GELU_K * z * z);
        return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * du;
      }
      case SWISH: {
        double s = sigmoid(z);
        return s * (1.0 + z * (1.0 - s));
      }
      case MISH: {
        double t = Math.tanh(softplus(z));
        return t + z * (1.0 - t * t) * sigmoid(z);
      }
      default:
        throw new UnsupportedOperationException("activation " + activation);
    }
  }

  // ---- conversions ----

  private static FMatrixRMaj toMatrix(float[][] values, int[] shape, String what) {
    if (values.length != shape[0]) {
      throw new IllegalArgumentException(what + " has " + values.length + " rows, expected "
          + Arrays.toString(shape));
    }
    return toMatrix(values, shape[0], shape[1], what);
  }

  /** The first {@code rows} rows of {@code values}, each of exactly {@code columns} values. */
  private static FMatrixRMaj toMatrix(float[][] values, int rows, int columns, String what) {
    if (values.length < rows) {
      throw new IllegalArgumentException(what + " has " + values.length + " rows, need " + rows);
    }
    FMatrixRMaj m = new FMatrixRMaj(rows, columns);
    for (int r = 0; r < rows; r++) {
      if (values[r].length != columns) {
        throw new IllegalArgumentException(what + " row " + r + " has " + values[r].length
            + " values, expected " + columns);
      }
      System.arraycopy(values[r], 0, m.data, r * columns, columns);
    }
    return m;
  }

  private static float[][] toArray(FMatrixRMaj m) {
    float[][] values = new float[m.numRows][m.numCols];
    for (int r = 0; r < m.numRows; r++) {
      System.arraycopy(m.data, r * m.numCols, values[r], 0, m.numCols);
    }
    return values;
  }
}
