package dev.dendrite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.data.Dataset;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.optim.Sgd;
import dev.dendrite.train.History;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on Spark against the single-JVM trainer. */
class EstimatorTest {

  private static SparkSession spark;
  private static float[][] x;
  private static float[][] labels;
  private static org.apache.spark.sql.Dataset<Row> frame;

  @BeforeAll
  static void start() {
    spark = SparkTests.session("EstimatorTest");
    float[][][] data = SparkTests.blobs(300, 11);
    x = data[0];
    labels = data[1];
    frame = SparkTests.frame(spark, x, labels, 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static DendriteEstimator blobs(String networkClass) {
    return new DendriteEstimator()
        .setNetworkClass(networkClass)
        .setEpochs(6)
        .setBatchSize(16)
        .setOptimizer("adam")
        .setLearningRate(0.01)
        .setLearningRateDecay(0.9)
        .setSeed(7)
        .setValidationFraction(0.2)
        .setPatience(2)
        .setMonitor("val_accuracy");
  }

  /** The single-JVM run with the estimator's settings above. */
  private static History trainer(Model net, Dataset data) {
    return new Trainer(net, new Adam(0.01f))
        .epochs(6)
        .batchSize(16)
        .seed(7)
        .metrics(Metrics.ACCURACY)
        .validationSplit(0.2)
        .schedule(LearningRateSchedule.exponential(0.9f))
        .listeners(dev.dendrite.train.EarlyStopping.monitor("val_accuracy").patience(2)
            .restoreBestWeights(true))
        .quiet()
        .fit(data);
  }

  @Test
  void onePartitionGivesTheTrainersWeightsBitForBitInEitherMode() {
    TestNets_BlobsNet single = new TestNets_BlobsNet(7);
    History expected = trainer(single, Dataset.of(x, SparkTests.oneHot(labels, 3)));
    byte[] weights = ModelFiles.toBytes(single);
    for (String mode : List.of("gradients", "average")) {
      DendriteModel model = blobs(TestNets_BlobsNet.class.getName())
          .setNumPartitions(1).setMode(mode).setAveragingSteps(3).fit(frame);
      assertArrayEquals(weights, model.weights(), mode + " mode");
      assertEquals(expected.names(), model.history().names(), mode);
      for (String name : expected.names()) {
        assertEquals(expected.get(name), model.history().get(name), mode + ": " + name);
      }
    }
  }

  @Test
  void twoPartitionsInGradientsModeMatchTheTrainerWithTheSameGlobalBatches() {
    // The estimator's seed gives both the initial weights and the order of the rows.
    TestNets_PlainBlobsNet single = new TestNets_PlainBlobsNet(5);
    History expected = new Trainer(single, Sgd.withMomentum(0.05f, 0.9f))
        .epochs(4).batchSize(20).seed(5).metrics(Metrics.ACCURACY).quiet()
        .fit(Dataset.of(x, SparkTests.oneHot(labels, 3)));
    DendriteModel model = new DendriteEstimator()
        .setNetworkClass(TestNets_PlainBlobsNet.class.getName())
        .setEpochs(4).setBatchSize(20).setOptimizer("momentum").setLearningRate(0.05)
        .setSeed(5).setNumPartitions(2).setMode("gradients")
        .fit(frame);
    Model trained = model.network();
    assertClose(single, trained, 1e-5);
    for (String name : expected.names()) {
      List<Double> a = expected.get(name);
      List<Double> b = model.history().get(name);
      for (int e = 0; e < a.size(); e++) {
        assertEquals(a.get(e), b.get(e), 1e-5, name + " of epoch " + (e + 1));
      }
    }
  }

  @Test
  void twoRunsWithTheSameSeedAndPartitionsAreIdenticalInBothModes() {
    for (String mode : List.of("gradients", "average")) {
      byte[] first = blobs(TestNets_BlobsNet.class.getName()).setNumPartitions(2).setMode(mode)
          .setAveragingSteps(2).fit(frame).weights();
      byte[] second = blobs(TestNets_BlobsNet.class.getName()).setNumPartitions(2)
          .setMode(mode).setAveragingSteps(2).fit(frame).weights();
      assertArrayEquals(first, second, mode);
    }
  }

  @Test
  void averageModeOnTwoPartitionsLearns() {
    DendriteModel model = blobs(TestNets_BlobsNet.class.getName()).setNumPartitions(2)
        .setMode("average").setAveragingSteps(4).setPatience(0).setEpochs(8).fit(frame);
    History h = model.history();
    assertTrue(h.last("val_accuracy") > 0.8, h.toString());
    assertTrue(h.last("loss") < h.get("loss", 1), h.toString());
  }

  private static void assertClose(Model expected, Model actual, double tolerance) {
    List<Tensor> a = expected.parameters();
    List<Tensor> b = actual.parameters();
    for (int t = 0; t < a.size(); t++) {
      float[][] va = a.get(t).values();
      float[][] vb = b.get(t).values();
      for (int r = 0; r < va.length; r++) {
        for (int j = 0; j < va[r].length; j++) {
          assertEquals(va[r][j], vb[r][j], tolerance, a.get(t).name() + " [" + r + "][" + j
              + "]");
        }
      }
    }
  }
}
