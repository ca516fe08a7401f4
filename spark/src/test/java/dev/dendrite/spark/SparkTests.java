package dev.dendrite.spark;

import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The Spark session and data of the tests. */
final class SparkTests {

  private SparkTests() {}

  /** A local session of two threads on the loopback address, without UI. */
  static SparkSession session(String name) {
    return SparkSession.builder()
        .appName(name)
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("features", SQLDataTypes.VectorType(), true),
      DataTypes.createStructField("label", DataTypes.DoubleType, true)));

  /**
   * {@code n} points of 4 features around three centres, labelled by their centre, drawn from
   * {@code seed}.
   */
  static float[][][] blobs(int n, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = new float[n][4];
    float[][] label = new float[n][1];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(3);
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) ((j % 3 == c ? 1.5 : -0.5) + 0.8 * rng.nextGaussian());
      }
      label[i][0] = c;
    }
    return new float[][][] {x, label};
  }

  /** One-hot targets of class labels. */
  static float[][] oneHot(float[][] labels, int classes) {
    float[][] y = new float[labels.length][classes];
    for (int i = 0; i < labels.length; i++) {
      y[i][(int) labels[i][0]] = 1f;
    }
    return y;
  }

  /** A DataFrame of features and a numeric label, in list order over {@code partitions}. */
  static Dataset<Row> frame(SparkSession spark, float[][] x, float[][] label, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(RowFactory.create(Vectors.dense(doubles(x[i])), (double) label[i][0]));
    }
    return ordered(spark, rows, SCHEMA, partitions);
  }

  /** A DataFrame of rows in list order, in {@code partitions} partitions. */
  static Dataset<Row> ordered(SparkSession spark, List<Row> rows, StructType schema,
      int partitions) {
    return spark.createDataFrame(
        new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
            .parallelize(rows, partitions), schema);
  }

  static double[] doubles(float[] v) {
    double[] d = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      d[j] = v[j];
    }
    return d;
  }
}
