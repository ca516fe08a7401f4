package dev.dendrite.processor.model;

import java.util.List;

/**
 * The methods of the runtime interface {@code dev.dendrite.Model}, which every generated float
 * network implements in part: the abstract ones always, the defaults where it has something
 * better to do. A method of the user's class with one of these signatures meets the generated
 * network's; any other abstract method is one the network cannot implement.
 */
public final class ModelMethods {

  private ModelMethods() {}

  /** The qualified name of the interface. */
  public static final String MODEL = "dev.dendrite.Model";

  /**
   * A method of {@code Model} or of a class generated for it.
   *
   * @param name its name
   * @param parameterTypes its erased parameter types, as {@link MethodDecl} writes them
   * @param returnType its erased return type
   */
  public record Signature(String name, List<String> parameterTypes, String returnType) {

    public Signature {
      parameterTypes = List.copyOf(parameterTypes);
    }

    /** Whether {@code method} has this name and these parameter types. */
    public boolean matches(MethodDecl method) {
      return name.equals(method.name()) && parameterTypes.equals(method.parameterTypes());
    }
  }

  private static final String MATRIX = "float[][]";
  private static final String VECTOR = "float[]";

  /**
   * {@code predict(float[], float[])}, which a network that predicts one sample in local
   * variables implements.
   */
  public static final Signature SINGLE_PREDICTION =
      new Signature("predict", List.of(VECTOR, VECTOR), "void");

  /** Every method of {@code Model} and of the interfaces it extends. */
  public static final List<Signature> ALL = List.of(
      new Signature("networkName", List.of(), "java.lang.String"),
      new Signature("layers", List.of(), "java.util.List"),
      new Signature("loss", List.of(), "dev.dendrite.annotation.Loss"),
      new Signature("inputSize", List.of(), "int"),
      new Signature("outputSize", List.of(), "int"),
      new Signature("parameterCount", List.of(), "long"),
      new Signature("nonTrainableCount", List.of(), "long"),
      new Signature("randomState", List.of(), "long"),
      new Signature("setRandomState", List.of("long"), "void"),
      new Signature("summary", List.of(), "java.lang.String"),
      new Signature("parameters", List.of(), "java.util.List"),
      new Signature("buffers", List.of(), "java.util.List"),
      new Signature("forward", List.of(MATRIX, "int", "boolean"), MATRIX),
      new Signature("backward", List.of(MATRIX), "float"),
      new Signature("step", List.of("dev.dendrite.optim.Optimizer"), "void"),
      new Signature("predict", List.of(MATRIX, "int", MATRIX), "void"),
      SINGLE_PREDICTION,
      new Signature("predict", List.of(VECTOR), VECTOR),
      new Signature("penaltyLoss", List.of(), "float"),
      new Signature("threads", List.of(), "int"),
      new Signature("setThreads", List.of("int"), "void"));

  /** The abstract methods of {@code Model}, which every implementation implements. */
  public static final List<String> ABSTRACT = List.of(
      "networkName", "layers", "loss", "parameters", "forward", "backward");

  /**
   * The default methods of {@code Model} that a generated network implements where it has
   * something better to do, with {@link #SINGLE_PREDICTION}: the others (its sizes, the other
   * predictions, summary) it always inherits.
   */
  public static final List<String> OVERRIDDEN_DEFAULTS = List.of(
      "buffers", "randomState", "setRandomState", "penaltyLoss", "threads", "setThreads", "step");

  /** The method of {@code Model} with the name and parameter types of {@code method}, if any. */
  public static java.util.Optional<Signature> of(MethodDecl method) {
    return ALL.stream().filter(s -> s.matches(method)).findFirst();
  }

  /** Whether a generated network may implement {@code signature}. */
  public static boolean mayImplement(Signature signature) {
    return ABSTRACT.contains(signature.name()) || OVERRIDDEN_DEFAULTS.contains(signature.name())
        || signature.equals(SINGLE_PREDICTION);
  }
}
