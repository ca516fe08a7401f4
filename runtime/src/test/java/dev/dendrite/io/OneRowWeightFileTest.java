package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weight {@code [inputs, 1]} is the same file content whether its rows hold one value each or
 * it is one row (as a generated network stores a small one-unit layer's weights): PyTorch's
 * {@code [1, inputs]}, the values in input order; and it reads back into either layout.
 */
class OneRowWeightFileTest {

  @TempDir Path folder;

  private static final int[] SHAPE = {4, 1};

  @Test
  void bothLayoutsWriteTheSameBytesAndReadBackIntoEither() throws Exception {
    float[][] rowsOfOne = {{0.5f}, {-1f}, {2.25f}, {-0f}};
    float[][] oneRow = {{0.5f, -1f, 2.25f, -0f}};
    Path rows = folder.resolve("rows.safetensors");
    Path row = folder.resolve("row.safetensors");
    new SafeTensorsWriter().add("out.weight", DType.F32, ParameterLayout.fileShape(SHAPE),
        sink -> ParameterLayout.write(sink, rowsOfOne, SHAPE)).write(rows);
    new SafeTensorsWriter().add("out.weight", DType.F32, ParameterLayout.fileShape(SHAPE),
        sink -> ParameterLayout.write(sink, oneRow, SHAPE)).write(row);
    assertArrayEquals(java.nio.file.Files.readAllBytes(rows),
        java.nio.file.Files.readAllBytes(row));

    try (SafeTensorsFile file = SafeTensorsFile.open(row)) {
      assertArrayEquals(new long[] {1, 4}, file.tensor("out.weight").shape());
      float[] stored = file.readFloats("out.weight");
      assertArrayEquals(oneRow[0], stored);
      float[][] intoRows = new float[4][1];
      float[][] intoRow = new float[1][4];
      ParameterLayout.copy(stored, intoRows, SHAPE);
      ParameterLayout.copy(stored, intoRow, SHAPE);
      assertArrayEquals(rowsOfOne, intoRows);
      assertArrayEquals(oneRow, intoRow);
    }
  }

  @Test
  void doublesToo() throws Exception {
    double[][] rowsOfOne = {{0.1}, {0.2}, {0.3}, {0.4}};
    double[][] oneRow = {{0.1, 0.2, 0.3, 0.4}};
    Path rows = folder.resolve("rows.safetensors");
    Path row = folder.resolve("row.safetensors");
    new SafeTensorsWriter().add("out.weight", DType.F64, ParameterLayout.fileShape(SHAPE),
        sink -> ParameterLayout.write(sink, rowsOfOne, SHAPE)).write(rows);
    new SafeTensorsWriter().add("out.weight", DType.F64, ParameterLayout.fileShape(SHAPE),
        sink -> ParameterLayout.write(sink, oneRow, SHAPE)).write(row);
    assertArrayEquals(java.nio.file.Files.readAllBytes(rows),
        java.nio.file.Files.readAllBytes(row));
    try (SafeTensorsFile file = SafeTensorsFile.open(row)) {
      double[] stored = file.readDoubles("out.weight");
      double[][] intoRow = new double[1][4];
      ParameterLayout.copy(stored, intoRow, SHAPE);
      assertArrayEquals(oneRow, intoRow);
    }
  }
}
