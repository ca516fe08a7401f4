package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Layer;
import dev.dendrite.LayerSettings;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.PreluMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX file of a hand-built network, decoded field by field with {@link ProtoReader}: its
 * versions, names, nodes, attributes, initializers and declared shapes. ONNX Runtime and the
 * {@code onnx} checker run the files of generated networks in {@code integration-tests}.
 */
class OnnxFilesTest {

  // onnx.proto field numbers, as the tests read them.
  private static final int MODEL_IR_VERSION = 1;
  private static final int MODEL_PRODUCER_NAME = 2;
  private static final int MODEL_PRODUCER_VERSION = 3;
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  private static final int MODEL_METADATA_PROPS = 14;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_NAME = 2;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;

  @TempDir Path folder;

  /**
   * pixels [2, 3] -> flat [6] -> hidden Dense 4 SWISH -> drop -> norm BatchNorm LEAKY_RELU(0.2),
   * epsilon 0.001 -> out Dense 1, shared PRELU, no bias, its weight stored as one row.
   */
  private static final class Described implements Model {
    final List<Layer> layers = new ArrayList<>();
    final List<Tensor> parameters = new ArrayList<>();
    final List<Tensor> buffers = new ArrayList<>();

    Described(boolean withSettings) {
      layers.add(new Layer("pixels", "Input", "", new int[] {2, 3}, List.of(), 0, 0,
          List.of(), 0, LayerSettings.NONE));
      layers.add(new Layer("flat", "Flatten", "", new int[] {6}, List.of(), 0, 0,
          List.of(), 0, LayerSettings.NONE));
      layers.add(new Layer("hidden", "Dense", "SWISH", new int[] {4},
          List.of("hidden.weight", "hidden.bias"), 28, 48, List.of(), 0,
          withSettings ? LayerSettings.dense(Activation.SWISH, Double.NaN, null, true) : null));
      layers.add(new Layer("drop", "Dropout", "rate 0.5", new int[] {4}, List.of(), 0, 0,
          List.of(), 0, LayerSettings.dropout(0.5)));
      layers.add(new Layer("norm", "BatchNorm", "", new int[] {4},
          List.of("norm.gamma", "norm.beta"), 8, 12,
          List.of("norm.running_mean", "norm.running_var"), 8,
          LayerSettings.batchNorm(0.9, 1e-3, Activation.LEAKY_RELU, 0.2)));
      layers.add(new Layer("out", "Dense", "", new int[] {1},
          List.of("out.weight", "out.alpha"), 5, 8, List.of(), 0,
          LayerSettings.dense(Activation.PRELU, 0.25, PreluMode.SHARED, false)));
      // hidden.weight[k][u] = 10 k + u: its transpose is easy to recognise.
      float[][] w = new float[6][4];
      for (int k = 0; k < 6; k++) {
        for (int u = 0; u < 4; u++) {
          w[k][u] = 10 * k + u;
        }
      }
      parameters.add(new Tensor("hidden.weight", new int[] {6, 4}, w, new float[6][4]));
      parameters.add(vector("hidden.bias", 0.5f, 1.5f, 2.5f, 3.5f));
      parameters.add(vector("norm.gamma", 1, 2, 3, 4));
      parameters.add(vector("norm.beta", 5, 6, 7, 8));
      // [inputs, 1] of a single unit, stored as one row of inputs values.
      parameters.add(new Tensor("out.weight", new int[] {4, 1},
          new float[][] {{-1, -2, -3, -4}}, new float[1][4]));
      parameters.add(vector("out.alpha", 0.125f));
      buffers.add(new Tensor("norm.running_mean", new int[] {4},
          new float[][] {{9, 10, 11, 12}}, null));
      buffers.add(new Tensor("norm.running_var", new int[] {4},
          new float[][] {{13, 14, 15, 16}}, null));
    }

    private static Tensor vector(String name, float... values) {
      return new Tensor(name, new int[] {values.length}, new float[][] {values},
          new float[1][values.length]);
    }

    @Override
    public String networkName() {
      return "Described";
    }

    @Override
    public List<Layer> layers() {
      return layers;
    }

    @Override
    public Loss loss() {
      return Loss.MSE;
    }

    @Override
    public int inputSize() {
      return 6;
    }

    @Override
    public int outputSize() {
      return 1;
    }

    @Override
    public long randomState() {
      return 0;
    }

    @Override
    public void setRandomState(long state) {}

    @Override
    public List<Tensor> parameters() {
      return parameters;
    }

    @Override
    public List<Tensor> buffers() {
      return buffers;
    }

    @Override
    public float[][] forward(float[][] input, int n, boolean training) {
      throw new UnsupportedOperationException();
    }

    @Override
    public float backward(float[][] target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void predict(float[][] input, int n, float[][] output) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void predict(float[] input, float[] output) {
      throw new UnsupportedOperationException();
    }
  }

  private static ProtoReader graph() {
    return new ProtoReader(OnnxFiles.toByteArray(new Described(true))).message(MODEL_GRAPH);
  }

  @Test
  void theModelNamesItsVersionsProducerAndNetwork() {
    ProtoReader model = new ProtoReader(OnnxFiles.toByteArray(new Described(true)));
    assertEquals(9, model.varint(MODEL_IR_VERSION));
    ProtoReader opset = model.message(MODEL_OPSET_IMPORT);
    assertEquals("", opset.string(1));
    assertEquals(20, opset.varint(2));
    assertEquals("Dendrite", model.string(MODEL_PRODUCER_NAME));
    String version = model.string(MODEL_PRODUCER_VERSION);
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    ProtoReader entry = model.message(MODEL_METADATA_PROPS);
    assertEquals("dendrite.network", entry.string(1));
    assertEquals("Described", entry.string(2));
    assertEquals("Described", model.message(MODEL_GRAPH).string(GRAPH_NAME));
  }

  @Test
  void eachLayerBecomesItsNodesNamedAfterIt() {
    List<ProtoReader> nodes = graph().messages(GRAPH_NODE);
    List<String> summary = nodes.stream()
        .map(n -> n.string(4) + n.strings(1) + "->" + n.string(2))
        .collect(Collectors.toList());
    assertEquals(List.of(
        "Flatten[pixels]->flat",
        "Gemm[flat, hidden.weight, hidden.bias]->hidden.z",
        "Sigmoid[hidden.z]->hidden.sigmoid",
        "Mul[hidden.z, hidden.sigmoid]->hidden",
        "BatchNormalization[hidden, norm.gamma, norm.beta, norm.running_mean, norm.running_var]"
            + "->norm.z",
        "LeakyRelu[norm.z]->norm",
        "Gemm[norm, out.weight]->out.z",
        "PRelu[out.z, out.alpha]->out"), summary);
    assertEquals(nodes.size(), nodes.stream().map(n -> n.string(3)).distinct().count(),
        "node names are unique");
  }

  @Test
  void attributesCarryTheirTypes() {
    List<ProtoReader> nodes = graph().messages(GRAPH_NODE);
    // AttributeProto: name 1, f 2, i 3, type 20 (FLOAT 1, INT 2).
    ProtoReader axis = nodes.get(0).message(5);
    assertEquals("axis", axis.string(1));
    assertEquals(2, axis.varint(20));
    assertEquals(1, axis.varint(3));
    ProtoReader transB = nodes.get(1).message(5);
    assertEquals("transB", transB.string(1));
    assertEquals(2, transB.varint(20));
    assertEquals(1, transB.varint(3));
    ProtoReader epsilon = nodes.get(4).message(5);
    assertEquals("epsilon", epsilon.string(1));
    assertEquals(1, epsilon.varint(20));
    assertEquals(1e-3f, epsilon.float32(2));
    ProtoReader alpha = nodes.get(5).message(5);
    assertEquals("alpha", alpha.string(1));
    assertEquals(1, alpha.varint(20));
    assertEquals(0.2f, alpha.float32(2));
    assertFalse(nodes.get(2).has(5), "Sigmoid has no attributes");
  }

  @Test
  void weightsAreStoredUnitsByInputsAsLittleEndianFloats() {
    List<ProtoReader> initializers = graph().messages(GRAPH_INITIALIZER);
    assertEquals(List.of("hidden.weight", "hidden.bias", "norm.gamma", "norm.beta",
            "norm.running_mean", "norm.running_var", "out.weight", "out.alpha"),
        initializers.stream().map(t -> t.string(8)).collect(Collectors.toList()));
    ProtoReader weight = initializers.get(0);
    assertEquals(List.of(4L, 6L), weight.varints(1));
    assertEquals(1, weight.varint(2));
    float[] expected = new float[24];
    for (int u = 0; u < 4; u++) {
      for (int k = 0; k < 6; k++) {
        expected[u * 6 + k] = 10 * k + u;
      }
    }
    assertArrayEquals(expected, floats(weight.bytes(9)));
    ProtoReader outWeight = initializers.get(6);
    assertEquals(List.of(1L, 4L), outWeight.varints(1));
    assertArrayEquals(new float[] {-1, -2, -3, -4}, floats(outWeight.bytes(9)));
    ProtoReader slopes = initializers.get(7);
    assertEquals(List.of(1L), slopes.varints(1));
    assertArrayEquals(new float[] {0.125f}, floats(slopes.bytes(9)));
    assertArrayEquals(new float[] {13, 14, 15, 16}, floats(initializers.get(5).bytes(9)));
  }

  @Test
  void inputAndOutputDeclareTheirShapesWithASymbolicBatch() {
    ProtoReader graph = graph();
    assertShape(graph.message(GRAPH_INPUT), "pixels", 2, 3);
    assertShape(graph.message(GRAPH_OUTPUT), "out", 1);
  }

  /** ValueInfoProto name 1, type 2 > tensor_type 1 > elem_type 1, shape 2 > dim 1. */
  private static void assertShape(ProtoReader value, String name, long... dims) {
    assertEquals(name, value.string(1));
    ProtoReader tensorType = value.message(2).message(1);
    assertEquals(1, tensorType.varint(1));
    List<ProtoReader> shape = tensorType.message(2).messages(1);
    assertEquals(dims.length + 1, shape.size());
    assertEquals("N", shape.get(0).string(2));
    for (int i = 0; i < dims.length; i++) {
      assertEquals(dims[i], shape.get(i + 1).varint(1));
    }
  }

  private static float[] floats(byte[] raw) {
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[raw.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffer.getFloat();
    }
    return out;
  }

  @Test
  void aLayerThatCannotBeExportedIsNamedAndNothingIsWritten() throws Exception {
    Path file = folder.resolve("model.onnx");
    Files.writeString(file, "previous");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxFiles.save(new Described(false), file));
    assertTrue(e.getMessage().startsWith("layer \"hidden\" (Dense) cannot be exported"),
        e.getMessage());
    assertEquals("previous", Files.readString(file));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(file), files.collect(Collectors.toList()));
    }

    Described unknownKind = new Described(true);
    Layer norm = unknownKind.layers.get(4);
    unknownKind.layers.set(4, new Layer("norm", "LayerNorm", "", norm.outputShape(),
        norm.parameterNames(), 8, 12, norm.bufferNames(), 8, norm.settings()));
    e = assertThrows(IllegalArgumentException.class, () -> OnnxFiles.toByteArray(unknownKind));
    assertTrue(e.getMessage().contains("\"norm\" (LayerNorm)"), e.getMessage());
  }

  @Test
  void aMisshapenTensorIsNamed() {
    Described model = new Described(true);
    model.parameters.set(5, Described.vector("out.alpha", 0.1f, 0.2f, 0.3f, 0.4f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxFiles.toByteArray(model));
    assertTrue(e.getMessage().contains("\"out\"") && e.getMessage().contains("out.alpha"),
        e.getMessage());
  }
}
