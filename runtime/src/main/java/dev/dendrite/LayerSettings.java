package dev.dendrite;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.PreluMode;

/**
 * The settings of one layer, as the annotation processor resolved them (defaults applied): what
 * a program needs to rebuild the layer's computation, e.g. to export the network. A setting the
 * layer's kind does not have is {@code null} (an object) or {@code NaN} (a number).
 *
 * <p>Which settings each kind has:
 *
 * <ul>
 *   <li>{@code Dense}: {@link #activation}, {@link #alpha} (LEAKY_RELU and ELU: the constant in
 *       effect; PRELU: the slope the training started from, the learned slopes being the
 *       parameter {@code <layer>.alpha}), {@link #preluMode} (PRELU only) and {@link #bias};
 *   <li>{@code BatchNorm}: {@link #momentum}, {@link #epsilon}, {@link #activation} and {@link
 *       #alpha} (LEAKY_RELU and ELU);
 *   <li>{@code Dropout}: {@link #rate};
 *   <li>{@code Input} and {@code Flatten}: none ({@link #NONE}).
 * </ul>
 *
 * @param activation the activation applied by the layer; {@code null} for kinds without one
 * @param alpha the activation's parameter; {@code NaN} for activations that take none
 * @param preluMode how many slopes a PRELU layer learns; {@code null} unless the activation is
 *     PRELU
 * @param bias whether a Dense layer adds a bias ({@code <layer>.bias}); false for other kinds
 * @param epsilon what batch normalization adds to the variance; {@code NaN} for other kinds
 * @param momentum the weight of the old running statistics in each update of batch
 *     normalization; {@code NaN} for other kinds
 * @param rate the dropout rate; {@code NaN} for other kinds
 */
public record LayerSettings(
    Activation activation,
    double alpha,
    PreluMode preluMode,
    boolean bias,
    double epsilon,
    double momentum,
    double rate) {

  /** The settings of a layer that has none: an input or a flatten layer. */
  public static final LayerSettings NONE =
      new LayerSettings(null, Double.NaN, null, false, Double.NaN, Double.NaN, Double.NaN);

  /**
   * The settings of a Dense layer.
   *
   * @param preluMode ignored (and stored as {@code null}) unless {@code activation} is PRELU
   */
  public static LayerSettings dense(
      Activation activation, double alpha, PreluMode preluMode, boolean bias) {
    return new LayerSettings(activation, alpha,
        activation == Activation.PRELU ? preluMode : null, bias,
        Double.NaN, Double.NaN, Double.NaN);
  }

  /** The settings of a Dense layer with a bias and an activation without a parameter. */
  public static LayerSettings dense(Activation activation) {
    return dense(activation, Double.NaN, null, true);
  }

  /** The settings of a batch normalization layer. */
  public static LayerSettings batchNorm(
      double momentum, double epsilon, Activation activation, double alpha) {
    return new LayerSettings(activation, alpha, null, false, epsilon, momentum, Double.NaN);
  }

  /** The settings of a dropout layer. */
  public static LayerSettings dropout(double rate) {
    return new LayerSettings(null, Double.NaN, null, false, Double.NaN, Double.NaN, rate);
  }
}
