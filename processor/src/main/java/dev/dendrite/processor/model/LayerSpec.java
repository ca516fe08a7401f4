package dev.dendrite.processor.model;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.PreluMode;
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
   * {@code @Dense(units, activation, alpha, preluMode, init, initScale, bias, l1, l2)}.
   *
   * @param alpha {@code NaN} when not written
   * @param preluMode {@code null} when not written
   * @param init {@link Init#DEFAULT} when not written
   * @param initScale {@code NaN} when not written
   * @param l1 the L1 weight penalty, 0 when not written
   * @param l2 the L2 weight penalty, 0 when not written
   */
  record DenseSpec(
      int units,
      Activation activation,
      double alpha,
      SourceRef source,
      PreluMode preluMode,
      Init init,
      double initScale,
      boolean bias,
      double l1,
      double l2)
      implements LayerSpec {

    /** A dense layer with the default slope mode, initialisation and bias, without penalties. */
    public DenseSpec(int units, Activation activation, double alpha, SourceRef source) {
      this(units, activation, alpha, source, null, Init.DEFAULT, Double.NaN, true, 0, 0);
    }

    /** A dense layer with weight penalties and the default slope mode, initialisation and bias. */
    public DenseSpec(int units, Activation activation, double alpha, SourceRef source, double l1,
        double l2) {
      this(units, activation, alpha, source, null, Init.DEFAULT, Double.NaN, true, l1, l2);
    }

    /** A dense layer with the given slope mode, initialisation and bias, without penalties. */
    public DenseSpec(int units, Activation activation, double alpha, SourceRef source,
        PreluMode preluMode, Init init, double initScale, boolean bias) {
      this(units, activation, alpha, source, preluMode, init, initScale, bias, 0, 0);
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

  /**
   * {@code @BatchNorm(momentum, epsilon, activation, alpha)}; {@code alpha} is {@code NaN} when
   * not written.
   */
  record BatchNormSpec(
      double momentum, double epsilon, Activation activation, double alpha, SourceRef source)
      implements LayerSpec {
    @Override
    public String annotationName() {
      return "BatchNorm";
    }
  }

  /** {@code @Flatten}. */
  record FlattenSpec(SourceRef source) implements LayerSpec {
    @Override
    public String annotationName() {
      return "Flatten";
    }
  }
}
