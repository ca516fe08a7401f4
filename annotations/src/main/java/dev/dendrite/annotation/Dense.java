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
 * <p>Weights are initialised from the network's seed, He-uniform for the ReLU family
 * ({@link Activation#RELU}, {@link Activation#LEAKY_RELU}, {@link Activation#ELU}) and
 * Glorot-uniform otherwise; biases start at zero.
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
   * 0.01, must lie in [0, 1)) or the saturation value of {@link Activation#ELU} (default 1.0, must
   * be positive). Left unset ({@code NaN}) the activation's default applies; other activations do
   * not take one.
   */
  double alpha() default Double.NaN;
}
