package dev.dendrite.processor.model;

import java.util.List;

/**
 * The facts about the annotated type that decide whether a network can be generated for it.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleName the type's simple name
 * @param nestingPath the names of the enclosing types and the type, outermost first, joined with
 *     dots (e.g. {@code Outer.Inner}); equals {@code simpleName} for a top-level type
 * @param kind what the type is: CLASS, INTERFACE, ENUM, RECORD or ANNOTATION_TYPE
 * @param isFinal whether the class is final
 * @param isSealed whether the class is sealed
 * @param privateType the type, or the enclosing type, that is private, as a nesting path;
 *     {@code null} if none is
 * @param isInnerClass whether it is a nested class that is not static (it needs an outer instance)
 * @param typeParameters the names of its type parameters, empty if it is not generic
 * @param hasUsableConstructor whether it has a non-private constructor without parameters that
 *     throws no checked exception, which the generated constructors call
 * @param constructors the declared constructors as written, e.g. {@code private Mlp(int width)},
 *     for messages
 * @param methods the methods the generated subclass meets: every non-private method it would
 *     inherit, and every abstract method nothing implements yet (none of {@code Object}'s)
 * @param members the non-private fields and member types the generated subclass would inherit
 * @param source the type, for diagnostics
 */
public record ClassDecl(
    String packageName,
    String simpleName,
    String nestingPath,
    Kind kind,
    boolean isFinal,
    boolean isSealed,
    String privateType,
    boolean isInnerClass,
    List<String> typeParameters,
    boolean hasUsableConstructor,
    List<String> constructors,
    List<MethodDecl> methods,
    List<MemberDecl> members,
    SourceRef source) {

  public ClassDecl {
    typeParameters = List.copyOf(typeParameters);
    constructors = List.copyOf(constructors);
    methods = List.copyOf(methods);
    members = List.copyOf(members);
  }

  /** The kinds of type a {@code @Network} annotation can be written on. */
  public enum Kind {
    CLASS,
    INTERFACE,
    ENUM,
    RECORD,
    ANNOTATION_TYPE
  }

  /** The simple name of the generated float network, e.g. {@code Outer_InnerNet}. */
  public String generatedName() {
    return generatedName(nestingPath);
  }

  /** The simple name of the float network generated for {@code nestingPath}. */
  public static String generatedName(String nestingPath) {
    return nestingPath.replace('.', '_') + "Net";
  }
}
