package dev.dendrite.train;

/**
 * Training met a loss, a gradient or a parameter that is NaN or infinite. The message names the
 * epoch and the batch (both from 1), the layer where the non-finite value first appeared (see
 * {@link Trainer}), and the training samples of the batch whose features or targets are not
 * finite, which is where such values usually come from.
 */
public final class NonFiniteException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final String layer;
  private final String tensor;
  private final int[] badSamples;

  NonFiniteException(String message, int epoch, int batch, String layer, String tensor,
      int[] badSamples) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
    this.layer = layer;
    this.tensor = tensor;
    this.badSamples = badSamples.clone();
  }

  /** The epoch, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The batch within the epoch, from 1; 0 when found by the check at the end of an epoch. */
  public int batch() {
    return batch;
  }

  /**
   * The layer where the non-finite value first appeared, or null if every parameter and gradient
   * is finite.
   */
  public String layer() {
    return layer;
  }

  /** The tensor in that layer, e.g. {@code hidden.weight}, or null. */
  public String tensor() {
    return tensor;
  }

  /**
   * The indices, in the training dataset, of the batch's samples whose features or targets are
   * not finite; empty if there are none.
   */
  public int[] badSamples() {
    return badSamples.clone();
  }
}
