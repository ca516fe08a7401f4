package dev.dendrite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a multilayer perceptron. The annotated class lists its layers as fields, one layer
 * annotation per field, in order from input to output:
 *
 * <pre>{@code
 * @Network(loss = Loss.BINARY_CROSS_ENTROPY)
 * abstract class Circles {
 *   @Input(2)                                  Layer point;
 *   @Dense(units = 20, activation = RELU)      Layer hidden;
 *   @Dense(units = 1, activation = SIGMOID)    Layer inside;
 * }
 * }</pre>
 *
 * <p>The processor generates {@code CirclesNet}, a subclass of the annotated class in the same
 * package. The annotated class must therefore be a top-level or static nested class that is not
 * {@code final}, not {@code private}, not generic, and has a no-argument constructor the subclass
 * can call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {

  /** The loss minimised in training. */
  Loss loss();

  /**
   * Also generate {@code <ClassName>NetDouble}, a double-precision twin of the network used to
   * check gradients against finite differences. Off by default.
   */
  boolean doublePrecision() default false;
}
