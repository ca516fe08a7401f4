package dev.dendrite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens a multi-dimensional sample into a vector, for example after {@code @Input({28, 28})}
 * before the first {@link Dense} layer. A sample is always passed as one row of values in
 * row-major order (the 784 values of a 28 x 28 image, row after row), so the layer changes the
 * shape only: it computes nothing and has no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Flatten {}
