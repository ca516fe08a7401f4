package dev.dendrite.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Reads and checks the features and labels of rows, naming the column and row of a problem. */
final class Rows {

  private Rows() {}

  /** The index of {@code column} in {@code schema}, checked to hold ML vectors. */
  static int vectorColumn(StructType schema, String column, String role) {
    int index = columnIndex(schema, column, role, "an ML Vector (org.apache.spark.ml.linalg)");
    DataType type = schema.fields()[index].dataType();
    if (!type.equals(SQLDataTypes.VectorType())) {
      throw new InvalidInputException(column, -1, role + " column '" + column + "' has type "
          + type.simpleString() + "; expected an ML Vector (org.apache.spark.ml.linalg.Vector,"
          + " e.g. from VectorAssembler)");
    }
    return index;
  }

  /** The index of {@code column}, checked to hold numbers or ML vectors. */
  static int labelColumn(StructType schema, String column) {
    int index = columnIndex(schema, column, "label",
        "a number (class index or value) or an ML Vector of the network's output size");
    DataType type = schema.fields()[index].dataType();
    if (!(type instanceof NumericType) && !type.equals(SQLDataTypes.VectorType())) {
      throw new InvalidInputException(column, -1, "label column '" + column + "' has type "
          + type.simpleString() + "; expected a number (class index or value) or an ML Vector"
          + " of the network's output size");
    }
    return index;
  }

  private static int columnIndex(StructType schema, String column, String role,
      String expected) {
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(column)) {
        return i;
      }
    }
    throw new InvalidInputException(column, -1, "the DataFrame has no " + role + " column '"
        + column + "' (expected " + expected + "); its columns are "
        + String.join(", ", schema.fieldNames()));
  }

  /**
   * The features vector of {@code row} as floats, checked.
   *
   * @param where the row's position for messages, e.g. "row 12" or "row 3 of partition 1"
   */
  static float[] features(Row row, int index, int size, String column, long position,
      String where) {
    if (row.isNullAt(index)) {
      throw new InvalidInputException(column, position, "features column '" + column + "' is"
          + " null in " + where + "; expected a vector of " + size + " values");
    }
    Vector v = (Vector) row.get(index);
    if (v.size() != size) {
      throw new InvalidInputException(column, position, "features column '" + column + "' has"
          + " a vector of " + v.size() + " values in " + where + "; the network takes " + size);
    }
    float[] x = new float[size];
    for (int j = 0; j < size; j++) {
      double d = v.apply(j);
      if (Double.isNaN(d)) {
        throw new InvalidInputException(column, position, "features column '" + column + "'"
            + " has NaN at index " + j + " in " + where + "; expected numbers");
      }
      x[j] = (float) d;
    }
    return x;
  }

  /**
   * The target row of {@code row}'s label for a network with {@code outputs} outputs: a class
   * index one-hot encoded for a softmax, a 0/1 or probability for one sigmoid unit, or a vector
   * of the output size; checked.
   */
  static float[] target(Row row, int index, Output output, int outputs, String column,
      long position, String where) {
    if (row.isNullAt(index)) {
      throw new InvalidInputException(column, position, "label column '" + column + "' is null"
          + " in " + where + "; expected " + expectedLabel(output, outputs));
    }
    Object value = row.get(index);
    float[] y = new float[outputs];
    if (value instanceof Vector v) {
      if (v.size() != outputs) {
        throw new InvalidInputException(column, position, "label column '" + column + "' has a"
            + " vector of " + v.size() + " values in " + where + "; the network has " + outputs
            + " outputs");
      }
      for (int j = 0; j < outputs; j++) {
        double d = v.apply(j);
        checkValue(d, output, column, position, where, "at index " + j + " ");
        y[j] = (float) d;
      }
      return y;
    }
    double d = ((Number) value).doubleValue();
    if (Double.isNaN(d)) {
      throw new InvalidInputException(column, position, "label column '" + column + "' is NaN"
          + " in " + where + "; expected " + expectedLabel(output, outputs));
    }
    switch (output) {
      case SOFTMAX -> {
        if (d != Math.rint(d) || d < 0 || d >= outputs) {
          throw new InvalidInputException(column, position, "label column '" + column + "' is "
              + d + " in " + where + ", out of range; expected a class index 0, 1, ..., "
              + (outputs - 1));
        }
        y[(int) d] = 1f;
      }
      case SIGMOID, REGRESSION -> {
        if (outputs != 1) {
          throw new InvalidInputException(column, position, "label column '" + column + "'"
              + " holds a number in " + where + ", but the network has " + outputs
              + " outputs; expected a vector of " + outputs + " values");
        }
        checkValue(d, output, column, position, where, "");
        y[0] = (float) d;
      }
      default -> throw new InvalidInputException(column, position, "label column '" + column
          + "' holds a number in " + where + ", but the network has " + outputs + " yes/no"
          + " outputs; expected a vector of " + outputs + " values in [0, 1]");
    }
    return y;
  }

  private static void checkValue(double d, Output output, String column, long position,
      String where, String at) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new InvalidInputException(column, position, "label column '" + column + "' has "
          + d + " " + at + "in " + where + "; expected a finite number");
    }
    if ((output == Output.SIGMOID || output == Output.SIGMOIDS || output == Output.SOFTMAX)
        && (d < 0 || d > 1)) {
      throw new InvalidInputException(column, position, "label column '" + column + "' has "
          + d + " " + at + "in " + where + ", out of range; expected a value in [0, 1]");
    }
  }

  private static String expectedLabel(Output output, int outputs) {
    return switch (output) {
      case SOFTMAX -> "a class index 0, 1, ..., " + (outputs - 1) + " or a vector of "
          + outputs + " values";
      case SIGMOID -> "0 or 1 (or a probability in [0, 1])";
      case SIGMOIDS -> "a vector of " + outputs + " values in [0, 1]";
      case REGRESSION -> outputs == 1 ? "a number" : "a vector of " + outputs + " values";
    };
  }
}
