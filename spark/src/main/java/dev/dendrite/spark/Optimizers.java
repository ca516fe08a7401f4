package dev.dendrite.spark;

import dev.dendrite.optim.AdaDelta;
import dev.dendrite.optim.AdaGrad;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.AdamW;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.RmsProp;
import dev.dendrite.optim.Sgd;
import java.util.List;
import java.util.Locale;

/** The runtime's optimizers by name, each with the learning rate given and its other defaults. */
final class Optimizers {

  /** The names {@link #create} knows. */
  static final List<String> NAMES =
      List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad", "adadelta");

  /** The momentum of {@code momentum} and {@code nesterov}. */
  static final float MOMENTUM = 0.9f;

  private Optimizers() {}

  /**
   * A new optimizer: {@code sgd} (plain), {@code momentum} and {@code nesterov} (SGD with
   * momentum 0.9), {@code adam}, {@code adamw} (weight decay 0.01), {@code rmsprop}, {@code
   * adagrad}, {@code adadelta}.
   */
  static Optimizer create(String name, float learningRate) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "sgd" -> Sgd.plain(learningRate);
      case "momentum" -> Sgd.withMomentum(learningRate, MOMENTUM);
      case "nesterov" -> Sgd.withNesterov(learningRate, MOMENTUM);
      case "adam" -> new Adam(learningRate);
      case "adamw" -> new AdamW(learningRate, AdamW.DEFAULT_WEIGHT_DECAY);
      case "rmsprop" -> new RmsProp(learningRate);
      case "adagrad" -> new AdaGrad(learningRate);
      case "adadelta" -> new AdaDelta(learningRate, AdaDelta.DEFAULT_RHO,
          AdaDelta.DEFAULT_EPSILON);
      default -> throw new IllegalArgumentException("unknown optimizer '" + name
          + "'; expected one of " + NAMES);
    };
  }
}
