package dev.dendrite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inverted dropout. In training each value of the previous layer is zeroed with probability
 * {@code rate} and the survivors are scaled by {@code 1 / (1 - rate)}; the mask comes from the
 * network's seeded random generator. In inference the layer is the identity.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {

  /** The probability of dropping a value, in [0, 1). */
  double value();
}
