package dev.dendrite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A tensor of single-value rows (the weights of a layer with one unit) is updated down its column;
 * the result must be bit for bit that of the same values laid out as one row.
 */
class SingleColumnTest {

  private static final float[] VALUES = {0.5f, -1.25f, 0f, 2f, -0.3f};
  private static final float[][] GRADIENTS = {
    {0.2f, -0.4f, 0f, 1.5f, -2f},
    {-0.1f, 0.3f, 1e-4f, -1f, 0.25f},
    {0.4f, 0f, -0.5f, 0.01f, 0.7f},
  };

  private static Tensor column() {
    float[][] values = new float[VALUES.length][1];
    for (int r = 0; r < VALUES.length; r++) {
      values[r][0] = VALUES[r];
    }
    return new Tensor("out.weight", new int[] {VALUES.length, 1}, values,
        new float[VALUES.length][1]);
  }

  private static Tensor row() {
    return new Tensor("out.bias", new int[] {VALUES.length}, new float[][] {VALUES.clone()},
        new float[1][VALUES.length]);
  }

  @Test
  void columnUpdatesEqualRowUpdatesBitForBit() {
    List<Supplier<Optimizer>> optimizers = List.of(
        () -> Sgd.plain(0.1f), () -> Sgd.withMomentum(0.1f, 0.9f),
        () -> Sgd.withNesterov(0.1f, 0.9f), () -> new Adam(0.01f), () -> new AdamW(0.01f, 0.1f));
    for (Supplier<Optimizer> make : optimizers) {
      Tensor column = column();
      Tensor row = row();
      Optimizer byColumn = make.get();
      Optimizer byRow = make.get();
      for (float[] gradients : GRADIENTS) {
        for (int r = 0; r < gradients.length; r++) {
          column.gradients()[r][0] = gradients[r];
          row.gradients()[0][r] = gradients[r];
        }
        byColumn.step(List.of(column));
        byRow.step(List.of(row));
      }
      for (int r = 0; r < VALUES.length; r++) {
        assertEquals(Float.floatToIntBits(row.values()[0][r]),
            Float.floatToIntBits(column.values()[r][0]), byColumn + ", value " + r);
        for (int s = 0; s < byColumn.stateNames().size(); s++) {
          assertEquals(byRow.state(s, 0)[0][r], byColumn.state(s, 0)[r][0],
              byColumn + ", " + byColumn.stateNames().get(s) + " " + r);
        }
      }
      assertTrue(column.values()[0][0] != VALUES[0], byColumn + " moved the values");
    }
  }

  @Test
  void aNewListOfTheSameTensorsIsAcceptedAndOtherTensorsAreChecked() {
    Tensor column = column();
    Sgd sgd = Sgd.plain(0.1f);
    sgd.step(List.of(column));
    sgd.step(List.of(column));
    Tensor ragged = new Tensor("out.weight", new int[] {VALUES.length, 1},
        new float[VALUES.length][1], new float[VALUES.length][1]);
    ragged.gradients()[3] = new float[2];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sgd.step(List.of(ragged)));
    assertTrue(e.getMessage().contains("row 3 of tensor 0 (out.weight) has 1 values and 2"
        + " gradients"), e.getMessage());
    assertEquals(2, sgd.iterations());
    sgd.step(List.of(column));
    assertEquals(3, sgd.iterations());
  }
}
