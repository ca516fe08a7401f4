package dev.dendrite.spark;

/**
 * Training on Spark stopped: the loss turned NaN or infinite. The message names the epoch, the
 * step and the partition.
 */
public class TrainingException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public TrainingException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}
