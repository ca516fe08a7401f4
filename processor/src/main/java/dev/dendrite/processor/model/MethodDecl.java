package dev.dendrite.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A method of the annotated class or of one of its supertypes.
 *
 * @param name the method name
 * @param parameterTypes the erased parameter types, e.g. {@code float[][]} or
 *     {@code java.lang.String}
 * @param returnType the erased return type, e.g. {@code void}
 * @param isAbstract whether it is abstract (and nothing implements it yet)
 * @param isStatic whether it is static
 * @param isFinal whether it is final
 * @param declaringType the qualified name of the type that declares it
 * @param declaredHere whether the annotated class itself declares it
 * @param source the method if declared here, otherwise the annotated class
 */
public record MethodDecl(
    String name,
    List<String> parameterTypes,
    String returnType,
    boolean isAbstract,
    boolean isStatic,
    boolean isFinal,
    String declaringType,
    boolean declaredHere,
    SourceRef source) {

  public MethodDecl {
    parameterTypes = List.copyOf(parameterTypes);
  }

  /** The signature with simple type names, e.g. {@code forward(float[][], int, boolean)}. */
  public String signature() {
    return name + parameterTypes.stream().map(MethodDecl::simple)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code java.util.List} to {@code List}; primitives and arrays of them stay as they are. */
  public static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
