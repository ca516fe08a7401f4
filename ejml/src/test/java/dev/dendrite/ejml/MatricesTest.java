package dev.dendrite.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class MatricesTest {

  @Test
  void matrixRowsAreSamples() {
    FMatrixRMaj m = new FMatrixRMaj(new float[][] {{1, 2, 3}, {4, 5, 6}});
    float[][] rows = Matrices.toRows(m);
    assertArrayEquals(new float[][] {{1, 2, 3}, {4, 5, 6}}, rows);
    rows[0][0] = 99;
    assertEquals(1f, m.get(0, 0), "a copy");
    FMatrixRMaj back = Matrices.toMatrix(new float[][] {{1, 2}, {3, 4}, {5, 6}}, 2);
    assertEquals(2, back.numRows);
    assertEquals(2, back.numCols);
    assertEquals(4f, back.get(1, 1));
  }

  @Test
  void doubleMatricesRoundToFloatOrStayDouble() {
    DMatrixRMaj m = new DMatrixRMaj(new double[][] {{0.1, 1e300}, {-2, 0.5}});
    float[][] rows = Matrices.toRows(m);
    assertEquals(0.1f, rows[0][0]);
    assertEquals(Float.POSITIVE_INFINITY, rows[0][1]);
    assertArrayEquals(new double[][] {{0.1, 1e300}, {-2, 0.5}}, Matrices.toDoubleRows(m));
    DMatrixRMaj widened = Matrices.toDoubleMatrix(new float[][] {{0.1f}}, 1);
    assertEquals((double) 0.1f, widened.get(0, 0));
    assertEquals(0.5, Matrices.toMatrix(new double[][] {{0.5}}, 1).get(0, 0));
  }

  @Test
  void aTensorFollowsItsShapeWhateverItsRows() {
    Tensor oneRow = new Tensor("out.weight", new int[] {3, 1}, new float[][] {{1, 2, 3}},
        new float[][] {{0, 0, 0}});
    FMatrixRMaj column = Matrices.toMatrix(oneRow);
    assertEquals(3, column.numRows);
    assertEquals(1, column.numCols);
    assertEquals(3f, column.get(2, 0));
    Tensor rows = new Tensor("h.weight", new int[] {2, 3}, new float[][] {{1, 2, 3}, {4, 5, 6}},
        new float[2][3]);
    FMatrixRMaj matrix = Matrices.toMatrix(rows);
    assertEquals(2, matrix.numRows);
    assertEquals(6f, matrix.get(1, 2));
    Tensor bias = new Tensor("h.bias", new int[] {3}, new float[][] {{7, 8, 9}}, new float[1][3]);
    assertEquals(1, Matrices.toMatrix(bias).numRows);
    DMatrixRMaj doubles = Matrices.toMatrix(new dev.dendrite.DoubleTensor("out.weight",
        new int[] {2, 1}, new double[][] {{0.5, 1.5}}, new double[1][2]));
    assertEquals(2, doubles.numRows);
    assertEquals(1.5, doubles.get(1, 0));
  }

  @Test
  void copyRowsReusesArraysAndChecksThem() {
    float[][] rows = new float[3][2];
    float[] first = rows[0];
    Matrices.copyRows(new FMatrixRMaj(new float[][] {{1, 2}, {3, 4}}), rows);
    assertEquals(first, rows[0]);
    assertArrayEquals(new float[] {3, 4}, rows[1]);
    assertArrayEquals(new float[] {0, 0}, rows[2]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Matrices.copyRows(new FMatrixRMaj(2, 3), rows));
    assertEquals("row 0 has 2 values, expected 3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Matrices.copyRows(new FMatrixRMaj(4, 2), rows));
    assertEquals("needed 4 rows of 2 values, but there are 3", e.getMessage());
  }

  @Test
  void tensorsBecomeMatricesInTheirRowLayout() {
    float[][] weight = {{1, 2, 3}, {4, 5, 6}}; // [inputs 2][units 3]
    FMatrixRMaj w = Matrices.toMatrix(new Tensor("dense.weight", new int[] {2, 3}, weight,
        new float[2][3]));
    assertEquals(2, w.numRows);
    assertEquals(3, w.numCols);
    assertEquals(6f, w.get(1, 2));
    FMatrixRMaj b = Matrices.toMatrix(new Tensor("dense.bias", new int[] {3},
        new float[][] {{7, 8, 9}}, new float[1][3]));
    assertEquals(1, b.numRows);
    assertEquals(9f, b.get(0, 2));
  }
}
