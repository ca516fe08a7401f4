package dev.dendrite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code out = activation(in · W + b)}, where {@code W} has shape
 * {@code [inputs, units]} and {@code b} has shape {@code [units]}.
 *
 * <p>Weights are initialised from the network's seed as {@link #init()} says: by default
 * He-uniform for the ReLU family ({@link Activation#RELU}, {@link Activation#LEAKY_RELU},
 * {@link Activation#PRELU}, {@link Activation#ELU}) and Glorot-uniform otherwise; biases start at
 * zero.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {

  /** The number of output units, at least 1. */
  int units();

  /** The activation applied to each unit; {@link Activation#LINEAR} by default. */
  Activation activation() default Activation.LINEAR;

  /**
   * The parameter of the activation: the negative slope of {@link Activation#LEAKY_RELU} (default
   * 0.01, must lie in [0, 1)), the saturation value of {@link Activation#ELU} (default 1.0, must
   * be positive) or the initial value of the learned slope of {@link Activation#PRELU} (default
   * 0.25, must be finite). Left unset ({@code NaN}) the activation's default applies; other
   * activations do not take one.
   */
  double alpha() default Double.NaN;

  /**
   * For {@link Activation#PRELU}: one learned slope per unit (the default) or one for the whole
   * layer. Other activations ignore it.
   */
  PreluMode preluMode() default PreluMode.PER_UNIT;

  /** How the weights are initialised; {@link Init#DEFAULT} picks by the activation. */
  Init init() default Init.DEFAULT;

  /**
   * The standard deviation of {@link Init#NORMAL} or the range of {@link Init#UNIFORM}, positive;
   * left unset ({@code NaN}) it is 0.05. Other initialisers compute their own scale.
   */
  double initScale() default Double.NaN;

  /**
   * Whether the layer adds a learned bias; {@code false} drops the {@code <layer>.bias}
   * parameter, as before a {@link BatchNorm} whose shift {@code beta} plays its role.
   */
  boolean bias() default true;

  /**
   * The L1 penalty on this layer's weights: {@code l1 * sum |w|} is added to the loss, and {@code
   * l1 * sign(w)} to each weight's gradient. Biases are not penalised. 0 (none) by default; must
   * be finite and at least 0. With {@link #l2()} as well, the penalty is the elastic net.
   */
  double l1() default 0;

  /**
   * The L2 penalty on this layer's weights: {@code l2 * sum w^2} is added to the loss, and {@code
   * 2 * l2 * w} to each weight's gradient (the Keras convention: {@code l2 = 0.01} adds {@code
   * 0.01 * sum w^2}). Biases are not penalised. 0 (none) by default; must be finite and at least
   * 0.
   */
  double l2() default 0;
}
