package dev.dendrite.optim;

import java.util.List;

/**
 * Stochastic gradient descent, plain or with momentum. With learning rate {@code lr}, momentum
 * {@code mu}, gradient {@code g}, parameter {@code p} and velocity {@code v} (zero before the
 * first step), one step is, for every value:
 *
 * <ul>
 *   <li>{@linkplain #plain plain}: {@code p = p - lr g};
 *   <li>{@linkplain #withMomentum classical momentum} (Polyak): {@code v = mu v - lr g; p = p + v};
 *   <li>{@linkplain #withNesterov Nesterov momentum}, in the form of Sutskever et al. (2013)
 *       rewritten in terms of the current parameters: {@code v = mu v - lr g; p = p + mu v - lr
 *       g}, with the new {@code v}. For a constant learning rate this is the same update as
 *       PyTorch's {@code SGD(nesterov=True)}, {@code b = mu b + g; p = p - lr (g + mu b)}, with
 *       {@code v = -lr b}.
 * </ul>
 *
 * <p>Plain SGD keeps no state; the momentum forms keep one velocity per value, allocated on the
 * first step.
 */
public final class Sgd extends AbstractOptimizer {

  private final float momentum;
  private final boolean nesterov;
  private final boolean withVelocity;

  private Sgd(float learningRate, float momentum, boolean nesterov, boolean withVelocity) {
    super(learningRate, withVelocity ? 1 : 0, withVelocity ? momentum : 0f);
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.withVelocity = withVelocity;
  }

  /**
   * Plain SGD, {@code p = p - lr g}.
   *
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
   */
  public static Sgd plain(float learningRate) {
    return new Sgd(learningRate, 0f, false, false);
  }

  /**
   * SGD with classical momentum, {@code v = mu v - lr g; p = p + v}.
   *
   * @param momentum {@code mu}, in [0, 1); 0.9 is usual
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite or {@code
   *     momentum} is outside [0, 1)
   */
  public static Sgd withMomentum(float learningRate, float momentum) {
    return new Sgd(learningRate, checkUnitInterval("momentum", momentum), false, true);
  }

  /**
   * SGD with Nesterov momentum, {@code v = mu v - lr g; p = p + mu v - lr g}.
   *
   * @param momentum {@code mu}, in [0, 1); 0.9 is usual
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite or {@code
   *     momentum} is outside [0, 1)
   */
  public static Sgd withNesterov(float learningRate, float momentum) {
    return new Sgd(learningRate, checkUnitInterval("momentum", momentum), true, true);
  }

  /** The momentum {@code mu}; 0 for plain SGD. */
  public float momentum() {
    return momentum;
  }

  /** Whether this is Nesterov momentum. */
  public boolean isNesterov() {
    return nesterov;
  }

  /** {@code velocity} with momentum, nothing for plain SGD. */
  @Override
  public List<String> stateNames() {
    return withVelocity ? List.of("velocity") : List.of();
  }

  /**
   * Dispatches to one small loop per case, so that the whole update stays small enough for the
   * JIT to inline into {@link #step}: a step then costs no call per tensor.
   */
  @Override
  void update(int index, float[][] values, float[][] gradients, int from, int to) {
    float lr = learningRate();
    if (!withVelocity) {
      if (singleColumn(index)) {
        plainColumn(values, gradients, lr, from, to);
      } else {
        plainRows(values, gradients, lr, from, to);
      }
      return;
    }
    float[][] velocity = slot(0, index);
    if (singleColumn(index)) {
      momentumColumn(values, gradients, velocity, lr, momentum, nesterov, from, to);
    } else if (nesterov) {
      nesterovRows(values, gradients, velocity, lr, momentum, from, to);
    } else {
      momentumRows(values, gradients, velocity, lr, momentum, from, to);
    }
  }

  private static void plainColumn(float[][] values, float[][] gradients, float lr,
      int from, int to) {
    for (int r = from; r < to; r++) {
      values[r][0] -= lr * gradients[r][0];
    }
  }

  private static void plainRows(float[][] values, float[][] gradients, float lr,
      int from, int to) {
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      for (int j = 0; j < p.length; j++) {
        p[j] -= lr * g[j];
      }
    }
  }

  private static void momentumColumn(float[][] values, float[][] gradients,
      float[][] velocity, float lr, float mu, boolean nesterov, int from, int to) {
    for (int r = from; r < to; r++) {
      float g = gradients[r][0];
      float v = mu * velocity[r][0] - lr * g;
      velocity[r][0] = v;
      values[r][0] += nesterov ? mu * v - lr * g : v;
    }
  }

  private static void nesterovRows(float[][] values, float[][] gradients, float[][] velocity,
      float lr, float mu, int from, int to) {
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] v = velocity[r];
      for (int j = 0; j < p.length; j++) {
        float gj = g[j];
        float vj = mu * v[j] - lr * gj;
        v[j] = vj;
        p[j] += mu * vj - lr * gj;
      }
    }
  }

  private static void momentumRows(float[][] values, float[][] gradients, float[][] velocity,
      float lr, float mu, int from, int to) {
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] v = velocity[r];
      for (int j = 0; j < p.length; j++) {
        float vj = mu * v[j] - lr * g[j];
        v[j] = vj;
        p[j] += vj;
      }
    }
  }

  @Override
  public String toString() {
    String kind =
        withVelocity ? (nesterov ? "nesterov " : "") + "momentum=" + momentum + ", " : "";
    return "Sgd(" + kind + "lr=" + learningRate() + ", iterations=" + iterations() + ")";
  }
}
