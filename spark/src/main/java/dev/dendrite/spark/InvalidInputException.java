package dev.dendrite.spark;

/**
 * Input that a network cannot train on or score: a missing column, a features vector of the
 * wrong size, a null or NaN value, a label outside the network's range, a network class that is
 * absent or not a generated network, or weights that do not fit the class. The message names the
 * column, the row's position where it is known, and what was expected.
 *
 * <p>Thrown on the driver by {@link DendriteEstimator#fit} and by {@link DendriteModel}'s schema
 * checks; a problem found in a row while a {@code transform}'s result is computed reaches the
 * caller as the cause of Spark's job failure. Spark's context keeps running either way.
 */
public class InvalidInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String column;
  private final long row;

  /**
   * @param column the column at fault, or null when the problem is not in a column
   * @param row the row's position (from 0, in the order of the DataFrame's partitions), or -1
   *     when it is not known
   * @param message the whole message
   */
  public InvalidInputException(String column, long row, String message) {
    super(message);
    this.column = column;
    this.row = row;
  }

  /** The column at fault; null when the problem is not in a column. */
  public String column() {
    return column;
  }

  /** The row's position from 0, in the DataFrame's order; -1 when it is not known. */
  public long row() {
    return row;
  }
}
