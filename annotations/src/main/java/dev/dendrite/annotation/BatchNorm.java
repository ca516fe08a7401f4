package dev.dendrite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalization of the output of the {@link Dense} layer before it, unit by unit.
 *
 * <p>In training, each unit {@code x} is normalized with the mean {@code m} and the (biased)
 * variance {@code v} of that unit over the mini-batch, then scaled and shifted by the learned
 * {@code gamma} (starting at 1) and {@code beta} (starting at 0), then passed through
 * {@link #activation()}:
 *
 * <pre>{@code
 * y = gamma * (x - m) / sqrt(v + epsilon) + beta,   out = activation(y)
 * }</pre>
 *
 * <p>Each training pass also moves the running statistics (starting at mean 0, variance 1)
 * towards the batch's: {@code running = momentum * running + (1 - momentum) * batch}. In
 * inference the layer uses the running statistics instead of the batch's, so that a prediction
 * does not depend on the other samples of its batch. The running statistics are not trained:
 * they are the network's non-trainable tensors {@code <layer>.running_mean} and
 * {@code <layer>.running_var}.
 *
 * <p>The layer normalizes what the previous {@code @Dense} layer outputs, after its activation.
 * To normalize before the activation, declare the dense layer {@code LINEAR} (and without bias,
 * which the normalization cancels) and give the activation here:
 *
 * <pre>{@code
 * @Dense(units = 128, bias = false) Layer hidden;
 * @BatchNorm(activation = RELU)      Layer hiddenNorm;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {

  /** The weight of the old running statistics in each update, in (0, 1); 0.99 by default. */
  double momentum() default 0.99;

  /** Added to the variance before its square root, positive; 0.001 by default. */
  double epsilon() default 1e-3;

  /**
   * The activation applied after the scale and shift; {@link Activation#LINEAR} by default.
   * {@link Activation#SOFTMAX} and {@link Activation#PRELU} are not available here.
   */
  Activation activation() default Activation.LINEAR;

  /**
   * The parameter of {@link #activation()}, as {@link Dense#alpha()} for {@link
   * Activation#LEAKY_RELU} and {@link Activation#ELU}.
   */
  double alpha() default Double.NaN;
}
