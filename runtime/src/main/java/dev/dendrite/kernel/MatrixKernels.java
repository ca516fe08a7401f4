package dev.dendrite.kernel;

/**
 * The matrix products of a looped dense layer, as an alternative implementation may take them
 * over from the plain Java loops that generated networks contain. The input gradient {@code dz ·
 * W^T} is a {@link #forward} on the transposed weights, which generated networks keep. Matrices
 * are rows of {@code float}: a weight matrix is {@code [inputs][units]}, a batch {@code
 * [samples][values]}.
 *
 * <p>An implementation computes each output value the same way whichever range of samples or
 * rows it is given, so that splitting a batch over threads does not change results.
 *
 * @see Kernels#VECTOR
 */
public interface MatrixKernels {

  /**
   * {@code z[s] = in[s] · weight + bias} for samples {@code from..to-1}; {@code weight.length}
   * inputs, {@code weight[0].length} units. A {@code null} bias is a layer without one: {@code
   * z[s] = in[s] · weight}.
   */
  void forward(float[][] in, float[][] weight, float[] bias, float[][] z, int from, int to);

  /**
   * The part of {@link #forward} that weight rows {@code rowFrom..rowTo-1} contribute: {@code
   * z[s] = bias + sum_k in[s][k] weight[k]} over {@code k} in {@code rowFrom..rowTo-1}, for
   * samples {@code from..to-1}; a {@code null} bias starts each sum from zero. Generated networks
   * split a first layer's product this way into two parts of fixed rows, so that on two threads
   * each thread reads and updates only its own half of the weights (docs/design.md, "What crosses
   * between the cores"). Each value is computed the same way as by {@code forward} over the same
   * rows.
   */
  void forwardPart(float[][] in, float[][] weight, int rowFrom, int rowTo, float[] bias,
      float[][] z, int from, int to);

  /**
   * The fewest columns of a product's result ({@code weight[0].length} in {@link #forward}, {@code
   * g[0].length} in {@link #weightGradient}) for which generated networks call this
   * implementation; narrower products keep their own loops. 1 unless an implementation says
   * otherwise.
   */
  default int minUnits() {
    return 1;
  }

  /**
   * {@code weightGrad[k] = sum_s x[s][k] g[s]} over samples {@code 0..n-1} in order, for rows
   * {@code k} in {@code rowFrom..rowTo-1}.
   */
  void weightGradient(float[][] x, float[][] g, float[][] weightGrad, int n, int rowFrom,
      int rowTo);

}
