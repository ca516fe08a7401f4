package dev.dendrite.optim;

import java.util.List;

/**
 * What {@link Adam} and {@link AdamW} share: the decay rates and {@code eps}, the two moment
 * estimates {@code m} and {@code v}, their bias corrections, and the fused update. The update
 * multiplies each value by {@link #shrink} before subtracting Adam's step: AdamW's decoupled weight
 * decay; 1 for Adam, for which {@code p * 1 - step} is exactly {@code p - step}.
 */
abstract class MomentEstimates extends AbstractOptimizer {

  private static final int FIRST_MOMENT = 0;
  private static final int SECOND_MOMENT = 1;

  private final float beta1;
  private final float beta2;
  private final float epsilon;

  /** The bias corrections {@code 1 / (1 - beta^t)} of the current step. */
  private float correction1;
  private float correction2;

  /** Takes settings its subclass has checked. */
  MomentEstimates(float learningRate, float beta1, float beta2, float epsilon) {
    super(learningRate, 2,
        beta1 > 0f && beta2 > 0f ? Math.min(beta1, beta2) : Math.max(beta1, beta2));
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** The decay rate of the first moment. */
  public final float beta1() {
    return beta1;
  }

  /** The decay rate of the second moment. */
  public final float beta2() {
    return beta2;
  }

  /** The {@code eps} added to {@code sqrt(vHat)}. */
  public final float epsilon() {
    return epsilon;
  }

  /** {@code m} and {@code v}, the first and second moment estimates. */
  @Override
  public final List<String> stateNames() {
    return List.of("m", "v");
  }

  /** The factor every value is multiplied by before this step's update, for learning rate lr. */
  abstract float shrink(float lr);

  @Override
  final void beginStep(int t) {
    correction1 = (float) (1.0 / (1.0 - Math.pow(beta1, t)));
    correction2 = (float) (1.0 / (1.0 - Math.pow(beta2, t)));
  }

  /**
   * One fused pass over the tensor's rows {@code from..to-1}: each value's moments and the value
   * itself are updated together, row by row, or down the column when every row holds one value.
   */
  @Override
  final void update(int index, float[][] values, float[][] gradients, int from, int to) {
    float lr = learningRate();
    float shrink = shrink(lr);
    float b1 = beta1;
    float b2 = beta2;
    float ob1 = 1f - beta1;
    float ob2 = 1f - beta2;
    float c1 = correction1;
    float c2 = correction2;
    float eps = epsilon;
    float[][] first = slot(FIRST_MOMENT, index);
    float[][] second = slot(SECOND_MOMENT, index);
    if (singleColumn(index)) {
      for (int r = from; r < to; r++) {
        float g = gradients[r][0];
        float m = b1 * first[r][0] + ob1 * g;
        float v = b2 * second[r][0] + ob2 * g * g;
        first[r][0] = m;
        second[r][0] = v;
        values[r][0] = values[r][0] * shrink - lr * (m * c1) / ((float) Math.sqrt(v * c2) + eps);
      }
      return;
    }
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] m = first[r];
      float[] v = second[r];
      for (int j = 0; j < p.length; j++) {
        float gj = g[j];
        float mj = b1 * m[j] + ob1 * gj;
        float vj = b2 * v[j] + ob2 * gj * gj;
        m[j] = mj;
        v[j] = vj;
        p[j] = p[j] * shrink - lr * (mj * c1) / ((float) Math.sqrt(vj * c2) + eps);
      }
    }
  }
}
