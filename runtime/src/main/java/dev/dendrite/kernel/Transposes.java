package dev.dendrite.kernel;

/**
 * Matrix transposes, called by generated networks: in each training forward pass a looped dense
 * layer copies its weights {@code [inputs][units]} to {@code [units][inputs]} (split by rows over
 * the threads that run the pass), so that the backward pass's input
 * gradient {@code dz · W^T} runs the forward pass's loop shape, whose inner loop HotSpot
 * vectorizes, instead of one dot product per sample and input.
 *
 * <p>The copy goes in squares of {@value #BLOCK} x {@value #BLOCK} values, so that the rows a
 * square reads and writes stay in the cache however long the rows are.
 */
public final class Transposes {

  /** The side of the squares the copy goes in. */
  static final int BLOCK = 16;

  private Transposes() {}

  /**
   * {@code to[j][k] = from[k][j]} for every {@code k < from.length} and {@code j <
   * from[0].length}.
   *
   * @throws IllegalArgumentException if {@code to} does not have {@code from[0].length} rows of
   *     {@code from.length} values
   */
  public static void transpose(float[][] from, float[][] to) {
    transposeRows(from, to, 0, from.length);
  }

  /**
   * Rows {@code rowFrom..rowTo-1} of {@code from} into columns {@code rowFrom..rowTo-1} of
   * {@code to}, its transpose; the rest of {@code to} is left as it was. Threads that each take
   * a range of rows write disjoint parts of {@code to}.
   *
   * @throws IllegalArgumentException if {@code to} is not {@code columns x rows} or the range
   *     is not within {@code from}'s rows
   */
  public static void transposeRows(float[][] from, float[][] to, int rowFrom, int rowTo) {
    int rows = from.length;
    int columns = rows == 0 ? 0 : from[0].length;
    requireShape(to.length, to.length == 0 ? rows : to[0].length, rows, columns);
    requireRange(rowFrom, rowTo, rows);
    for (int k0 = rowFrom; k0 < rowTo; k0 += BLOCK) {
      int k1 = Math.min(rowTo, k0 + BLOCK);
      for (int j0 = 0; j0 < columns; j0 += BLOCK) {
        int j1 = Math.min(columns, j0 + BLOCK);
        for (int j = j0; j < j1; j++) {
          float[] t = to[j];
          for (int k = k0; k < k1; k++) {
            t[k] = from[k][j];
          }
        }
      }
    }
  }

  /** Double form of {@link #transpose(float[][], float[][])}. */
  public static void transpose(double[][] from, double[][] to) {
    transposeRows(from, to, 0, from.length);
  }

  /**
   * Rows {@code rowFrom..rowTo-1} of {@code from} into columns {@code rowFrom..rowTo-1} of
   * {@code to}, its transpose; the rest of {@code to} is left as it was. Threads that each take
   * a range of rows write disjoint parts of {@code to}.
   *
   * @throws IllegalArgumentException if {@code to} is not {@code columns x rows} or the range
   *     is not within {@code from}'s rows
   */
  public static void transposeRows(double[][] from, double[][] to, int rowFrom, int rowTo) {
    int rows = from.length;
    int columns = rows == 0 ? 0 : from[0].length;
    requireShape(to.length, to.length == 0 ? rows : to[0].length, rows, columns);
    requireRange(rowFrom, rowTo, rows);
    for (int k0 = rowFrom; k0 < rowTo; k0 += BLOCK) {
      int k1 = Math.min(rowTo, k0 + BLOCK);
      for (int j0 = 0; j0 < columns; j0 += BLOCK) {
        int j1 = Math.min(columns, j0 + BLOCK);
        for (int j = j0; j < j1; j++) {
          double[] t = to[j];
          for (int k = k0; k < k1; k++) {
            t[k] = from[k][j];
          }
        }
      }
    }
  }

  private static void requireRange(int rowFrom, int rowTo, int rows) {
    if (rowFrom < 0 || rowFrom > rowTo || rowTo > rows) {
      throw new IllegalArgumentException(
          "rows " + rowFrom + ".." + rowTo + " of a matrix of " + rows + " rows");
    }
  }

  private static void requireShape(int toRows, int toColumns, int rows, int columns) {
    if (toRows != columns || toColumns != rows) {
      throw new IllegalArgumentException("the transpose of a " + rows + " x " + columns
          + " matrix needs a " + columns + " x " + rows + " matrix, not " + toRows + " x "
          + toColumns);
    }
  }
}
