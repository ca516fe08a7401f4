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
 * ones) and {@code A' = f(Z)} elementwise, or row by row for softmax. Inverted dropout multiplies
 * by a caller-supplied keep mask scaled by {@code 1 / (1 - rate)} in training and is the identity
 * in inference.
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
 * values), then the bias as one row of {@code units} values. Instances are immutable.
 */
public final class ReferenceMlp {

  /** One layer after the input. */
  public sealed interface LayerSpec permits Dense, Dropout {}

  /**
   * A fully connected layer.
   *
   * @param units the number of outputs
   * @param activation the activation function
   * @param alpha the parameter of LEAKY_RELU (NaN: 0.01) or ELU (NaN: 1.0); ignored otherwise
   */
  public record Dense(int units, Activation activation, double alpha) implements LayerSpec {

    public Dense {
      if (units < 1) {
        throw new IllegalArgumentException("units must be at least 1, was " + units);
      }
    }

    /** A dense layer whose activation takes its default parameter. */
    public Dense(int units, Activation activation) {
      this(units, activation, Double.NaN);
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
   * The result of a training pass.
   *
   * @param output the network's output, {@code n} rows
   * @param loss the mean loss over the batch, accumulated in double
   * @param gradients the gradient of that loss with respect to every parameter, in the layout and
   *     order of the parameters
   */
  public record Pass(float[][] output, double loss, List<float[][]> gradients) {}

  private final int inputSize;
  private final List<LayerSpec> layers;
  private final Loss loss;
  /** Per layer: the weight for a dense layer, null for dropout. */
  private final FMatrixRMaj[] weights;
  /** Per layer: the bias (1 x units) for a dense layer, null for dropout. */
  private final FMatrixRMaj[] biases;
  /** Per layer: the number of values per sample after it. */
  private final int[] widths;

  /**
   * A reference network.
   *
   * @param inputSize the number of values of one input sample
   * @param layers the layers after the input, in order
   * @param loss the training loss
   * @param parameters for each dense layer, its weight then its bias, in the layout described
   *     above; copied
   * @throws IllegalArgumentException if the parameters do not match the layers
   */
  public ReferenceMlp(int inputSize, List<LayerSpec> layers, Loss loss,
      List<float[][]> parameters) {
    if (inputSize < 1) {
      throw new IllegalArgumentException("inputSize must be at least 1, was " + inputSize);
    }
    this.inputSize = inputSize;
    this.layers = List.copyOf(layers);
    this.loss = loss;
    this.weights = new FMatrixRMaj[this.layers.size()];
    this.biases = new FMatrixRMaj[this.layers.size()];
    this.widths = new int[this.layers.size()];
    List<int[]> shapes = parameterShapes(inputSize, this.layers);
    if (parameters.size() != shapes.size()) {
      throw new IllegalArgumentException("expected " + shapes.size() + " parameter arrays, got "
          + parameters.size());
    }
    int width = inputSize;
    int p = 0;
    for (int l = 0; l < this.layers.size(); l++) {
      if (this.layers.get(l) instanceof Dense dense) {
        weights[l] = toMatrix(parameters.get(p), shapes.get(p), "parameter " + p);
        biases[l] = toMatrix(parameters.get(p + 1), shapes.get(p + 1), "parameter " + (p + 1));
        p += 2;
        width = dense.units();
      }
      widths[l] = width;
    }
  }

  /**
   * The shape, {@code {rows, columns}}, of every parameter of a network, in order: {@code {in,
   * units}} for a weight and {@code {1, units}} for a bias.
   */
  public static List<int[]> parameterShapes(int inputSize, List<LayerSpec> layers) {
    List<int[]> shapes = new ArrayList<>();
    int width = inputSize;
    for (LayerSpec layer : layers) {
      if (layer instanceof Dense dense) {
        shapes.add(new int[] {width, dense.units()});
        shapes.add(new int[] {1, dense.units()});
        width = dense.units();
      }
    }
    return shapes;
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
      if (weights[l] != null) {
        copy.add(toArray(weights[l]));
        copy.add(toArray(biases[l]));
      }
    }
    return copy;
  }

  /** Inference output for the first {@code n} rows of {@code input}, dropout is the identity. */
  public float[][] predict(float[][] input, int n) {
    Forward f = forward(input, n, null);
    return toArray(f.activations[layers.size()]);
  }

  /** The mean training loss with every value kept by dropout. */
  public double loss(float[][] input, float[][] target, int n) {
    return loss(input, target, n, null);
  }

  /** The mean training loss with the given dropout keep masks; see {@link #train}. */
  public double loss(float[][] input, float[][] target, int n, List<boolean[][]> keepMasks) {
    Forward f = forward(input, n, keepMasks);
    return meanLoss(f, toMatrix(target, n, outputSize(), "target"));
  }

  /** A training pass with every value kept by dropout. */
  public Pass train(float[][] input, float[][] target, int n) {
    return train(input, target, n, null);
  }

  /**
   * A training pass over the first {@code n} rows of {@code input} and {@code target}: forward,
   * mean loss and every parameter's gradient.
   *
   * @param keepMasks null to keep every value, or one mask per dropout layer in order, each at
   *     least {@code n} rows of the layer's width: {@code true} keeps a value (scaled by {@code 1 /
   *     (1 - rate)}), {@code false} drops it
   */
  public Pass train(float[][] input, float[][] target, int n, List<boolean[][]> keepMasks) {
    Forward f = forward(input, n, keepMasks);
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
      Dense dense = (Dense) layer;
      FMatrixRMaj z = f.preActivations[l];
      FMatrixRMaj gradZ = activationBackward(dense, z, f.activations[l + 1], grad);

      FMatrixRMaj gradW = new FMatrixRMaj(previous.numCols, dense.units());
      CommonOps_FDRM.multTransA(previous, gradZ, gradW);
      FMatrixRMaj ones = new FMatrixRMaj(n, 1);
      CommonOps_FDRM.fill(ones, 1f);
      FMatrixRMaj gradB = new FMatrixRMaj(1, dense.units());
      CommonOps_FDRM.multTransA(ones, gradZ, gradB);
      gradients.add(0, toArray(gradB));
      gradients.add(0, toArray(gradW));

      FMatrixRMaj gradIn = new FMatrixRMaj(n, previous.numCols);
      CommonOps_FDRM.multTransB(gradZ, weights[l], gradIn);
      grad = gradIn;
    }
    return new Pass(toArray(f.activations[layers.size()]), meanLoss, gradients);
  }

  // ---- forward ----

  /** What the backward pass needs: per layer its input activations, pre-activations and mask. */
  private record Forward(
      FMatrixRMaj[] activations, FMatrixRMaj[] preActivations, FMatrixRMaj[] masks) {}

  private Forward forward(float[][] input, int n, List<boolean[][]> keepMasks) {
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
    activations[0] = toMatrix(input, n, inputSize, "input");
    int dropoutIndex = 0;
    for (int l = 0; l < layers.size(); l++) {
      FMatrixRMaj a = activations[l];
      LayerSpec layer = layers.get(l);
      if (layer instanceof Dense dense) {
        FMatrixRMaj z = new FMatrixRMaj(n, dense.units());
        CommonOps_FDRM.mult(a, weights[l], z);
        FMatrixRMaj ones = new FMatrixRMaj(n, 1);
        CommonOps_FDRM.fill(ones, 1f);
        CommonOps_FDRM.multAdd(ones, biases[l], z);
        preActivations[l] = z;
        activations[l + 1] = activate(dense, z);
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
    return new Forward(activations, preActivations, masks);
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
