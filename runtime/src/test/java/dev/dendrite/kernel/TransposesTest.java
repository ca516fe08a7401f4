package dev.dendrite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransposesTest {

  /** Shapes smaller than, equal to and past the copy's squares, and ragged against them. */
  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"1, 1", "1, 37", "37, 1", "16, 16", "17, 15", "33, 64", "100, 3", "784, 256"})
  void everyValueLandsAtItsTransposedPlace(int rows, int columns) {
    float[][] from = numbered(rows, columns);
    double[][] fromDouble = numberedDouble(rows, columns);
    float[][] to = new float[columns][rows];
    double[][] toDouble = new double[columns][rows];
    Transposes.transpose(from, to);
    Transposes.transpose(fromDouble, toDouble);
    for (int k = 0; k < rows; k++) {
      for (int j = 0; j < columns; j++) {
        assertEquals(from[k][j], to[j][k], "value " + k + ", " + j);
        assertEquals(fromDouble[k][j], toDouble[j][k], "double value " + k + ", " + j);
      }
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"3, 4", "4, 4", "4, 3", "2, 4"})
  void aTargetOfAnotherShapeIsRejectedBeforeAnythingIsWritten(int toRows, int toColumns) {
    float[][] from = new float[2][4];
    float[][] to = new float[toRows][toColumns];
    to[0][0] = 7f;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Transposes.transpose(from, to));
    assertTrue(e.getMessage().contains("2 x 4 matrix needs a 4 x 2 matrix, not " + toRows + " x "
        + toColumns), e.getMessage());
    assertEquals(7f, to[0][0]);
    assertThrows(IllegalArgumentException.class,
        () -> Transposes.transpose(new double[2][4], new double[toRows][toColumns]));
  }

  /** Ranges that start and end inside and on the edges of the squares. */
  @ParameterizedTest(name = "rows {0}..{1} of 37 x 20")
  @CsvSource({"0, 37", "0, 18", "18, 37", "5, 6", "16, 32", "3, 3"})
  void aRangeOfRowsFillsOnlyItsColumnsOfTheTranspose(int rowFrom, int rowTo) {
    int rows = 37;
    int columns = 20;
    float[][] from = numbered(rows, columns);
    double[][] fromDouble = numberedDouble(rows, columns);
    float[][] to = new float[columns][rows];
    double[][] toDouble = new double[columns][rows];
    for (int j = 0; j < columns; j++) {
      Arrays.fill(to[j], -1f);
      Arrays.fill(toDouble[j], -1.0);
    }
    Transposes.transposeRows(from, to, rowFrom, rowTo);
    Transposes.transposeRows(fromDouble, toDouble, rowFrom, rowTo);
    for (int k = 0; k < rows; k++) {
      boolean inside = k >= rowFrom && k < rowTo;
      for (int j = 0; j < columns; j++) {
        assertEquals(inside ? from[k][j] : -1f, to[j][k], "value " + k + ", " + j);
        assertEquals(inside ? fromDouble[k][j] : -1.0, toDouble[j][k],
            "double value " + k + ", " + j);
      }
    }
  }

  @ParameterizedTest(name = "rows {0}..{1}")
  @CsvSource({"-1, 2", "3, 2", "0, 5"})
  void aRangeOutsideTheRowsIsRejected(int rowFrom, int rowTo) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Transposes.transposeRows(new float[4][3], new float[3][4], rowFrom, rowTo));
    assertTrue(e.getMessage().contains("rows " + rowFrom + ".." + rowTo + " of a matrix of 4"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Transposes.transposeRows(new double[4][3], new double[3][4], rowFrom, rowTo));
  }

  /** A matrix whose every value says where it stands. */
  private static float[][] numbered(int rows, int columns) {
    float[][] m = new float[rows][columns];
    for (int k = 0; k < rows; k++) {
      for (int j = 0; j < columns; j++) {
        m[k][j] = k * 1000 + j + 0.5f;
      }
    }
    return m;
  }

  /** {@link #numbered} in double, with other values. */
  private static double[][] numberedDouble(int rows, int columns) {
    double[][] m = new double[rows][columns];
    for (int k = 0; k < rows; k++) {
      for (int j = 0; j < columns; j++) {
        m[k][j] = -(k * 1000 + j) - 0.25;
      }
    }
    return m;
  }
}
