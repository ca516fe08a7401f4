package dev.dendrite.io;

import static dev.dendrite.io.ParameterLayout.CHECKPOINT;
import static dev.dendrite.io.ParameterLayout.CONTENT_KEY;
import static dev.dendrite.io.ParameterLayout.FORMAT_KEY;
import static dev.dendrite.io.ParameterLayout.FORMAT_VERSION;
import static dev.dendrite.io.ParameterLayout.NETWORK_KEY;
import static dev.dendrite.io.ParameterLayout.OPTIMIZER_PREFIX;
import static dev.dendrite.io.ParameterLayout.WEIGHTS;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a network's parameters and buffers to a safetensors file and loads them back.
 *
 * <p>Every parameter tensor is stored under its name, {@code <layer>.weight} and {@code
 * <layer>.bias} with the layer's field name, followed by the network's {@linkplain
 * Model#buffers() buffers} (the running statistics of batch normalization, {@code
 * <layer>.running_mean} and {@code <layer>.running_var}), which inference reads and so belong
 * with the parameters. A Dense weight, {@code [inputs, units]} in memory, is stored as {@code
 * [units, inputs]}, the layout of PyTorch's {@code nn.Linear.weight}; biases and buffers,
 * vectors, are stored as they are. A float network writes F32, a double network F64; the metadata
 * holds {@code dendrite.format} (the layout version, {@value ParameterLayout#FORMAT_VERSION}),
 * {@code dendrite.content} ({@code weights}) and {@code dendrite.network} (the network's name). So
 * a file loads in Python with {@code safetensors.torch.load_file} straight into a module whose
 * {@code nn.Linear} attributes are named like the layers; see {@code docs/saving.md}.
 *
 * <p>Saving is atomic ({@link AtomicFiles}): an interrupted save leaves the previous file intact.
 * Loading checks the whole file before it changes any value, so a failed load leaves the network
 * as it was: the format ({@link SafeTensorsFormatException}), then that the file holds exactly the
 * network's tensors with the right shapes and a floating-point dtype ({@link
 * IncompatibleModelFileException}, which lists every missing, unexpected or misshapen tensor).
 * F32, F64, F16 and BF16 load into either precision; F64 into a float network rounds to nearest.
 * Files written by {@link Checkpoint} load too: their optimizer state is ignored. The metadata
 * is not required, so files written elsewhere load when their names and shapes fit.
 */
public final class ModelFiles {

  private ModelFiles() {}

  /** Saves the parameters and buffers of {@code model} to {@code file}, atomically. */
  public static void save(Model model, Path file) throws IOException {
    writer(model).write(file);
  }

  /** Saves the parameters and buffers of {@code model} to {@code file} as F64, atomically. */
  public static void save(DoubleModel model, Path file) throws IOException {
    writer(model).write(file);
  }

  /**
   * Replaces the parameters and buffers of {@code model} with those in {@code file}.
   *
   * @throws SafeTensorsFormatException if the file is not valid safetensors
   * @throws IncompatibleModelFileException if its tensors do not fit the network
   * @throws IOException if the file cannot be read
   */
  public static void load(Model model, Path file) throws IOException {
    try (SafeTensorsFile opened = SafeTensorsFile.open(file)) {
      load(model, opened);
    }
  }

  /** Double form of {@link #load(Model, Path)}. */
  public static void load(DoubleModel model, Path file) throws IOException {
    try (SafeTensorsFile opened = SafeTensorsFile.open(file)) {
      load(model, opened);
    }
  }

  /**
   * The parameters and buffers of {@code model} as the bytes of a safetensors file, exactly what
   * {@link #save(Model, Path)} writes; for sending a network over a network or storing it where
   * there is no {@link Path}, such as a distributed file system.
   */
  public static byte[] toBytes(Model model) {
    return writer(model).toByteArray();
  }

  /**
   * Replaces the parameters and buffers of {@code model} with those in {@code content}, the
   * bytes of a safetensors file (as {@link #toBytes} returns them), checked as a file is.
   *
   * @param source a name for the bytes, used in messages, such as where they came from
   * @throws SafeTensorsFormatException if the bytes are not valid safetensors
   * @throws IncompatibleModelFileException if their tensors do not fit the network
   */
  public static void load(Model model, String source, byte[] content) throws IOException {
    load(model, SafeTensorsFile.of(source, content));
  }

  /**
   * Replaces the parameters and buffers of {@code model} with those in {@code file}, which
   * stays open.
   *
   * @throws IncompatibleModelFileException if its tensors do not fit the network
   */
  public static void load(Model model, SafeTensorsFile file) throws IOException {
    List<Tensor> tensors = tensors(model);
    float[][] staged = stage(tensors, file, List.of(), ignored(file));
    commit(tensors, staged);
  }

  /** Double form of {@link #load(Model, SafeTensorsFile)}. */
  public static void load(DoubleModel model, SafeTensorsFile file) throws IOException {
    List<DoubleTensor> tensors = tensors(model);
    Map<String, long[]> expected = new LinkedHashMap<>();
    for (DoubleTensor t : tensors) {
      expected.put(t.name(), ParameterLayout.fileShape(t.shape()));
    }
    ParameterLayout.check(file, expected, ignored(file));
    double[][] staged = new double[tensors.size()][];
    for (int i = 0; i < staged.length; i++) {
      staged[i] = file.readDoubles(tensors.get(i).name());
    }
    for (int i = 0; i < staged.length; i++) {
      DoubleTensor t = tensors.get(i);
      ParameterLayout.copy(staged[i], t.values(), t.shape());
    }
  }

  /**
   * A writer holding the parameters and buffers of {@code model} and the metadata of a weights
   * file, to which more tensors or metadata can be added before it is written.
   */
  public static SafeTensorsWriter writer(Model model) {
    SafeTensorsWriter writer = new SafeTensorsWriter()
        .metadata(FORMAT_KEY, FORMAT_VERSION)
        .metadata(CONTENT_KEY, WEIGHTS)
        .metadata(NETWORK_KEY, model.networkName());
    for (Tensor t : tensors(model)) {
      int[] shape = t.shape();
      float[][] values = t.values();
      writer.add(t.name(), DType.F32, ParameterLayout.fileShape(shape),
          sink -> ParameterLayout.write(sink, values, shape));
    }
    return writer;
  }

  /** Double form of {@link #writer(Model)}, writing F64. */
  public static SafeTensorsWriter writer(DoubleModel model) {
    SafeTensorsWriter writer = new SafeTensorsWriter()
        .metadata(FORMAT_KEY, FORMAT_VERSION)
        .metadata(CONTENT_KEY, WEIGHTS)
        .metadata(NETWORK_KEY, model.networkName());
    for (DoubleTensor t : tensors(model)) {
      int[] shape = t.shape();
      double[][] values = t.values();
      writer.add(t.name(), DType.F64, ParameterLayout.fileShape(shape),
          sink -> ParameterLayout.write(sink, values, shape));
    }
    return writer;
  }

  /**
   * The tensors a file holds for {@code model}: its parameters, then its buffers. Buffers are
   * vectors, so {@link ParameterLayout} stores them as they are.
   */
  static List<Tensor> tensors(Model model) {
    List<Tensor> buffers = model.buffers();
    if (buffers.isEmpty()) {
      return model.parameters();
    }
    List<Tensor> all = new ArrayList<>(model.parameters());
    all.addAll(buffers);
    return all;
  }

  /** Double form of {@link #tensors(Model)}. */
  static List<DoubleTensor> tensors(DoubleModel model) {
    List<DoubleTensor> buffers = model.buffers();
    if (buffers.isEmpty()) {
      return model.parameters();
    }
    List<DoubleTensor> all = new ArrayList<>(model.parameters());
    all.addAll(buffers);
    return all;
  }

  /**
   * Checks {@code file} against {@code tensors} plus {@code more} (name to file shape), not
   * counting tensors under the prefixes {@code ignored}, and reads the values of {@code tensors},
   * in file order, without changing the network.
   */
  static float[][] stage(List<Tensor> tensors, SafeTensorsFile file,
      List<Map.Entry<String, long[]>> more, List<String> ignored) throws IOException {
    Map<String, long[]> expected = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      expected.put(t.name(), ParameterLayout.fileShape(t.shape()));
    }
    for (Map.Entry<String, long[]> e : more) {
      expected.put(e.getKey(), e.getValue());
    }
    ParameterLayout.check(file, expected, ignored);
    float[][] staged = new float[tensors.size()][];
    for (int i = 0; i < staged.length; i++) {
      staged[i] = file.readFloats(tensors.get(i).name());
    }
    return staged;
  }

  /** Copies staged values into {@code tensors}. */
  static void commit(List<Tensor> tensors, float[][] staged) {
    for (int i = 0; i < staged.length; i++) {
      Tensor t = tensors.get(i);
      ParameterLayout.copy(staged[i], t.values(), t.shape());
    }
  }

  /** The optimizer state of a checkpoint, which loading weights alone skips. */
  private static List<String> ignored(SafeTensorsFile file) {
    return CHECKPOINT.equals(file.metadata().get(CONTENT_KEY))
        ? List.of(OPTIMIZER_PREFIX)
        : List.of();
  }
}
