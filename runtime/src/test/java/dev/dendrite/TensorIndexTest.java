package dev.dendrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#get}, {@link Tensor#set} and {@link Tensor#gradient} find a value by its index in
 * the shape, whether the rows are those of the last dimension or, for a weight {@code [inputs,
 * 1]}, one row of every value.
 */
class TensorIndexTest {

  @Test
  void aMatrixIsAddressedByRowAndColumn() {
    float[][] values = {{1, 2, 3}, {4, 5, 6}};
    float[][] gradients = {{-1, -2, -3}, {-4, -5, -6}};
    Tensor t = new Tensor("layer.weight", new int[] {2, 3}, values, gradients);
    assertEquals(6f, t.get(1, 2));
    assertEquals(2f, t.get(0, 1));
    assertEquals(-4f, t.gradient(1, 0));
    t.set(9f, 1, 1);
    assertEquals(9f, values[1][1]);
  }

  @Test
  void aOneUnitWeightIsTheSameWhetherItIsOneRowOrARowPerInput() {
    float[][] oneRow = {{1, 2, 3}};
    float[][] rowsOfOne = {{1}, {2}, {3}};
    Tensor row = new Tensor("out.weight", new int[] {3, 1}, oneRow, new float[][] {{7, 8, 9}});
    Tensor column = new Tensor("out.weight", new int[] {3, 1}, rowsOfOne,
        new float[][] {{7}, {8}, {9}});
    for (int k = 0; k < 3; k++) {
      assertEquals(column.get(k, 0), row.get(k, 0));
      assertEquals(column.gradient(k, 0), row.gradient(k, 0));
    }
    row.set(-5f, 2, 0);
    assertEquals(-5f, oneRow[0][2]);
    column.set(-5f, 2, 0);
    assertEquals(-5f, rowsOfOne[2][0]);
  }

  @Test
  void aVectorTakesOneIndex() {
    DoubleTensor bias = new DoubleTensor("out.bias", new int[] {4},
        new double[][] {{0.5, 1.5, 2.5, 3.5}}, new double[][] {{1, 2, 3, 4}});
    assertEquals(2.5, bias.get(2));
    assertEquals(4.0, bias.gradient(3));
    bias.set(-1.0, 0);
    assertEquals(-1.0, bias.values()[0][0]);
  }

  @Test
  void anIndexOutsideTheShapeOrOfTheWrongLengthIsRejected() {
    Tensor t = new Tensor("out.weight", new int[] {3, 1}, new float[][] {{1, 2, 3}},
        new float[][] {{0, 0, 0}});
    IndexOutOfBoundsException outside =
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 1));
    assertTrue(outside.getMessage().contains("[0, 1]") && outside.getMessage().contains("[3, 1]"),
        outside.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(3, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.set(1f, -1, 0));
    IndexOutOfBoundsException length =
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2));
    assertTrue(length.getMessage().contains("2 dimensions"), length.getMessage());
  }

  @Test
  void aTensorWithoutGradientsSaysSo() {
    Tensor buffer = new Tensor("norm.running_mean", new int[] {2}, new float[][] {{0, 0}}, null);
    assertEquals(0f, buffer.get(1));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> buffer.gradient(1));
    assertTrue(e.getMessage().contains("norm.running_mean"), e.getMessage());
  }
}
