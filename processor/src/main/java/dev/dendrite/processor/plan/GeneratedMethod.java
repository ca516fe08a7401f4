package dev.dendrite.processor.plan;

import dev.dendrite.processor.model.MethodDecl;
import java.util.List;

/**
 * A method of the generated float network, as the user's class can meet it: a method of {@code
 * dev.dendrite.Model} it implements, or one of its private passes and kernels. The class writer
 * writes exactly these methods and checks that it did.
 *
 * @param name its name
 * @param parameterTypes its erased parameter types in the float network, as {@link MethodDecl}
 *     writes them
 * @param returnType its erased return type in the float network
 * @param implementsModel whether it implements a method of {@code Model}; the others are private
 * @param purpose what a private method is for, for messages: {@code for layer 'hidden'}, {@code
 *     for its buffers}, {@code for its threads} or {@code for its passes}
 */
public record GeneratedMethod(
    String name, List<String> parameterTypes, String returnType, boolean implementsModel,
    String purpose) {

  public GeneratedMethod {
    parameterTypes = List.copyOf(parameterTypes);
  }

  /** Whether {@code method} has this name and these parameter types. */
  public boolean matches(MethodDecl method) {
    return name.equals(method.name()) && parameterTypes.equals(method.parameterTypes());
  }

  /** The signature with simple type names, e.g. {@code hiddenForward(float[][], int, int)}. */
  public String signature() {
    return name + "(" + String.join(", ", parameterTypes) + ")";
  }

  static GeneratedMethod model(String name, String returnType, String... parameterTypes) {
    return new GeneratedMethod(name, List.of(parameterTypes), returnType, true, null);
  }

  static GeneratedMethod kernel(String layer, String name, String returnType,
      String... parameterTypes) {
    return new GeneratedMethod(name, List.of(parameterTypes), returnType, false,
        "for layer '" + layer + "'");
  }

  static GeneratedMethod helper(String purpose, String name, String returnType,
      String... parameterTypes) {
    return new GeneratedMethod(name, List.of(parameterTypes), returnType, false, purpose);
  }
}
