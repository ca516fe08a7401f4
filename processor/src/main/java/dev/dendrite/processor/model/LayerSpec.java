package dev.dendrite.processor.model;

import dev.dendrite.annotation.Activation;
import java.util.Arrays;

/** One layer annotation as written on a field, with the place it was written. */
public sealed interface LayerSpec {

  /** The annotation on the field, for diagnostics. */
  SourceRef source();

  /** The annotation's simple name, e.g. {@code Dense}. */
  String annotationName();

  /** {@code @Input(shape)}. */
  record InputSpec(int[] shape, SourceRef source) implements LayerSpec {
    public InputSpec {
      shape = shape.clone();
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    @Override
    public String annotationName() {
      return "Input";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InputSpec i && Arrays.equals(shape, i.shape) && source == i.source;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return "@Input(" + Arrays.toString(shape) + ")";
    }
  }

  /**
   * {@code @Dense(units, activation, alpha, l1, l2)}; {@code alpha} is {@code NaN} when not
   * written, the penalties {@code 0}.
   */
  record DenseSpec(
      int units, Activation activation, double alpha, SourceRef source, double l1, double l2)
      implements LayerSpec {

    /** A dense layer without weight penalties. */
    public DenseSpec(int units, Activation activation, double alpha, SourceRef source) {
      this(units, activation, alpha, source, 0, 0);
    }

    @Override
    public String annotationName() {
      return "Dense";
    }
  }

  /** {@code @Dropout(rate)}. */
  record DropoutSpec(double rate, SourceRef source) implements LayerSpec {
    @Override
    public String annotationName() {
      return "Dropout";
    }
  }
}
