package dev.dendrite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.io.ModelFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each kind of bad input is an {@link InvalidInputException} naming the column, the row and what
 * was expected, and the SparkContext keeps running.
 */
class BadInputTest {

  private static SparkSession spark;
  private static List<Row> good;

  @BeforeAll
  static void start() {
    spark = SparkTests.session("BadInputTest");
    float[][][] data = SparkTests.blobs(60, 31);
    good = new ArrayList<>();
    for (int i = 0; i < data[0].length; i++) {
      good.add(RowFactory.create(Vectors.dense(SparkTests.doubles(data[0][i])),
          (double) data[1][i][0]));
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @AfterEach
  void sparkStillRuns() {
    assertFalse(spark.sparkContext().isStopped());
    assertEquals(5, spark.range(5).count());
  }

  /** The good rows with row {@code i} replaced by {@code features, label}. */
  private static org.apache.spark.sql.Dataset<Row> with(int i, Object features, Object label) {
    List<Row> rows = new ArrayList<>(good);
    rows.set(i, RowFactory.create(features, label));
    return SparkTests.ordered(spark, rows, SparkTests.SCHEMA, 3);
  }

  private static DendriteEstimator estimator() {
    return new DendriteEstimator().setNetworkClass(TestNets_BlobsNet.class.getName())
        .setEpochs(1).setNumPartitions(2);
  }

  private static InvalidInputException fitFails(org.apache.spark.sql.Dataset<Row> frame,
      String column, long row, String... parts) {
    return check(() -> estimator().fit(frame), column, row, parts);
  }

  private static InvalidInputException check(Executable action, String column, long row,
      String... parts) {
    InvalidInputException e = assertThrows(InvalidInputException.class, action);
    assertEquals(column, e.column(), e.getMessage());
    assertEquals(row, e.row(), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
    return e;
  }

  @Test
  void aMissingColumnIsNamedWithTheColumnsThereAre() {
    org.apache.spark.sql.Dataset<Row> frame = with(0, Vectors.dense(1, 2, 3, 4), 0.0);
    fitFails(frame.withColumnRenamed("features", "pixels"), "features", -1,
        "no features column 'features'", "pixels, label");
    fitFails(frame.withColumnRenamed("label", "y"), "label", -1, "no label column 'label'");
    DendriteModel model = DendriteModel.of(new TestNets_BlobsNet(1));
    check(() -> model.transform(frame.drop("features")), "features", -1,
        "no features column 'features'");
  }

  @Test
  void aFeaturesVectorOfTheWrongSizeNamesRowAndSizes() {
    fitFails(with(17, Vectors.dense(1, 2, 3, 4, 5), 1.0), "features", 17,
        "a vector of 5 values in row 17", "the network takes 4");
  }

  @Test
  void aNullOrNanFeatureNamesItsRow() {
    fitFails(with(3, null, 1.0), "features", 3, "is null in row 3",
        "expected a vector of 4 values");
    fitFails(with(8, Vectors.dense(1, 2, Double.NaN, 4), 1.0), "features", 8,
        "NaN at index 2 in row 8");
  }

  @Test
  void aNullOrNanLabelNamesItsRow() {
    fitFails(with(5, Vectors.dense(1, 2, 3, 4), null), "label", 5, "is null in row 5",
        "a class index 0, 1, ..., 2");
    fitFails(with(44, Vectors.dense(1, 2, 3, 4), Double.NaN), "label", 44, "is NaN in row 44");
  }

  @Test
  void aLabelOutOfRangeNamesItsRowAndTheRange() {
    fitFails(with(40, Vectors.dense(1, 2, 3, 4), 3.0), "label", 40, "is 3.0 in row 40",
        "out of range; expected a class index 0, 1, ..., 2");
    fitFails(with(2, Vectors.dense(1, 2, 3, 4), 1.5), "label", 2, "is 1.5 in row 2");
    fitFails(with(9, Vectors.dense(1, 2, 3, 4), -1.0), "label", 9, "is -1.0 in row 9");
    // A label vector must have the output size.
    StructType vectors = DataTypes.createStructType(List.of(
        DataTypes.createStructField("features", org.apache.spark.ml.linalg.SQLDataTypes
            .VectorType(), true),
        DataTypes.createStructField("label", org.apache.spark.ml.linalg.SQLDataTypes
            .VectorType(), true)));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(RowFactory.create(Vectors.dense(1, 2, 3, i), i == 6 ? Vectors.dense(0, 1)
          : Vectors.dense(0, 1, 0)));
    }
    fitFails(SparkTests.ordered(spark, rows, vectors, 2), "label", 6,
        "a vector of 2 values in row 6", "3 outputs");
  }

  @Test
  void anAbsentNetworkClassIsNamed() {
    org.apache.spark.sql.Dataset<Row> frame = with(0, Vectors.dense(1, 2, 3, 4), 0.0);
    check(() -> estimator().setNetworkClass("example.NoSuchNet").fit(frame), null, -1,
        "network class example.NoSuchNet is not on the classpath",
        "expected a class generated by Dendrite");
    check(() -> estimator().setNetworkClass("java.lang.String").fit(frame), null, -1,
        "java.lang.String does not implement dev.dendrite.Model");
    check(() -> new DendriteModel("example.NoSuchNet", new byte[0]), null, -1,
        "example.NoSuchNet is not on the classpath");
  }

  @Test
  void weightsThatDoNotFitTheClassAreRefused() {
    byte[] side = ModelFiles.toBytes(new TestNets_SideNet(1));
    check(() -> new DendriteModel(TestNets_BlobsNet.class.getName(), side), null, -1,
        "the weights do not fit network class " + TestNets_BlobsNet.class.getName(),
        "blob.weight");
    check(() -> new DendriteModel(TestNets_BlobsNet.class.getName(), new byte[] {1, 2, 3}),
        null, -1, "the weights do not fit");
  }

  @Test
  void aBadRowMetWhileScoringFailsTheJobWithTheInputErrorAsCause() {
    DendriteModel model = DendriteModel.of(new TestNets_BlobsNet(1));
    org.apache.spark.sql.Dataset<Row> scored =
        model.transform(with(30, Vectors.dense(1, 2, 3), 0.0));
    Exception e = assertThrows(Exception.class, scored::collectAsList);
    InvalidInputException cause = find(e);
    assertEquals("features", cause.column());
    assertTrue(cause.getMessage().contains("a vector of 3 values in row 10 of partition 1"),
        cause.getMessage());
    assertTrue(cause.getMessage().contains("the network takes 4"), cause.getMessage());
  }

  private static InvalidInputException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return input;
      }
    }
    throw new AssertionError("no InvalidInputException in the causes of " + e, e);
  }

}
