package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.io.OnnxFiles;
import dev.dendrite.optim.Adam;
import dev.dendrite.random.Rng;
import dev.dendrite.samples.FashionClassifierNet;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported networks run in ONNX Runtime and predict what {@code predict} of the same network
 * predicts, to {@value #TOLERANCE}: every network of {@link TestNets} (every activation, batch
 * normalization before and after its activation, flatten, layers without bias, PRELU with slopes
 * per unit and shared), the square layers of {@link OnnxNets}, in float and double precision, and
 * the Fashion-MNIST sample's 784-512-256-10 network after training. Before the export every bias,
 * PRELU slope, batch normalization scale, shift and running statistic gets a random value of its
 * own, so that a tensor written to the wrong place, or a slope shared by mistake, changes the
 * outputs. The largest difference of each network is printed after the tests.
 */
class OnnxRuntimeTest {

  static final double TOLERANCE = 1e-5;
  private static final int BATCH = 64;
  private static final OrtEnvironment ORT = OrtEnvironment.getEnvironment();
  /** Network name to the largest |ONNX Runtime - predict| over its batch. */
  private static final Map<String, Double> LARGEST = new TreeMap<>();

  @TempDir Path folder;

  static Stream<Arguments> floatNets() {
    return Stream.concat(AllTestNets.floatNets(), Stream.of(
        Arguments.of("SquareNarrow", (LongFunction<Model>) OnnxNets_SquareNarrowNet::new),
        Arguments.of("SquareWide", (LongFunction<Model>) OnnxNets_SquareWideNet::new),
        Arguments.of("Image", (LongFunction<Model>) OnnxNets_ImageNet::new)));
  }

  static Stream<Arguments> doubleNets() {
    return Stream.concat(AllTestNets.doubleNets(), Stream.of(
        Arguments.of("SquareNarrow", (LongFunction<DoubleModel>) OnnxNets_SquareNarrowNetDouble::new),
        Arguments.of("SquareWide", (LongFunction<DoubleModel>) OnnxNets_SquareWideNetDouble::new),
        Arguments.of("Image", (LongFunction<DoubleModel>) OnnxNets_ImageNetDouble::new)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floatNets")
  void onnxRuntimePredictsLikeTheFloatNetwork(String name, LongFunction<Model> make)
      throws OrtException {
    Model net = make.apply(3);
    perturb(net, 11);
    float[][] x = ModelFilesRoundTripTest.inputs(BATCH, net.inputSize(), 5);
    float[][] expected = new float[BATCH][net.outputSize()];
    net.predict(x, BATCH, expected);
    float[][] actual = run(OnnxFiles.toByteArray(net), net.layers(), x);
    record(name, compare(expected, actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubleNets")
  void onnxRuntimePredictsLikeTheDoubleNetworkInFloat(String name, LongFunction<DoubleModel> make)
      throws OrtException {
    DoubleModel net = make.apply(3);
    perturb(net, 11);
    float[][] x = ModelFilesRoundTripTest.inputs(BATCH, net.inputSize(), 5);
    double[][] xd = new double[BATCH][];
    for (int s = 0; s < BATCH; s++) {
      xd[s] = new double[x[s].length];
      for (int j = 0; j < x[s].length; j++) {
        xd[s][j] = x[s][j];
      }
    }
    double[][] predicted = new double[BATCH][net.outputSize()];
    net.predict(xd, BATCH, predicted);
    float[][] expected = new float[BATCH][net.outputSize()];
    for (int s = 0; s < BATCH; s++) {
      for (int j = 0; j < expected[s].length; j++) {
        expected[s][j] = (float) predicted[s][j];
      }
    }
    float[][] actual = run(OnnxFiles.toByteArray(net), net.layers(), x);
    record(name + " (double)", compare(expected, actual));
  }

  @Test
  void theFashionNetworkPredictsAlikeAfterTraining() throws OrtException {
    Model net = new FashionClassifierNet(7);
    TrainingFixture fixture = new TrainingFixture(784, 10, 3, 4);
    fixture.train(net, new Adam(0.001f), 0, 2);
    float trainedBias = net.parameters().get(1).get(0);
    assertTrue(trainedBias != 0f, "the biases start at 0 and training moves them");
    float[][] x = ModelFilesRoundTripTest.inputs(BATCH, 784, 9);
    float[][] expected = new float[BATCH][10];
    net.predict(x, BATCH, expected);
    float[][] actual = run(OnnxFiles.toByteArray(net), net.layers(), x);
    record("FashionClassifier (784-512-256-10, trained)", compare(expected, actual));
  }

  @Test
  void theGraphIsNamedAfterTheLayersWithASymbolicBatch() throws OrtException {
    Model net = new OnnxNets_ImageNet(1);
    try (OrtSession session = ORT.createSession(OnnxFiles.toByteArray(net), options())) {
      assertEquals(List.of("image"), List.copyOf(session.getInputNames()));
      assertEquals(List.of("scores"), List.copyOf(session.getOutputNames()));
      TensorInfo input = (TensorInfo) session.getInputInfo().get("image").getInfo();
      assertArrayEquals(new long[] {-1, 28, 28}, input.getShape());
      assertEquals("N", input.getDimensionNames()[0]);
      NodeInfo output = session.getOutputInfo().get("scores");
      assertArrayEquals(new long[] {-1, 10}, ((TensorInfo) output.getInfo()).getShape());
      assertEquals(net.networkName(), session.getMetadata().getGraphName());
      assertEquals("Dendrite", session.getMetadata().getProducerName());
      assertEquals(Map.of("dendrite.network", net.networkName()),
          session.getMetadata().getCustomMetadata());
    }
  }

  @Test
  void saveWritesTheBytesOfToByteArray() throws IOException {
    Model net = new OnnxNets_SquareNarrowNet(2);
    Path file = folder.resolve("square.onnx");
    OnnxFiles.save(net, file);
    assertArrayEquals(OnnxFiles.toByteArray(net), Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(file), files.collect(Collectors.toList()), "no temporary file left");
    }
  }

  @Test
  void aPathThatCannotBeWrittenLeavesNoPartialFile() throws IOException {
    Model net = new OnnxNets_SquareNarrowNet(2);
    // A folder that is not empty cannot be replaced by a file; the export itself succeeds.
    Path occupied = Files.createDirectory(folder.resolve("model.onnx"));
    Files.writeString(occupied.resolve("keep.txt"), "kept");
    assertThrows(IOException.class, () -> OnnxFiles.save(net, occupied));
    assertThrows(IOException.class,
        () -> OnnxFiles.save(net, folder.resolve("missing-folder").resolve("model.onnx")));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(occupied), files.collect(Collectors.toList()));
    }
    assertEquals("kept", Files.readString(occupied.resolve("keep.txt")));
  }

  @AfterAll
  static void printLargestDifferences() {
    StringBuilder out = new StringBuilder("Largest |ONNX Runtime - predict| per network:\n");
    synchronized (LARGEST) {
      LARGEST.forEach((name, d) -> out.append(String.format("  %-50s %.3e%n", name, d)));
    }
    System.out.print(out);
  }

  private static void record(String name, double largest) {
    synchronized (LARGEST) {
      LARGEST.put(name, largest);
    }
  }

  /** Asserts the outputs agree to the tolerance; returns the largest difference. */
  static double compare(float[][] expected, float[][] actual) {
    double largest = 0;
    assertEquals(expected.length, actual.length);
    for (int s = 0; s < expected.length; s++) {
      assertEquals(expected[s].length, actual[s].length);
      for (int j = 0; j < expected[s].length; j++) {
        assertEquals(expected[s][j], actual[s][j], TOLERANCE, "sample " + s + " output " + j);
        largest = Math.max(largest, Math.abs((double) expected[s][j] - actual[s][j]));
      }
    }
    return largest;
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    return options;
  }

  /** Runs the model in ONNX Runtime on the rows of {@code x}, shaped as the input layer says. */
  static float[][] run(byte[] onnx, List<Layer> layers, float[][] x) throws OrtException {
    Layer input = layers.get(0);
    int size = input.outputSize();
    FloatBuffer flat = FloatBuffer.allocate(x.length * size);
    for (float[] row : x) {
      flat.put(row, 0, size);
    }
    flat.flip();
    int[] dims = input.outputShape();
    long[] shape = new long[dims.length + 1];
    shape[0] = x.length;
    for (int i = 0; i < dims.length; i++) {
      shape[i + 1] = dims[i];
    }
    try (OrtSession session = ORT.createSession(onnx, options());
        OnnxTensor tensor = OnnxTensor.createTensor(ORT, flat, shape);
        OrtSession.Result result = session.run(Map.of(input.name(), tensor))) {
      return (float[][]) result.get(0).getValue();
    }
  }

  /**
   * Gives every tensor but the weights values of its own: biases, shifts and running means
   * around 0, scales in [0.5, 1.5], running variances in [0.25, 2.25], PRELU slopes in
   * [-0.5, 0.5].
   */
  static void perturb(Model net, long seed) {
    Rng rng = new Rng(seed);
    List<Tensor> tensors = new ArrayList<>(net.parameters());
    tensors.addAll(net.buffers());
    for (Tensor t : tensors) {
      for (float[] row : t.values()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) draw(t.name(), row[j], rng);
        }
      }
    }
  }

  /** {@link #perturb(Model, long)} for a double network. */
  static void perturb(DoubleModel net, long seed) {
    Rng rng = new Rng(seed);
    List<DoubleTensor> tensors = new ArrayList<>(net.parameters());
    tensors.addAll(net.buffers());
    for (DoubleTensor t : tensors) {
      for (double[] row : t.values()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = draw(t.name(), row[j], rng);
        }
      }
    }
  }

  private static double draw(String tensor, double value, Rng rng) {
    String part = tensor.substring(tensor.lastIndexOf('.') + 1);
    return switch (part) {
      case "bias", "beta", "running_mean" -> 0.5 * rng.nextGaussian();
      case "gamma" -> 0.5 + rng.nextDouble();
      case "running_var" -> 0.25 + 2 * rng.nextDouble();
      case "alpha" -> rng.nextDouble() - 0.5;
      default -> value;
    };
  }
}
