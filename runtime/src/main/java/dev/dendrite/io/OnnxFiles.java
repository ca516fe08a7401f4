package dev.dendrite.io;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Layer;
import dev.dendrite.LayerSettings;
import dev.dendrite.Model;
import dev.dendrite.ModelDescription;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.PreluMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Writes a network as an ONNX model, for inference wherever ONNX runs (ONNX Runtime in Java,
 * Python, C++, a browser or a phone). The file holds the structure, the activations and the
 * trained values; not what only training needs (optimizer state, dropout, batch normalization's
 * momentum and batch statistics, weight penalties).
 *
 * <p>The model uses IR version {@value #IR_VERSION} and the default operator set, version
 * {@value #OPSET} (the first with {@code Gelu(approximate="tanh")}). Its {@code producer_name} is
 * {@code Dendrite} with the runtime's version as {@code producer_version}, and its {@code
 * metadata_props} hold the network's name under {@code dendrite.network}; the graph is named after
 * the network too. Values are float32 ({@code elem_type} 1); a {@link DoubleModel} exports with
 * its values rounded to float.
 *
 * <p>The graph input is named after the {@code @Input} field, of shape {@code [N, <declared
 * shape>]} with the symbolic batch dimension {@code N}; the graph output is named after the last
 * layer, {@code [N, outputs]}. Every layer's result is a value named after the layer (a
 * pre-activation is {@code <layer>.z}), and the tensors keep their names from the safetensors
 * file ({@link ModelFiles}):
 *
 * <table>
 *   <caption>Layers and their ONNX operators</caption>
 *   <tr><th>layer</th><th>ONNX</th></tr>
 *   <tr><td>{@code @Flatten}</td><td>{@code Flatten(axis=1)}</td></tr>
 *   <tr><td>{@code @Dense}</td><td>{@code Gemm(x, <layer>.weight, <layer>.bias, transB=1)}, the
 *       weight {@code [units, inputs]} as in the safetensors file; without a bias the third input
 *       is left out; then the activation</td></tr>
 *   <tr><td>{@code @BatchNorm}</td><td>{@code BatchNormalization} in inference mode: scale
 *       {@code <layer>.gamma}, bias {@code <layer>.beta}, {@code <layer>.running_mean}, {@code
 *       <layer>.running_var} and the layer's epsilon; then the activation</td></tr>
 *   <tr><td>{@code @Dropout}</td><td>nothing: in inference it is the identity</td></tr>
 *   <tr><td>RELU, SIGMOID, TANH, SOFTPLUS, MISH</td><td>{@code Relu}, {@code Sigmoid}, {@code
 *       Tanh}, {@code Softplus}, {@code Mish}</td></tr>
 *   <tr><td>LEAKY_RELU, ELU</td><td>{@code LeakyRelu}, {@code Elu} with the alpha in
 *       effect</td></tr>
 *   <tr><td>PRELU</td><td>{@code PRelu} with the learned slopes {@code <layer>.alpha}, {@code
 *       [units]} or {@code [1]} when shared</td></tr>
 *   <tr><td>GELU</td><td>{@code Gelu(approximate="tanh")}</td></tr>
 *   <tr><td>SWISH</td><td>{@code Sigmoid}, then {@code Mul} with its input</td></tr>
 *   <tr><td>SOFTMAX</td><td>{@code Softmax(axis=-1)}</td></tr>
 * </table>
 *
 * <p>The structure comes from {@link Layer#settings()}, which generated networks fill in. A layer
 * this class cannot express (a kind it does not know, or a layer built by hand without settings)
 * stops the export with an {@link IllegalArgumentException} that names the layer, before anything
 * is written. Saving is atomic ({@link AtomicFiles}): a failed save leaves no partial file and
 * an existing file as it was.
 */
public final class OnnxFiles {

  /** The ONNX IR version of the files written. */
  public static final long IR_VERSION = 9;
  /** The version of the default ONNX operator set the files import. */
  public static final long OPSET = 20;

  private OnnxFiles() {}

  /**
   * Writes {@code model} to {@code file} as an ONNX model, atomically.
   *
   * @throws IllegalArgumentException if a layer cannot be exported; the message names it
   * @throws IOException if the file cannot be written; it is then as before
   */
  public static void save(Model model, Path file) throws IOException {
    write(toByteArray(model), file);
  }

  /**
   * Writes {@code model} to {@code file} as an ONNX model with float32 values, atomically.
   *
   * @throws IllegalArgumentException if a layer cannot be exported; the message names it
   * @throws IOException if the file cannot be written; it is then as before
   */
  public static void save(DoubleModel model, Path file) throws IOException {
    write(toByteArray(model), file);
  }

  /**
   * The bytes {@link #save(Model, Path)} writes.
   *
   * @throws IllegalArgumentException if a layer cannot be exported; the message names it
   */
  public static byte[] toByteArray(Model model) {
    Map<String, Source> tensors = new LinkedHashMap<>();
    for (List<Tensor> list : List.of(model.parameters(), model.buffers())) {
      for (Tensor t : list) {
        tensors.put(t.name(), new Source(t.name(), t.shape(), t::get));
      }
    }
    return new Exporter(model, tensors).export();
  }

  /**
   * The bytes {@link #save(DoubleModel, Path)} writes: every value rounded to float.
   *
   * @throws IllegalArgumentException if a layer cannot be exported; the message names it
   */
  public static byte[] toByteArray(DoubleModel model) {
    Map<String, Source> tensors = new LinkedHashMap<>();
    for (List<DoubleTensor> list : List.of(model.parameters(), model.buffers())) {
      for (DoubleTensor t : list) {
        tensors.put(t.name(), new Source(t.name(), t.shape(), index -> (float) t.get(index)));
      }
    }
    return new Exporter(model, tensors).export();
  }

  private static void write(byte[] bytes, Path file) throws IOException {
    AtomicFiles.write(file, channel -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    });
  }

  /** The runtime's version, from the properties the build fills in. */
  static String version() {
    try (InputStream in = OnnxFiles.class.getResourceAsStream("dendrite.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one value of a tensor by its index in the tensor's shape. */
  @FunctionalInterface
  private interface Reader {
    float get(int... index);
  }

  /** A parameter or buffer tensor of either precision. */
  private record Source(String name, int[] shape, Reader values) {}

  // Field numbers and enum values of onnx.proto.
  private static final int MODEL_IR_VERSION = 1;
  private static final int MODEL_PRODUCER_NAME = 2;
  private static final int MODEL_PRODUCER_VERSION = 3;
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  private static final int MODEL_METADATA_PROPS = 14;
  private static final int OPSET_DOMAIN = 1;
  private static final int OPSET_VERSION = 2;
  private static final int ENTRY_KEY = 1;
  private static final int ENTRY_VALUE = 2;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_NAME = 2;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_NAME = 3;
  private static final int NODE_OP_TYPE = 4;
  private static final int NODE_ATTRIBUTE = 5;
  private static final int ATTRIBUTE_NAME = 1;
  private static final int ATTRIBUTE_F = 2;
  private static final int ATTRIBUTE_I = 3;
  private static final int ATTRIBUTE_S = 4;
  private static final int ATTRIBUTE_TYPE = 20;
  private static final int ATTRIBUTE_TYPE_FLOAT = 1;
  private static final int ATTRIBUTE_TYPE_INT = 2;
  private static final int ATTRIBUTE_TYPE_STRING = 3;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int DATA_TYPE_FLOAT = 1;
  private static final int VALUE_INFO_NAME = 1;
  private static final int VALUE_INFO_TYPE = 2;
  private static final int TYPE_TENSOR_TYPE = 1;
  private static final int TENSOR_TYPE_ELEM_TYPE = 1;
  private static final int TENSOR_TYPE_SHAPE = 2;
  private static final int SHAPE_DIM = 1;
  private static final int DIM_VALUE = 1;
  private static final int DIM_PARAM = 2;

  /** The symbolic batch dimension of the graph's input and output. */
  static final String BATCH = "N";

  /** Builds the graph of one network, layer by layer. */
  private static final class Exporter {
    private final ModelDescription model;
    private final Map<String, Source> tensors;
    private final ProtoWriter graph = new ProtoWriter();

    Exporter(ModelDescription model, Map<String, Source> tensors) {
      this.model = model;
      this.tensors = tensors;
    }

    byte[] export() {
      List<Layer> layers = model.layers();
      Layer input = layers.get(0);
      if (!input.kind().equals("Input")) {
        throw unsupported(input, "the first layer is not an Input layer");
      }
      // The value that feeds the next layer, and its shape for one sample.
      String value = input.name();
      int[] shape = input.outputShape();
      for (Layer layer : layers.subList(1, layers.size())) {
        switch (layer.kind()) {
          case "Flatten" -> {
            node("Flatten", layer.name() + "/Flatten", List.of(value), layer.name(),
                intAttribute("axis", 1));
            value = layer.name();
          }
          case "Dropout" -> {
            continue;
          }
          case "Dense" -> value = dense(layer, value, shape);
          case "BatchNorm" -> value = batchNorm(layer, value, shape);
          default -> throw unsupported(layer, "ONNX export knows Input, Flatten, Dense, BatchNorm"
              + " and Dropout layers, not " + layer.kind());
        }
        shape = layer.outputShape();
      }
      Layer last = layers.get(layers.size() - 1);
      if (!value.equals(last.name())) {
        node("Identity", last.name(), List.of(value), last.name());
      }
      graph.string(GRAPH_NAME, model.networkName());
      graph.message(GRAPH_INPUT, valueInfo(input.name(), input.outputShape()));
      graph.message(GRAPH_OUTPUT, valueInfo(last.name(), last.outputShape()));

      ProtoWriter onnx = new ProtoWriter()
          .varint(MODEL_IR_VERSION, IR_VERSION)
          .string(MODEL_PRODUCER_NAME, "Dendrite")
          .string(MODEL_PRODUCER_VERSION, version())
          .message(MODEL_GRAPH, graph)
          .message(MODEL_OPSET_IMPORT, new ProtoWriter()
              .string(OPSET_DOMAIN, "")
              .varint(OPSET_VERSION, OPSET))
          .message(MODEL_METADATA_PROPS, new ProtoWriter()
              .string(ENTRY_KEY, ParameterLayout.NETWORK_KEY)
              .string(ENTRY_VALUE, model.networkName()));
      return onnx.toByteArray();
    }

    /** {@code Gemm} then the activation; returns the name of the layer's output. */
    private String dense(Layer layer, String value, int[] shape) {
      LayerSettings settings = settings(layer);
      if (shape.length != 1) {
        throw unsupported(layer, "its input has shape " + Arrays.toString(shape)
            + "; a Dense layer takes vectors");
      }
      int inputs = shape[0];
      int units = layer.outputShape()[0];
      Source weight = tensor(layer, "weight", inputs, units);
      // [inputs, units] in memory, [units, inputs] in the file: transB=1 multiplies by it.
      float[] transposed = new float[units * inputs];
      for (int u = 0; u < units; u++) {
        for (int k = 0; k < inputs; k++) {
          transposed[u * inputs + k] = weight.values().get(k, u);
        }
      }
      initializer(weight.name(), new int[] {units, inputs}, transposed);
      String z = settings.activation() == Activation.LINEAR ? layer.name() : layer.name() + ".z";
      if (settings.bias()) {
        Source bias = tensor(layer, "bias", units);
        initializer(bias.name(), bias.shape(), vector(bias));
        node("Gemm", layer.name() + "/Gemm", List.of(value, weight.name(), bias.name()), z,
            intAttribute("transB", 1));
      } else {
        node("Gemm", layer.name() + "/Gemm", List.of(value, weight.name()), z,
            intAttribute("transB", 1));
      }
      activation(layer, settings, z, units);
      return layer.name();
    }

    /** {@code BatchNormalization} then the activation; returns the layer's output. */
    private String batchNorm(Layer layer, String value, int[] shape) {
      LayerSettings settings = settings(layer);
      int units = layer.outputShape()[0];
      if (shape.length != 1 || shape[0] != units) {
        throw unsupported(layer, "its input has shape " + Arrays.toString(shape)
            + ", not [" + units + "]");
      }
      if (Double.isNaN(settings.epsilon())) {
        throw unsupported(layer, "its epsilon is not known");
      }
      String[] parts = {"gamma", "beta", "running_mean", "running_var"};
      String[] inputs = new String[parts.length + 1];
      inputs[0] = value;
      for (int i = 0; i < parts.length; i++) {
        Source source = tensor(layer, parts[i], units);
        initializer(source.name(), source.shape(), vector(source));
        inputs[i + 1] = source.name();
      }
      String z = settings.activation() == Activation.LINEAR ? layer.name() : layer.name() + ".z";
      node("BatchNormalization", layer.name() + "/BatchNormalization", List.of(inputs), z,
          floatAttribute("epsilon", (float) settings.epsilon()));
      activation(layer, settings, z, units);
      return layer.name();
    }

    /** The nodes that turn {@code z} into the layer's output, named after the layer. */
    private void activation(Layer layer, LayerSettings settings, String z, int units) {
      String out = layer.name();
      String node = out + "/";
      switch (settings.activation()) {
        case LINEAR -> { }
        case RELU -> node("Relu", node + "Relu", List.of(z), out);
        case SIGMOID -> node("Sigmoid", node + "Sigmoid", List.of(z), out);
        case TANH -> node("Tanh", node + "Tanh", List.of(z), out);
        case SOFTPLUS -> node("Softplus", node + "Softplus", List.of(z), out);
        case MISH -> node("Mish", node + "Mish", List.of(z), out);
        case LEAKY_RELU -> node("LeakyRelu", node + "LeakyRelu", List.of(z), out,
            floatAttribute("alpha", alpha(layer, settings)));
        case ELU -> node("Elu", node + "Elu", List.of(z), out,
            floatAttribute("alpha", alpha(layer, settings)));
        case PRELU -> {
          boolean shared = settings.preluMode() == PreluMode.SHARED;
          Source slopes = tensor(layer, "alpha", shared ? 1 : units);
          initializer(slopes.name(), slopes.shape(), vector(slopes));
          node("PRelu", node + "PRelu", List.of(z, slopes.name()), out);
        }
        case GELU -> node("Gelu", node + "Gelu", List.of(z), out,
            stringAttribute("approximate", "tanh"));
        case SWISH -> {
          // Swish is an operator only from opset 24: z * sigmoid(z).
          String sigmoid = out + ".sigmoid";
          node("Sigmoid", node + "Sigmoid", List.of(z), sigmoid);
          node("Mul", node + "Mul", List.of(z, sigmoid), out);
        }
        case SOFTMAX -> node("Softmax", node + "Softmax", List.of(z), out,
            intAttribute("axis", -1));
        default -> throw unsupported(layer, "ONNX export does not know the activation "
            + settings.activation());
      }
    }

    private static LayerSettings settings(Layer layer) {
      LayerSettings settings = layer.settings();
      if (settings.activation() == null) {
        throw unsupported(layer, "its settings are not known (the Layer was built without"
            + " LayerSettings)");
      }
      return settings;
    }

    private static float alpha(Layer layer, LayerSettings settings) {
      if (Double.isNaN(settings.alpha())) {
        throw unsupported(layer, "the alpha of its " + settings.activation() + " is not known");
      }
      return (float) settings.alpha();
    }

    /** The tensor {@code <layer>.<part>}, which must have shape {@code shape}. */
    private Source tensor(Layer layer, String part, int... shape) {
      String name = layer.name() + "." + part;
      Source source = tensors.get(name);
      if (source == null) {
        throw unsupported(layer, "the network has no tensor " + name);
      }
      if (!Arrays.equals(source.shape(), shape)) {
        throw unsupported(layer, "tensor " + name + " has shape "
            + Arrays.toString(source.shape()) + ", not " + Arrays.toString(shape));
      }
      return source;
    }

    /** The values of a vector tensor, in order. */
    private static float[] vector(Source source) {
      float[] values = new float[source.shape()[0]];
      for (int i = 0; i < values.length; i++) {
        values[i] = source.values().get(i);
      }
      return values;
    }

    private void initializer(String name, int[] dims, float[] values) {
      ProtoWriter tensor = new ProtoWriter();
      for (int d : dims) {
        tensor.varint(TENSOR_DIMS, d);
      }
      tensor.varint(TENSOR_DATA_TYPE, DATA_TYPE_FLOAT)
          .string(TENSOR_NAME, name)
          .floatsLittleEndian(TENSOR_RAW_DATA, values);
      graph.message(GRAPH_INITIALIZER, tensor);
    }

    private void node(String opType, String name, List<String> inputs, String output,
        ProtoWriter... attributes) {
      ProtoWriter node = new ProtoWriter();
      for (String input : inputs) {
        node.string(NODE_INPUT, input);
      }
      node.string(NODE_OUTPUT, output)
          .string(NODE_NAME, name)
          .string(NODE_OP_TYPE, opType);
      for (ProtoWriter attribute : attributes) {
        node.message(NODE_ATTRIBUTE, attribute);
      }
      graph.message(GRAPH_NODE, node);
    }

    private static ProtoWriter intAttribute(String name, long value) {
      return new ProtoWriter().string(ATTRIBUTE_NAME, name)
          .varint(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT)
          .varint(ATTRIBUTE_I, value);
    }

    private static ProtoWriter floatAttribute(String name, float value) {
      return new ProtoWriter().string(ATTRIBUTE_NAME, name)
          .varint(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_FLOAT)
          .float32(ATTRIBUTE_F, value);
    }

    private static ProtoWriter stringAttribute(String name, String value) {
      return new ProtoWriter().string(ATTRIBUTE_NAME, name)
          .varint(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_STRING)
          .string(ATTRIBUTE_S, value);
    }

    /** A float tensor value of shape {@code [N, shape...]}. */
    private static ProtoWriter valueInfo(String name, int[] shape) {
      ProtoWriter dims = new ProtoWriter()
          .message(SHAPE_DIM, new ProtoWriter().string(DIM_PARAM, BATCH));
      for (int d : shape) {
        dims.message(SHAPE_DIM, new ProtoWriter().varint(DIM_VALUE, d));
      }
      ProtoWriter tensorType = new ProtoWriter()
          .varint(TENSOR_TYPE_ELEM_TYPE, DATA_TYPE_FLOAT)
          .message(TENSOR_TYPE_SHAPE, dims);
      return new ProtoWriter()
          .string(VALUE_INFO_NAME, name)
          .message(VALUE_INFO_TYPE, new ProtoWriter().message(TYPE_TENSOR_TYPE, tensorType));
    }

    private static IllegalArgumentException unsupported(Layer layer, String why) {
      return new IllegalArgumentException("layer \"" + layer.name() + "\" (" + layer.kind()
          + ") cannot be exported to ONNX: " + why);
    }
  }
}
