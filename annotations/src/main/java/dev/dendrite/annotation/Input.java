package dev.dendrite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The input layer: the shape of one sample, for example {@code @Input(784)} for a vector of 784
 * features. It must be the first layer of a network, and there is exactly one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Input {

  /** The dimensions of one sample; every dimension is at least 1. */
  int[] value();
}
