package dev.dendrite.io;

import static dev.dendrite.io.ParameterLayout.CHECKPOINT;
import static dev.dendrite.io.ParameterLayout.CONTENT_KEY;
import static dev.dendrite.io.ParameterLayout.OPTIMIZER_PREFIX;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training checkpoint: everything from which training resumes with results bit-identical to a
 * run that was never interrupted. One safetensors file holds
 *
 * <ul>
 *   <li>the parameters and buffers (the running statistics of batch normalization), as {@link
 *       ModelFiles} stores them (so the file also loads as weights);
 *   <li>the optimizer's state, F32, one tensor per state and parameter, named {@code
 *       optimizer.<optimizer>.<state>.<parameter>} (e.g. {@code optimizer.adam.m.hidden.weight}),
 *       laid out like the parameter in the file (buffers have none);
 *   <li>in the metadata: {@code dendrite.content = checkpoint}, {@code model.random_state} (the
 *       dropout generator, {@link Model#randomState()}), {@code optimizer} (its lower-case class
 *       name), {@code optimizer.iterations}, {@code optimizer.learning_rate}, {@code
 *       training.epoch}, and each property of the {@link TrainingProgress} as {@code
 *       progress.<key>}.
 * </ul>
 *
 * <p>Numbers in the metadata are decimal strings; the learning rate is written with {@link
 * Float#toString(float)}, which reads back to the same float. Saving is atomic; loading checks
 * everything before it changes the network or the optimizer.
 */
public final class Checkpoint {

  static final String RANDOM_STATE_KEY = "model.random_state";
  static final String OPTIMIZER_KEY = "optimizer";
  static final String ITERATIONS_KEY = "optimizer.iterations";
  static final String LEARNING_RATE_KEY = "optimizer.learning_rate";
  static final String EPOCH_KEY = "training.epoch";
  static final String PROPERTY_PREFIX = "progress.";

  private Checkpoint() {}

  /**
   * Saves {@code model}, {@code optimizer} and {@code progress} to {@code file}, atomically. An
   * optimizer that has not stepped yet is bound to the model's parameters first (its state is
   * then zero).
   */
  public static void save(Path file, Model model, Optimizer optimizer, TrainingProgress progress)
      throws IOException {
    List<Tensor> parameters = model.parameters();
    optimizer.bind(parameters);
    String kind = kind(optimizer);
    SafeTensorsWriter writer = ModelFiles.writer(model)
        .metadata(CONTENT_KEY, CHECKPOINT)
        .metadata(RANDOM_STATE_KEY, Long.toString(model.randomState()))
        .metadata(OPTIMIZER_KEY, kind)
        .metadata(ITERATIONS_KEY, Integer.toString(optimizer.iterations()))
        .metadata(LEARNING_RATE_KEY, Float.toString(optimizer.learningRate()))
        .metadata(EPOCH_KEY, Integer.toString(progress.epoch()));
    for (Map.Entry<String, String> e : progress.properties().entrySet()) {
      writer.metadata(PROPERTY_PREFIX + e.getKey(), e.getValue());
    }
    List<String> states = optimizer.stateNames();
    for (int s = 0; s < states.size(); s++) {
      for (int t = 0; t < parameters.size(); t++) {
        Tensor parameter = parameters.get(t);
        int[] shape = parameter.shape();
        float[][] state = optimizer.state(s, t);
        writer.add(stateName(kind, states.get(s), parameter), DType.F32,
            ParameterLayout.fileShape(shape), sink -> ParameterLayout.write(sink, state, shape));
      }
    }
    writer.write(file);
  }

  /**
   * Restores {@code model} and {@code optimizer} from {@code file} and returns the progress saved
   * with them. The optimizer must be of the same class as the one saved; it may be new (it is
   * then bound to the model's parameters) or bound to them already. Its learning rate and step
   * count are restored too.
   *
   * @throws SafeTensorsFormatException if the file is not valid safetensors
   * @throws IncompatibleModelFileException if the file is not a checkpoint or does not fit the
   *     network or the optimizer; nothing has changed then
   */
  public static TrainingProgress load(Path file, Model model, Optimizer optimizer)
      throws IOException {
    try (SafeTensorsFile opened = SafeTensorsFile.open(file)) {
      return load(opened, model, optimizer);
    }
  }

  /** Restores from a file already open; see {@link #load(Path, Model, Optimizer)}. */
  public static TrainingProgress load(SafeTensorsFile file, Model model, Optimizer optimizer)
      throws IOException {
    Map<String, String> metadata = file.metadata();
    if (!CHECKPOINT.equals(metadata.get(CONTENT_KEY))) {
      throw new IncompatibleModelFileException(file.source(), "the file is not a checkpoint"
          + " (its metadata lacks " + CONTENT_KEY + " = " + CHECKPOINT + ")");
    }
    String kind = kind(optimizer);
    String savedKind = require(file, OPTIMIZER_KEY);
    if (!savedKind.equals(kind)) {
      throw new IncompatibleModelFileException(file.source(), "the checkpoint holds the state"
          + " of optimizer " + savedKind + ", which cannot be restored into " + kind);
    }
    long randomState = parseLong(file, RANDOM_STATE_KEY);
    int iterations = (int) parseRange(file, ITERATIONS_KEY);
    int epoch = (int) parseRange(file, EPOCH_KEY);
    float learningRate = parseLearningRate(file);
    Map<String, String> properties = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      if (e.getKey().startsWith(PROPERTY_PREFIX)) {
        properties.put(e.getKey().substring(PROPERTY_PREFIX.length()), e.getValue());
      }
    }

    List<Tensor> parameters = model.parameters();
    List<String> states = optimizer.stateNames();
    List<Map.Entry<String, long[]>> stateTensors = new ArrayList<>();
    for (String state : states) {
      for (Tensor parameter : parameters) {
        stateTensors.add(new SimpleImmutableEntry<>(stateName(kind, state, parameter),
            ParameterLayout.fileShape(parameter.shape())));
      }
    }
    List<Tensor> tensors = ModelFiles.tensors(model);
    float[][] staged = ModelFiles.stage(tensors, file, stateTensors, List.of());
    float[][] stagedState = new float[stateTensors.size()][];
    for (int i = 0; i < stagedState.length; i++) {
      stagedState[i] = file.readFloats(stateTensors.get(i).getKey());
    }
    optimizer.bind(parameters);

    ModelFiles.commit(tensors, staged);
    model.setRandomState(randomState);
    for (int s = 0, i = 0; s < states.size(); s++) {
      for (int t = 0; t < parameters.size(); t++, i++) {
        ParameterLayout.copy(stagedState[i], optimizer.state(s, t), parameters.get(t).shape());
      }
    }
    optimizer.setIterations(iterations);
    optimizer.setLearningRate(learningRate);
    return new TrainingProgress(epoch, properties);
  }

  /** The name of state {@code state} of {@code parameter} in the file. */
  static String stateName(String kind, String state, Tensor parameter) {
    return OPTIMIZER_PREFIX + kind + "." + state + "." + parameter.name();
  }

  private static String kind(Optimizer optimizer) {
    return optimizer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String require(SafeTensorsFile file, String key)
      throws IncompatibleModelFileException {
    String value = file.metadata().get(key);
    if (value == null) {
      throw new IncompatibleModelFileException(file.source(),
          "the checkpoint's metadata lacks " + key);
    }
    return value;
  }

  private static long parseLong(SafeTensorsFile file, String key)
      throws IncompatibleModelFileException {
    String value = require(file, key);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IncompatibleModelFileException(file.source(), "the checkpoint's metadata "
          + key + " is \"" + value + "\", not an integer");
    }
  }

  /** A metadata integer in [0, Integer.MAX_VALUE]. */
  private static long parseRange(SafeTensorsFile file, String key)
      throws IncompatibleModelFileException {
    long value = parseLong(file, key);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new IncompatibleModelFileException(file.source(), "the checkpoint's metadata "
          + key + " is " + value + ", outside [0, " + Integer.MAX_VALUE + "]");
    }
    return value;
  }

  private static float parseLearningRate(SafeTensorsFile file)
      throws IncompatibleModelFileException {
    String value = require(file, LEARNING_RATE_KEY);
    float rate;
    try {
      rate = Float.parseFloat(value);
    } catch (NumberFormatException e) {
      rate = Float.NaN;
    }
    if (!(rate > 0f) || Float.isInfinite(rate)) {
      throw new IncompatibleModelFileException(file.source(), "the checkpoint's metadata "
          + LEARNING_RATE_KEY + " is \"" + value + "\", not a positive finite number");
    }
    return rate;
  }
}
