package dev.dendrite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.train.History;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring with DendriteModel, and saving and loading it. */
class ModelTest {

  private static SparkSession spark;
  private static float[][] x;
  private static float[][] labels;
  private static org.apache.spark.sql.Dataset<Row> frame;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    spark = SparkTests.session("ModelTest");
    float[][][] data = SparkTests.blobs(203, 23);
    x = data[0];
    labels = data[1];
    frame = SparkTests.frame(spark, x, labels, 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Checks every row of {@code scored} against {@code net.predict}, exactly. */
  private static void assertScoresEqualPredict(Model net, org.apache.spark.sql.Dataset<Row> scored,
      Output output) {
    List<Row> rows = scored.collectAsList();
    assertEquals(x.length, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      float[] features = toFloats((Vector) row.getAs("features"));
      float[] a = net.predict(features);
      switch (output) {
        case SOFTMAX, SIGMOID -> {
          assertEquals(Dataset.classOf(a), row.<Double>getAs("prediction"), "row " + i);
          double[] probability = ((Vector) row.getAs("probability")).toArray();
          double[] expected = output == Output.SOFTMAX ? SparkTests.doubles(a)
              : new double[] {1.0 - a[0], a[0]};
          assertArrayEquals(expected, probability, 0.0, "row " + i);
        }
        default -> assertArrayEquals(SparkTests.doubles(a),
            ((Vector) row.getAs("prediction")).toArray(), 0.0, "row " + i);
      }
    }
  }

  private static float[] toFloats(Vector v) {
    float[] f = new float[v.size()];
    for (int j = 0; j < f.length; j++) {
      f[j] = (float) v.apply(j);
    }
    return f;
  }

  @Test
  void transformEqualsPredictOnEveryRowForEachKindOfOutput() {
    DendriteModel trained = new DendriteEstimator()
        .setNetworkClass(TestNets_BlobsNet.class.getName())
        .setEpochs(2).setBatchSize(32).setSeed(3).setNumPartitions(2)
        .fit(frame);
    assertScoresEqualPredict(trained.network(), trained.setBatchSize(7).transform(frame),
        Output.SOFTMAX);

    TestNets_SideNet side = new TestNets_SideNet(4);
    assertScoresEqualPredict(side, DendriteModel.of(side).transform(frame), Output.SIGMOID);
    TestNets_PairNet pair = new TestNets_PairNet(5);
    org.apache.spark.sql.Dataset<Row> regression = DendriteModel.of(pair).transform(frame);
    assertEquals(List.of("features", "label", "prediction"),
        List.of(regression.schema().fieldNames()));
    assertScoresEqualPredict(pair, regression, Output.REGRESSION);
  }

  @Test
  void aSavedModelLoadsWithItsWeightsParamsAndHistory() throws Exception {
    DendriteModel trained = new DendriteEstimator()
        .setNetworkClass(TestNets_BlobsNet.class.getName())
        .setEpochs(3).setBatchSize(32).setSeed(9).setNumPartitions(2)
        .setValidationFraction(0.25)
        .fit(frame)
        .setPredictionCol("blob").setProbabilityCol("blobProbability");
    String path = folder.resolve("model").toString();
    trained.write().save(path);
    DendriteModel loaded = DendriteModel.load(path);
    assertEquals(trained.uid(), loaded.uid());
    assertEquals(trained.networkClass(), loaded.networkClass());
    assertArrayEquals(trained.weights(), loaded.weights());
    assertEquals("blob", loaded.getPredictionCol());
    assertEquals("blobProbability", loaded.getProbabilityCol());
    History before = trained.history();
    History after = loaded.history();
    assertNotNull(after);
    assertEquals(before.names(), after.names());
    for (String name : before.names()) {
      assertEquals(before.get(name), after.get(name), name);
    }
    assertEquals(trained.transform(frame).collectAsList(),
        loaded.transform(frame).collectAsList());

    trained.write().overwrite().save(path);
    assertArrayEquals(trained.weights(), DendriteModel.load(path).weights());
  }

  @Test
  void aPipelineWithTheModelSavesAndLoads() throws Exception {
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {
        new DendriteEstimator().setNetworkClass(TestNets_BlobsNet.class.getName())
            .setEpochs(1).setSeed(2).setNumPartitions(2)}).fit(frame);
    String path = folder.resolve("pipeline").toString();
    pipeline.write().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    DendriteModel stage = (DendriteModel) loaded.stages()[0];
    assertArrayEquals(((DendriteModel) pipeline.stages()[0]).weights(), stage.weights());
    assertEquals(pipeline.transform(frame).collectAsList(),
        loaded.transform(frame).collectAsList());
  }
}
