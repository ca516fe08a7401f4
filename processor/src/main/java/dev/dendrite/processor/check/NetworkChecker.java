package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
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

  private final List<Rule> rules = List.of(
      new ClassRules(), new MemberRules(), new FieldRules(), new NameRules(), new InputRules(),
      new ShapeRules(), new LayerRules(), new OutputRules());

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
    for (FieldDecl field : declaration.fields()) {
      LayerSpec spec = field.layers().get(0);
      String name = field.name();
      if (spec instanceof LayerSpec.InputSpec input) {
        CheckedLayer.InputLayer layer = new CheckedLayer.InputLayer(name, input.shape());
        size = layer.outputSize();
        layers.add(layer);
      } else if (spec instanceof LayerSpec.DenseSpec dense) {
        layers.add(new CheckedLayer.DenseLayer(
            name, size, dense.units(), dense.activation(), alpha(dense)));
        size = dense.units();
      } else if (spec instanceof LayerSpec.DropoutSpec dropout) {
        layers.add(new CheckedLayer.DropoutLayer(name, size, dropout.rate()));
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
    if (dense.activation() == Activation.LEAKY_RELU) {
      return Double.isNaN(dense.alpha()) ? LEAKY_RELU_ALPHA : dense.alpha();
    }
    if (dense.activation() == Activation.ELU) {
      return Double.isNaN(dense.alpha()) ? ELU_ALPHA : dense.alpha();
    }
    return Double.NaN;
  }
}
