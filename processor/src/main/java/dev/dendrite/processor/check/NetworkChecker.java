package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.model.CheckedNetwork;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every rule over a declaration, so that a class shows all of its problems at once, and,
 * when none reports an error, propagates the shapes from the input to the output into a
 * {@link CheckedNetwork}.
 */
public final class NetworkChecker {

  /** Default negative slope of LEAKY_RELU. */
  public static final double LEAKY_RELU_ALPHA = 0.01;

  /** Default alpha of ELU. */
  public static final double ELU_ALPHA = 1.0;

  /** Default initial slope of PRELU. */
  public static final double PRELU_ALPHA = 0.25;

  /** Default standard deviation of the NORMAL and range of the UNIFORM initialiser. */
  public static final double INIT_SCALE = 0.05;

  private final List<Rule> rules = List.of(
      new ClassRules(), new MemberRules(), new FieldRules(), new InputRules(),
      new ShapeRules(), new LayerRules(), new PenaltyRules(), new DenseOptionRules(),
      new FlattenRules(), new BatchNormRules(), new OutputRules());

  /** The outcome of checking one declaration. */
  public record Result(Optional<CheckedNetwork> network, List<Problem> problems) {}

  /** Checks {@code declaration}; the network is present only if no error was found. */
  public Result check(NetworkDecl declaration) {
    Problems problems = new Problems();
    for (Rule rule : rules) {
      rule.check(declaration, problems);
    }
    if (problems.hasErrors()) {
      return new Result(Optional.empty(), problems.all());
    }
    return new Result(Optional.of(build(declaration)), problems.all());
  }

  private static CheckedNetwork build(NetworkDecl declaration) {
    List<CheckedLayer> layers = new ArrayList<>();
    int size = 0;
    int[] shape = {};
    for (FieldDecl field : declaration.fields()) {
      LayerSpec spec = field.layers().get(0);
      String name = field.name();
      if (spec instanceof LayerSpec.InputSpec input) {
        CheckedLayer.InputLayer layer = new CheckedLayer.InputLayer(name, input.shape());
        size = layer.outputSize();
        shape = input.shape();
        layers.add(layer);
      } else if (spec instanceof LayerSpec.DenseSpec dense) {
        layers.add(new CheckedLayer.DenseLayer(
            name, size, dense.units(), dense.activation(), alpha(dense), dense.bias(),
            dense.init(), initScale(dense),
            dense.preluMode() == null ? PreluMode.PER_UNIT : dense.preluMode(), dense.l1(),
            dense.l2()));
        size = dense.units();
        shape = new int[] {size};
      } else if (spec instanceof LayerSpec.DropoutSpec dropout) {
        layers.add(new CheckedLayer.DropoutLayer(name, size, dropout.rate(), shape));
      } else if (spec instanceof LayerSpec.BatchNormSpec norm) {
        layers.add(new CheckedLayer.BatchNormLayer(name, size, norm.momentum(), norm.epsilon(),
            norm.activation(), alpha(norm.activation(), norm.alpha())));
      } else if (spec instanceof LayerSpec.FlattenSpec) {
        layers.add(new CheckedLayer.FlattenLayer(name, size));
        shape = new int[] {size};
      }
    }
    return new CheckedNetwork(
        declaration.type().packageName(),
        declaration.type().nestingPath(),
        declaration.loss(),
        declaration.doublePrecision(),
        layers);
  }

  private static double alpha(LayerSpec.DenseSpec dense) {
    return alpha(dense.activation(), dense.alpha());
  }

  /** The activation's parameter: as written, its default, or {@code NaN} if it takes none. */
  private static double alpha(Activation activation, double written) {
    double fallback = switch (activation) {
      case LEAKY_RELU -> LEAKY_RELU_ALPHA;
      case ELU -> ELU_ALPHA;
      case PRELU -> PRELU_ALPHA;
      default -> Double.NaN;
    };
    return Double.isNaN(fallback) || Double.isNaN(written) ? fallback : written;
  }

  /** The scale of NORMAL or UNIFORM, as written or by default; {@code NaN} for the others. */
  private static double initScale(LayerSpec.DenseSpec dense) {
    if (dense.init() != Init.NORMAL && dense.init() != Init.UNIFORM) {
      return Double.NaN;
    }
    return Double.isNaN(dense.initScale()) ? INIT_SCALE : dense.initScale();
  }
}
