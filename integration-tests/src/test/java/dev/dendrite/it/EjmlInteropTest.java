package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.DoubleModel;
import dev.dendrite.Model;
import dev.dendrite.ejml.Matrices;
import dev.dendrite.ejml.MatrixPredictions;
import dev.dendrite.optim.Adam;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;

/** Predicting with EJML matrices and reading weights as EJML matrices. */
class EjmlInteropTest {

  private static Model trained() {
    Model net = new PersistenceNets_ClassifierNet(3);
    new TrainingFixture(12, 4, 8, 9).train(net, new Adam(0.01f), 0, 2);
    return net;
  }

  @Test
  void predictsMatricesExactlyAsRows() {
    Model net = trained();
    float[][] x = ModelFilesRoundTripTest.inputs(30, 12, 4);
    float[][] expected = new float[30][4];
    net.predict(x, 30, expected);

    FMatrixRMaj out = MatrixPredictions.predict(net, Matrices.toMatrix(x, 30));
    assertEquals(30, out.numRows);
    assertEquals(4, out.numCols);
    assertArrayEquals(expected, Matrices.toRows(out));

    FMatrixRMaj reused = new FMatrixRMaj(1, 1);
    MatrixPredictions.predict(net, Matrices.toMatrix(x, 30), reused);
    assertArrayEquals(expected, Matrices.toRows(reused));

    DMatrixRMaj doubles = MatrixPredictions.predict(net, Matrices.toDoubleMatrix(x, 30));
    assertArrayEquals(expected, Matrices.toRows(doubles));

    assertEquals(0, MatrixPredictions.predict(net, new FMatrixRMaj(0, 12)).numRows);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MatrixPredictions.predict(net, new FMatrixRMaj(2, 11)));
    assertEquals("the input matrix has 11 columns, but the network takes 12 values per sample",
        e.getMessage());
  }

  @Test
  void doubleNetworksPredictDoubleMatrices() {
    DoubleModel net = new PersistenceNets_ClassifierNetDouble(5);
    double[][] x = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new double[12]};
    double[][] expected = new double[2][4];
    net.predict(x, 2, expected);
    DMatrixRMaj out = MatrixPredictions.predict(net, Matrices.toMatrix(x, 2));
    assertArrayEquals(expected, Matrices.toDoubleRows(out));
    assertEquals(12, Matrices.weight(net, "hidden1").numRows);
  }

  @Test
  void layerWeightsAsMatricesComputeTheForwardPass() {
    Model net = trained();
    float[][] x = ModelFilesRoundTripTest.inputs(10, 12, 6);
    FMatrixRMaj h = Matrices.toMatrix(x, 10);
    for (String layer : new String[] {"hidden1", "hidden2", "scores"}) {
      FMatrixRMaj w = Matrices.weight(net, layer);
      FMatrixRMaj b = Matrices.bias(net, layer);
      FMatrixRMaj z = new FMatrixRMaj(h.numRows, w.numCols);
      CommonOps_FDRM.mult(h, w, z); // samples are rows: z = h * W + b
      for (int r = 0; r < z.numRows; r++) {
        for (int c = 0; c < z.numCols; c++) {
          float v = z.get(r, c) + b.get(0, c);
          z.set(r, c, layer.equals("hidden1") ? Math.max(v, 0f)
              : layer.equals("hidden2") ? (float) Math.tanh(v) : v);
        }
      }
      h = z;
    }
    float[][] expected = new float[10][4];
    net.predict(x, 10, expected);
    for (int r = 0; r < 10; r++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < 4; c++) {
        max = Math.max(max, h.get(r, c));
      }
      double sum = 0;
      for (int c = 0; c < 4; c++) {
        sum += Math.exp(h.get(r, c) - max);
      }
      for (int c = 0; c < 4; c++) {
        assertEquals(expected[r][c], Math.exp(h.get(r, c) - max) / sum, 1e-5);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Matrices.weight(net, "drop"));
  }
}
